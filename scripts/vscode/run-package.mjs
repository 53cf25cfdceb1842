// Proves what ships: builds the .vsix with `npm run package`, installs it into a fresh extensions
// folder of the real VS Code with the server's own --install-extension (no extension under
// development), and runs the package suite (out/test/package/*.test.js) against the installed
// build through the workbench, as a user would: without extensionTestsPath nothing runs inside
// the extension host, and the installed extension runs in Production mode (no development token).
//
//   npm run test:package
//
// Options: --vsix <file>: test this .vsix instead of building one;
//          --vscode <version>: "current" (default), "oldest" or a version (see vscode-versions.mjs).
// Env OPENCX_RESULT_FILE: also write {"passed":N,"failed":N} there. Exit code 0 when all passed.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { onCleanup } from './lifecycle.mjs';
import { handleSignals, log, repoRoot, requireBuilt, startServer, startStandIn } from './vscode-server.mjs';
import { vscodeVersion } from './vscode-versions.mjs';
import { runAndReport, runWorkbenchMocha, testFiles } from './workbench-mocha.mjs';

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string' },
    vscode: { type: 'string', default: process.env.OPENCX_VSCODE_VERSION },
  },
});
if (options.vscode) process.env.OPENCX_VSCODE_VERSION = vscodeVersion(options.vscode).vscode;

handleSignals();

/** `npm run package` into a temporary folder (not the clone, where a stale .vsix could linger). */
function buildVsix() {
  const folder = mkdtempSync(join(tmpdir(), 'opencx-vsix-'));
  const file = join(folder, 'opencx-sessions.vsix');
  log(`building ${file} with npm run package`);
  const build = spawnSync('npm', ['run', 'package', '--', '--out', file], {
    cwd: repoRoot,
    stdio: 'inherit',
    // The project's Node first, for vsce and the production bundle it builds first.
    env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` },
  });
  if (build.status !== 0) throw new Error(`npm run package failed (exit ${build.status})`);
  return { file, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

await runAndReport('package', async () => {
  requireBuilt(['out/test/server/server.js', 'out/test/package']);
  const vsix = options.vsix ? { file: options.vsix, remove: () => {} } : buildVsix();
  // Removed once the server that installed it has stopped (cleanups run newest first).
  onCleanup('.vsix', vsix.remove);
  log(`${vsix.file}: ${(statSync(vsix.file).size / 1024).toFixed(0)} KiB`);
  const standIn = await startStandIn();
  const server = await startServer({ settings: { 'opencx.apiBaseUrl': standIn.url }, extensionFiles: [vsix.file] });
  return runWorkbenchMocha({
    name: 'package suite',
    server,
    standIn,
    files: testFiles(join(repoRoot, 'out/test/package')),
    screenshotDir: join(repoRoot, 'out/screenshots'),
    // Nothing under development: what runs is what --install-extension put in the folder.
    workbench: { extensionDevelopmentPath: null },
  });
});
