// Runs the integration suites inside a real VS Code: the VS Code server from the cached
// code-server install, its web workbench in headless Chromium, the extension under development
// loaded from the repo root, the local open.cx API stand-in behind it. Two phases:
//  1. the extension-host suite (out/test/integration/index.js, run by the workbench's test runner);
//  2. the UI suite (out/test/ui/*.test.js, mocha in this process) that drives a fresh workbench
//     window with keyboard and mouse through playwright, signed out at first.
//
//   npm run compile && npm run compile-tests && node scripts/vscode/run-integration.mjs
//
// Options: --vscode <version>: the VS Code to run on, "current" (default), "oldest" or a version
//          (env OPENCX_VSCODE_VERSION; see vscode-versions.mjs);
//          --timeout <seconds> (default 600, or env OPENCX_INTEGRATION_TIMEOUT);
//          --screenshots <dir>: where the UI suite saves its pictures of the real UI (default
//          out/screenshots; `npm run screenshots` sends them to media/screenshots for the README).
// Env OPENCX_RESULT_FILE: also write {"passed":N,"failed":N} there.
// Exit code: 0 when the suite passed, non-zero otherwise (a suite that never reports counts as
// 0 passed, 1 failed).

import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { vscodeVersion } from './vscode-versions.mjs';
import {
  ensureInstalled,
  handleSignals,
  isKnownNoise,
  log,
  openWorkbench,
  repoRoot,
  requireBuilt,
  seconds,
  startServer,
  startStandIn,
  stopAll,
} from './vscode-server.mjs';
import { runWorkbenchMocha, testFiles } from './workbench-mocha.mjs';

const { values: options } = parseArgs({
  options: {
    timeout: { type: 'string', default: process.env.OPENCX_INTEGRATION_TIMEOUT ?? '600' },
    screenshots: { type: 'string', default: 'out/screenshots' },
    vscode: { type: 'string', default: process.env.OPENCX_VSCODE_VERSION },
  },
});
// Read by install.mjs and startServer (through vscodeVersion()); fails early on an unknown one.
if (options.vscode) process.env.OPENCX_VSCODE_VERSION = vscodeVersion(options.vscode).vscode;
const timeoutMs = Number(options.timeout) * 1000;
if (!(timeoutMs > 0)) {
  console.error(`--timeout must be a number of seconds, not "${options.timeout}"`);
  process.exit(2);
}

const TESTS_ENTRY = 'out/test/integration/index.js';
const UI_TESTS = join(repoRoot, 'out/test/ui');
const RESULT_LINE = /^INTEGRATION_RESULT (\d+) (\d+)\s*$/m;

handleSignals();

let counts; // { passed, failed } once the suite reports
let uiCounts = { passed: 0, failed: 0 };
let exitCode = 1;
let suiteStarted;

try {
  requireBuilt(['dist/extension.js', TESTS_ENTRY]);
  await ensureInstalled();
  const standIn = await startStandIn();
  const server = await startServer({
    // The shortest watch interval, so that the watching tests wait 15 s, not a minute; the
    // notification of sessions that need a human (watching is off unless a test turns it on).
    settings: { 'opencx.apiBaseUrl': standIn.url, 'opencx.watchInterval': 15, 'opencx.notify': 'handedOff' },
    // The extension host inherits the server's environment: tests read the stand-in from here.
    env: { OPENCX_TEST_API_URL: standIn.url, OPENCX_TEST_TOKEN: standIn.token },
  });

  suiteStarted = Date.now();
  const workbench = await openWorkbench(server, {
    extensionTestsPath: join(repoRoot, TESTS_ENTRY),
    onLog: (type, text) => {
      const match = RESULT_LINE.exec(text);
      if (match) counts = { passed: Number(match[1]), failed: Number(match[2]) };
      if (isKnownNoise(text)) return;
      const stream = type === 'error' || type === 'warn' ? process.stderr : process.stdout;
      stream.write(`${text}\n`);
    },
  });
  workbench.page.on('pageerror', (error) => console.error(`[workbench] ${error.message}`));
  // A crashed page never reports: stop waiting at once.
  const crashed = new Promise((resolve) => workbench.page.on('crash', () => resolve('crash')));

  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const result = await Promise.race([workbench.exitCode, timedOut, crashed]);
  clearTimeout(timer);
  if (typeof result === 'number') {
    exitCode = result;
  } else {
    console.error(
      result === 'crash'
        ? '[vscode] the workbench page crashed'
        : `[vscode] the suite did not finish within ${seconds(timeoutMs)}`,
    );
    const serverOutput = server.recentOutput();
    if (serverOutput) console.error(`[vscode] last server output:\n${serverOutput}`);
    exitCode = 1;
  }
  await workbench.close();
  uiCounts = await runUiSuite(server, standIn);
} catch (error) {
  console.error(`[vscode] ${/** @type {import('./lifecycle.mjs').Thrown} */ (error)?.stack ?? error}`);
  exitCode = 1;
} finally {
  await stopAll();
}

if (!counts) {
  console.error('[vscode] the suite never reported its result (no INTEGRATION_RESULT line)');
  counts = { passed: 0, failed: 1 };
}
// A suite that reported failures, or ended abnormally, must not exit 0.
if (counts.failed > 0 && exitCode === 0) exitCode = 1;
if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
log(`extension-host suite: ${counts.passed} passed, ${counts.failed} failed; UI suite: ${uiCounts.passed} passed, ${uiCounts.failed} failed`);
counts = { passed: counts.passed + uiCounts.passed, failed: counts.failed + uiCounts.failed };
if (counts.failed > 0) exitCode = 1;

if (suiteStarted) log(`suite took ${seconds(Date.now() - suiteStarted)}`);
if (process.env.OPENCX_RESULT_FILE) {
  await writeFile(process.env.OPENCX_RESULT_FILE, `${JSON.stringify(counts)}\n`);
}
console.log(`integration: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(exitCode);

/**
 * Phase 2: mocha in this process, driving a fresh workbench window (new browser, signed out).
 * @param {import('./vscode-server.mjs').VsCodeServer} server
 * @param {import('./vscode-server.mjs').StandIn} standIn
 */
function runUiSuite(server, standIn) {
  standIn.reset();
  return runWorkbenchMocha({
    name: 'UI suite',
    server,
    standIn,
    files: testFiles(UI_TESTS),
    screenshotDir: resolve(repoRoot, options.screenshots),
  });
}
