// Shared launch logic for running the extension in a real VS Code without downloading a VS Code
// build: the VS Code server shipped in the npm package code-server (its web workbench and Node
// extension host), driven by headless Chromium through playwright-core (workbench.mjs).
// Used by run-integration.mjs (the integration suites and the README screenshots),
// run-package.mjs (the packaged extension), demo.mjs and the benchmark. The VS Code version is
// chosen with OPENCX_VSCODE_VERSION (vscode-versions.mjs); install.mjs installs it.

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureServer } from './install.mjs';
import { killGroup, log, onCleanup, processGroups, seconds } from './lifecycle.mjs';
import { repoRoot, requireFromRepo } from './repo.mjs';

export { cacheRoot, ensureInstalled, ensureServer } from './install.mjs';
export { handleSignals, isStopping, log, seconds, stopAll } from './lifecycle.mjs';
export { repoRoot, requireBuilt } from './repo.mjs';
export { isKnownNoise, openWorkbench, workbenchUrl } from './workbench.mjs';

// User settings that keep the workbench quiet and predictable for tests and screenshots.
const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'github.copilot.enable': { '*': false },
  'window.commandCenter': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.minimap.enabled': false,
};

// ---------------------------------------------------------------------------------------------
// Processes: the open.cx API stand-in and the VS Code server (the browser: workbench.mjs).

/** @typedef {import('../../test/server/server.js').StandIn} StandIn */

/**
 * Starts the local open.cx API stand-in (compiled test/server/server.ts), in this process.
 * Returns { url, token, close }.
 * @param {import('../../test/server/server.js').StandInOptions} [options]
 * @returns {Promise<StandIn>}
 */
export async function startStandIn(options = {}) {
  const modulePath = join(repoRoot, 'out/test/server/server.js');
  if (!existsSync(modulePath)) {
    throw new Error(`${modulePath} is missing: run \`npm run compile-tests\` first.`);
  }
  const { startStandIn: start } = /** @type {typeof import('../../test/server/server.js')} */ (requireFromRepo(modulePath));
  const standIn = await start({ host: '127.0.0.1', port: 0, ...options });
  onCleanup('API stand-in', () => standIn.close());
  log(`API stand-in on ${standIn.url}`);
  return standIn;
}

/**
 * Resolves to the port the server listens on, once its output says so.
 * @param {import('node:child_process').ChildProcess} child
 * @param {import('node:readline').Interface} outputLines
 * @param {number} timeoutMs
 * @returns {Promise<number>}
 */
async function waitForServer(child, outputLines, timeoutMs) {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`VS Code server did not start within ${seconds(timeoutMs)}`)),
      timeoutMs,
    );
    /** @param {string} line */
    const onLine = (line) => {
      const match = /Extension host agent listening on (\d+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolvePromise(Number(match[1]));
      }
    };
    outputLines.on('line', onLine);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`VS Code server exited during start-up (${signal ?? `exit ${code}`})`));
    });
  });
}

/**
 * @typedef {object} ServerOptions
 * @property {string} [host]
 * @property {number} [port]
 * @property {Record<string, unknown>} [settings]
 * @property {Record<string, string>} [env]
 * @property {boolean} [echo]
 * @property {string[]} [extensionFiles]
 * @property {string} [locale]
 * @property {boolean} [endClosedWindows]
 */

/** @typedef {{ server: string, user: string, extensions: string, workspace: string }} ServerDirs */

/**
 * @typedef {object} VsCodeServer
 * @property {number} pid
 * @property {Promise<number | null>} exited settles with the exit code when the server exits
 * @property {string} authority host:port, as in its URLs
 * @property {number} port
 * @property {ServerDirs} dirs
 * @property {string} logPath
 * @property {() => string} recentOutput
 */

/**
 * Starts the VS Code server (server-main.js directly: the code-server launcher rejects
 * --enable-smoke-test-driver, without which the workbench ignores the extension payload).
 * Fresh temporary data dirs and workspace per run; `settings` are merged into the user settings;
 * `env` reaches the extension host, which inherits the server's environment. `locale` is the
 * display language (vscode.env.language), which picks the extensions' l10n bundles.
 * `endClosedWindows` stops a window's extension host as soon as the window closes. By default the
 * server keeps it in case the window reconnects: three hours, cut to five minutes once another
 * window connects. A benchmark that opens a window every minute or so on one server would time
 * each one beside the extension hosts of the last few (1–2% of a core each, idle). Older servers
 * (1.105.1) have no option for it and keep them.
 * @param {ServerOptions} [options]
 * @returns {Promise<VsCodeServer>}
 */
