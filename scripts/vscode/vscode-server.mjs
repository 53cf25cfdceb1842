// Shared launch logic for running the extension in a real VS Code without downloading a VS Code
// build: the VS Code server shipped in the npm package code-server (its web workbench and Node
// extension host), driven by headless Chromium through playwright-core.
// Used by run-integration.mjs (the integration suites and the README screenshots),
// run-package.mjs (the packaged extension), demo.mjs and the benchmark. The VS Code version is
// chosen with OPENCX_VSCODE_VERSION (vscode-versions.mjs); install.mjs installs it.

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_PATH, ensureServer } from './install.mjs';
import { killGroup, log, onCleanup, processGroups, seconds } from './lifecycle.mjs';

export { cacheRoot, ensureInstalled, ensureServer } from './install.mjs';
export { handleSignals, isStopping, log, seconds, stopAll } from './lifecycle.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const requireFromRepo = createRequire(join(repoRoot, 'package.json'));

// Flags that keep Chromium from reaching out to the (closed) network or asking anything.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

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
// Processes: the open.cx API stand-in, the VS Code server, the browser.

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
 * Fails with what to run when a build output the VS Code run needs is missing.
 * @param {string[]} relativePaths
 */
export function requireBuilt(relativePaths) {
  const missing = relativePaths.filter((path) => !existsSync(join(repoRoot, path)));
  if (missing.length) {
    throw new Error(
      `Missing build output: ${missing.join(', ')}. Run \`npm run compile && npm run compile-tests\` first.`,
    );
  }
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

  // The server's own output goes to a log file (it is noisy: closed-network errors and the like);
  // `echo` also prints it.
  const logPath = join(tempDir, 'server.log');
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

/**
 * Workbench URL for a folder, with the smoke-test payload that loads the extension under
 * development (and, if given, runs its tests). Paths are on the server, so they are
 * vscode-remote URIs on the server's authority.
 * @param {VsCodeServer} server
 * @param {Pick<WorkbenchOptions, 'extensionDevelopmentPath' | 'extensionTestsPath'>} [options]
 */
export function workbenchUrl(server, { extensionDevelopmentPath = repoRoot, extensionTestsPath } = {}) {
  /** @param {string} path */
  const remote = (path) => `vscode-remote://${server.authority}${resolve(path)}`;
  const payload = [];
  // null: no extension under development, only what is installed in the extensions folder.
  if (extensionDevelopmentPath !== null) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams({ folder: server.dirs.workspace });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `http://${server.authority}/?${query}`;
}

// Workbench log lines that are expected here and say nothing about the extension: the closed
// network, start-up chatter, and code-server's own service worker (served by its launcher, which
// is not used). OPENCX_VSCODE_VERBOSE=1 shows them all the same.
const KNOWN_NOISE = [
  /getaddrinfo ENOTFOUND/,
  /Timed out waiting for authentication provider/,
  /^\[Service Worker\] registration/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/,
  /^\[AgentHost:remote\] Initializing/,
  /^\[AccountPolicyGate\]/,
];

/** @param {string} text */
export function isKnownNoise(text) {
  return process.env.OPENCX_VSCODE_VERBOSE !== '1' && KNOWN_NOISE.some((pattern) => pattern.test(text));
}

/**
 * Formats one codeAutomationLog call as text: the args are console-style (format string first).
 * @param {unknown} args
 */
function formatLogArgs(args) {
  return format(...(Array.isArray(args) ? args : [args]));
}

/**
 * The extension host's console output as the workbench echoes it to the page console when an
 * extension is under development: `%c[Extension Host] %c<message>` plus CSS arguments.
 * @param {import('playwright-core').ConsoleMessage} message
 */
async function extensionHostConsoleText(message) {
  const values = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '?')));
  const [first, ...rest] = values;
  if (typeof first !== 'string' || !first.startsWith('%c[Extension Host]')) return undefined;
  const styles = (first.match(/%c/g) ?? []).length;
  return format(first.replaceAll('%c', '').replace('[Extension Host] ', ''), ...rest.slice(styles));
}

/**
 * @typedef {object} WorkbenchOptions
 * @property {string | null} [extensionDevelopmentPath] null: none (only what the server has installed)
 * @property {string} [extensionTestsPath]
 * @property {(type: string, text: string) => void} [onLog]
 * @property {(text: string) => void} [onExtensionHostConsole]
 * @property {{ width: number, height: number }} [viewport]
 * @property {string} [language]
 */

/**
 * @typedef {object} Workbench
 * @property {import('playwright-core').Browser} browser
 * @property {import('playwright-core').Page} page
 * @property {string} url
 * @property {Promise<number>} exitCode
 * @property {() => Promise<void>} close
 */

/**
 * Opens the workbench in headless Chromium.
 * - `onLog(type, text)` receives every line the workbench logs through codeAutomationLog; while
 *   tests run (extensionTestsPath) that includes the extension host's console.
 * - `onExtensionHostConsole(text)` receives the extension host's console output when no tests
 *   run (the demo / screenshot set-up), from the page console.
 * - `exitCode` settles when the workbench calls codeAutomationExit (when the tests entry's run()
 *   settles).
 * - `language`: the display language (vscode.env.language) of the window. The web workbench takes
 *   it from the core translations it loads, and without a language pack for it there are none;
 *   set before the workbench starts, it is what the window and its extension hosts use (core
 *   strings stay English, extensions load their bundles for it).
 * @param {VsCodeServer} server
 * @param {WorkbenchOptions} [options]
 * @returns {Promise<Workbench>}
 */
export async function openWorkbench(server, {
  extensionDevelopmentPath = repoRoot,
  extensionTestsPath,
  onLog,
  onExtensionHostConsole,
  viewport = { width: 1400, height: 900 },
  language,
} = {}) {
  const { chromium } = /** @type {typeof import('playwright-core')} */ (requireFromRepo('playwright-core'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    // Signals are handled here (stopAll), not by playwright's own handlers.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const forgetBrowser = onCleanup('browser', () => browser.close());
  // The clipboard permissions let UI tests read what Copy Session ID wrote.
  const context = await browser.newContext({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();

  /** @type {(code: number) => void} */
  let reportExit;
  /** @type {Promise<number>} */
  const exitCode = new Promise((resolvePromise) => (reportExit = resolvePromise));
  await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown} */ args) => onLog?.(type, formatLogArgs(args)));
  await page.exposeFunction('codeAutomationExit', (/** @type {unknown} */ code) => reportExit(Number(code)));
  if (onExtensionHostConsole) {
    page.on('console', async (message) => {
      const text = await extensionHostConsoleText(message);
      if (text !== undefined) onExtensionHostConsole(text);
    });
  }

  if (language) await page.addInitScript((value) => (globalThis._VSCODE_NLS_LANGUAGE = value), language);
  const url = workbenchUrl(server, { extensionDevelopmentPath, extensionTestsPath });
  await page.goto(url);
  const close = async () => {
    forgetBrowser();
    await browser.close();
  };
  return { browser, page, url, exitCode, close };
}
