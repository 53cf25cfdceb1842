// Configuration for @vscode/test-cli (`npx vscode-test`, or the Extension Test Runner) on a desktop
// where VS Code can be downloaded. It runs the same integration suite as `npm run test:integration`
// (which uses a VS Code server from the npm registry instead, for machines without that download).
// Build first: npm run compile && npm run compile-tests
//
// The suite needs the local open.cx API stand-in, so this module starts it (it lives as long as
// the test-cli process, which exits when the run ends), hands its URL and token to the extension
// host as OPENCX_TEST_API_URL / OPENCX_TEST_TOKEN, and points `opencx.apiBaseUrl` at it through
// the settings of a fresh user-data dir.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

const tempDir = mkdtempSync(join(tmpdir(), 'opencx-vscode-test-'));
process.on('exit', () => rmSync(tempDir, { recursive: true, force: true }));
const userDataDir = join(tempDir, 'user-data');
const workspaceDir = join(tempDir, 'workspace');
mkdirSync(join(userDataDir, 'User'), { recursive: true });
mkdirSync(workspaceDir, { recursive: true });

/** @type {Record<string, unknown>} */
const settings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
};
/** @type {Record<string, string>} */
const env = {};

// Listing the configuration (the editor's test explorer does) starts nothing.
if (!process.argv.includes('--list-configuration')) {
  // Typed from its source: out/ need not be built for this file to be checked.
  const standInModule = './out/test/server/server.js';
  const { startStandIn } = /** @type {typeof import('./test/server/server.js')} */ (require(standInModule));
  const standIn = await startStandIn({ host: '127.0.0.1', port: 0 });
  settings['opencx.apiBaseUrl'] = standIn.url;
  env.OPENCX_TEST_API_URL = standIn.url;
  env.OPENCX_TEST_TOKEN = standIn.token;
}
writeFileSync(join(userDataDir, 'User/settings.json'), `${JSON.stringify(settings, null, 2)}\n`);

/** @type {import('@vscode/test-cli').TestConfiguration} */
export default {
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: workspaceDir,
  mocha: { ui: 'tdd', timeout: 20_000 },
  env,
  launchArgs: [`--user-data-dir=${userDataDir}`, '--disable-extensions', '--disable-workspace-trust'],
};