export async function startServer({ host = '127.0.0.1', port = 0, settings = {}, env = {}, echo = false, extensionFiles = [], locale, endClosedWindows = false } = {}) {
  const { serverMain, node, version } = await ensureServer();
  const { tempDir, dirs } = await serverDirs(settings);
  for (const file of extensionFiles) installExtension({ serverMain, node }, dirs, file);

  const args = [
    serverMain,
    '--host', host,
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-update-check',
    '--server-data-dir', dirs.server,
    '--user-data-dir', dirs.user,
    '--extensions-dir', dirs.extensions,
    ...(locale ? ['--locale', locale] : []),
    ...(endClosedWindows && (await readFile(serverMain, 'utf8')).includes('reconnection-grace-time') ? ['--reconnection-grace-time', '0'] : []),
  ];
  const { child, pid, exited } = spawnServer(node, args, env);
  const logPath = join(tempDir, 'server.log');
  const { outputLines, recentLines } = serverOutput(child, logPath, echo);

  const started = Date.now();
  let listeningPort;
  try {
    listeningPort = await waitForServer(child, outputLines, 120_000);
  } catch (error) {
    /** @type {Error} */ (error).message += `\nLast server output:\n${recentLines.join('\n')}`;
    throw error;
  }
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const authority = `${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${listeningPort}`;
  log(`VS Code ${version.vscode} server ready on http://${authority} in ${seconds(Date.now() - started)} (log: ${logPath})`);
  return {
    pid,
    exited,
    authority,
    port: listeningPort,
    dirs,
    logPath,
    recentOutput: () => recentLines.join('\n'),
  };
}

/**
 * A fresh temporary folder (removed by stopAll()) with the server's data dirs and workspace, and
 * the user settings: QUIET_SETTINGS with `settings` over them.
 * @param {Record<string, unknown>} settings
 * @returns {Promise<{ tempDir: string, dirs: ServerDirs }>}
 */
async function serverDirs(settings) {
  const tempDir = await mkdtemp(join(tmpdir(), 'opencx-vscode-'));
  onCleanup('temp dir', () => rm(tempDir, { recursive: true, force: true }));
  const dirs = {
    server: join(tempDir, 'server'),
    user: join(tempDir, 'user'),
    extensions: join(tempDir, 'extensions'),
    workspace: join(tempDir, 'workspace'),
  };
  await mkdir(join(dirs.user, 'User'), { recursive: true });
  await mkdir(dirs.workspace, { recursive: true });
  await mkdir(dirs.extensions, { recursive: true });
  await writeFile(
    join(dirs.user, 'User/settings.json'),
    `${JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2)}\n`,
  );
  return { tempDir, dirs };
}

/**
 * Starts the server's process, stopped with its process group by stopAll().
 * @param {string} node
 * @param {string[]} args
 * @param {Record<string, string>} env
 */
function spawnServer(node, args, env) {
  // Detached: its own process group, so stopping it also stops the extension host and the other
  // processes it starts.
  const child = spawn(node, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  // A child without a pid failed to start, and its 'error' event, which nothing here listens to,
  // ends this process.
  const pid = /** @type {number} */ (child.pid);
  processGroups.add(pid);
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolvePromise) => child.on('exit', resolvePromise));
  onCleanup('VS Code server', async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      killGroup(pid, 'SIGKILL'); // stragglers of an exited server
    } else {
      killGroup(pid, 'SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      // Give its children a moment after the server itself, then make sure the group is gone.
      if (stopped) await sleep(300);
      killGroup(pid, 'SIGKILL');
    }
    processGroups.delete(pid);
  });
  return { child, pid, exited };
}

/**
 * The server's own output goes to a log file (it is noisy: closed-network errors and the like);
 * `echo` also prints it. Returns its lines as they come, and the last 40 of them.
 * @param {import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable>} child
 * @param {string} logPath
 * @param {boolean} echo
 */
function serverOutput(child, logPath, echo) {
  const logFile = createWriteStream(logPath);
  const merged = new PassThrough();
  let open = 2;
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(merged, { end: false });
    stream.on('end', () => --open === 0 && merged.end());
  }
  const outputLines = createInterface({ input: merged });
  /** @type {string[]} */
  const recentLines = [];
  outputLines.on('line', (line) => {
    logFile.write(`${line}\n`);
    recentLines.push(line);
    if (recentLines.length > 40) recentLines.shift();
    if (echo) console.log(`[server] ${line}`);
  });
  return { outputLines, recentLines };
}

/**
 * Installs a .vsix into the server's extensions folder the way a user's VS Code would (the
 * server's own --install-extension), before the server starts: the installed build is what runs.
 * @param {{ serverMain: string, node: string }} server
 * @param {ServerDirs} dirs
 * @param {string} file
 */
function installExtension({ serverMain, node }, dirs, file) {
  const result = spawnSync(node, [
    serverMain,
    '--accept-server-license-terms',
    '--server-data-dir', dirs.server,
    '--user-data-dir', dirs.user,
    '--extensions-dir', dirs.extensions,
    '--install-extension', resolve(file),
  ], { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`Installing ${file} failed (${result.signal ?? `exit ${result.status}`}):\n${result.stdout}${result.stderr}`);
  }
  log(`installed ${file}: ${result.stdout.trim().split('\n').at(-1)}`);
}
