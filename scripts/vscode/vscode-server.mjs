// Shared launch logic for running the extension in a real VS Code without downloading a VS Code
// build: the VS Code server shipped in the npm package code-server (its web workbench and Node
// extension host), driven by headless Chromium through playwright-core.
// Used by run-integration.mjs (the integration suites and the README screenshots) and demo.mjs.

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const requireFromRepo = createRequire(join(repoRoot, 'package.json'));

const CODE_SERVER_VERSION = '4.139.1';
// The VS Code server inside code-server 4.139 is built for Node 24.
const REQUIRED_NODE_MAJOR = 24;
const CHROMIUM_PATH = '/usr/bin/chromium';
// chromium: the browser playwright-core drives; libkrb5-dev: headers for code-server's
// native kerberos module, whose build fails without them.
const APT_PACKAGES = ['chromium', 'libkrb5-dev'];
// Commands the native-module builds need, and the Debian package that brings each one.
const BUILD_TOOLS = { make: 'make', 'g++': 'g++', python3: 'python3' };

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

/** Cache folder outside the clone: CI clones afresh, so a cache inside the clone is always empty. */
export function cacheRoot() {
  if (process.env.OPENCX_VSCODE_CACHE) return resolve(process.env.OPENCX_VSCODE_CACHE);
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'opencx-sessions');
}

const installDir = () => join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
const serverMainPath = () =>
  join(installDir(), 'node_modules/code-server/lib/vscode/out/server-main.js');

export function log(message) {
  console.log(`[vscode] ${message}`);
}

export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Cleanup: everything started is registered here and stopped in reverse order by stopAll(),
// on success, failure, timeout and Ctrl-C alike.

const cleanups = [];
// Process groups of detached children, killed synchronously if the process exits without stopAll.
const processGroups = new Set();
let stopping;

function onCleanup(name, fn) {
  const entry = { name, fn };
  cleanups.push(entry);
  return () => {
    const index = cleanups.indexOf(entry);
    if (index >= 0) cleanups.splice(index, 1);
  };
}

/** Stops everything this process started (browser, server, stand-in, temp dirs), newest first. */
export function stopAll() {
  stopping ??= (async () => {
    while (cleanups.length) {
      const { name, fn } = cleanups.pop();
      try {
        await fn();
      } catch (error) {
        console.error(`[vscode] stopping ${name} failed: ${error?.message ?? error}`);
      }
    }
  })();
  return stopping;
}

/** True once stopAll() has begun: what stops after that was stopped on purpose. */
export const isStopping = () => stopping !== undefined;

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

process.on('exit', () => {
  for (const pid of processGroups) killGroup(pid, 'SIGKILL');
});

let signalsHandled = false;
/** Ctrl-C / SIGTERM: stop everything, then exit with the conventional 128+signal code. */
export function handleSignals() {
  if (signalsHandled) return;
  signalsHandled = true;
  let received = 0;
  const onSignal = (signal, code) => {
    received += 1;
    if (received > 1) process.exit(code); // a second Ctrl-C: the exit hook kills the groups
    console.error(`\n[vscode] ${signal}: stopping…`);
    stopAll().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));
  process.on('SIGHUP', () => onSignal('SIGHUP', 129));
}

// ---------------------------------------------------------------------------------------------
// Install (first use only): Debian packages, then code-server with its install scripts allowed.

function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== REQUIRED_NODE_MAJOR) {
    throw new Error(
      `The VS Code server needs Node ${REQUIRED_NODE_MAJOR}, but this is Node ${process.versions.node} ` +
        `(${process.execPath}). Run \`source scripts/setup.sh\` to put the project's Node first on PATH.`,
    );
  }
  // Native modules must build against this Node's headers, not the system Node's.
  const nodeDir = resolve(dirname(process.execPath), '..');
  if (!existsSync(join(nodeDir, 'include/node/node.h'))) {
    throw new Error(`No Node headers under ${nodeDir}/include/node: native modules cannot be built.`);
  }
  return nodeDir;
}

function isDebianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    const exited = new Promise((resolveExit) => child.on('exit', resolveExit));
    // Wait (briefly) for it to go, so that e.g. a killed npm stops writing before the lock is freed.
    const forget = onCleanup(`${command} ${args[0] ?? ''}`, async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
    });
    child.on('error', (error) => {
      forget();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      forget();
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

async function installDebianPackages() {
  const missing = APT_PACKAGES.filter((name) => !isDebianPackageInstalled(name));
  for (const [command, name] of Object.entries(BUILD_TOOLS)) {
    if (!hasCommand(command)) missing.push(name);
  }
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(' ')}. Install them first:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env });
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

async function readMarker(markerPath) {
  try {
    return JSON.parse(await readFile(markerPath, 'utf8'));
  } catch {
    return undefined;
  }
}

const expectedMarker = () => ({
  codeServer: CODE_SERVER_VERSION,
  // Native modules are tied to the Node ABI they were built for.
  nodeModuleVersion: process.versions.modules,
});

async function isInstallComplete() {
  const marker = await readMarker(join(installDir(), '.install-complete.json'));
  const expected = expectedMarker();
  return (
    marker?.codeServer === expected.codeServer &&
    marker?.nodeModuleVersion === expected.nodeModuleVersion &&
    existsSync(serverMainPath()) &&
    APT_PACKAGES.every(isDebianPackageInstalled)
  );
}

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

/** A lock folder (mkdir is atomic) so two runs never install at the same time. */
async function acquireInstallLock() {
  const lockDir = join(cacheRoot(), 'install.lock');
  const pidFile = join(lockDir, 'pid');
  await mkdir(cacheRoot(), { recursive: true });
  let reported = false;
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(pidFile, String(process.pid));
      const release = () => rm(lockDir, { recursive: true, force: true });
      const forget = onCleanup('install lock', release);
      return async () => {
        forget();
        await release();
      };
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const owner = Number(await readFile(pidFile, 'utf8').catch(() => ''));
    const age = await stat(lockDir).then((s) => Date.now() - s.mtimeMs, () => 0);
    // A lock whose owner is gone (killed mid-install) is stale; so is one that never got a pid.
    if ((owner && !isAlive(owner)) || (!owner && age > 30_000)) {
      await rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!reported) {
      log(`waiting for another install to finish (lock ${lockDir}, pid ${owner || '?'})`);
      reported = true;
    }
    await sleep(2000);
  }
}

/**
 * The environment for the nested `npm install`, without the npm_* variables that `npm run` hands
 * its scripts: they describe the project's own npm run (its local prefix, an empty allow-scripts,
 * the system nodedir) and would override the cache folder's package.json and settings. The nested
 * npm reads the same npmrc files by itself.
 */
function installEnvironment() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

let installed;
/**
 * Installs on first use, into the cache folder, whatever the real VS Code needs. Resolves to the
 * path of the VS Code server's entry point. Prints how long the install took, or "cached".
 */
export function ensureInstalled() {
  installed ??= install();
  return installed;
}

async function install() {
  const nodeDir = checkNode();
  if (await isInstallComplete()) {
    log(`install: cached (${installDir()})`);
    return serverMainPath();
  }
  const started = Date.now();
  const releaseLock = await acquireInstallLock();
  try {
    // Another run may have finished the install while this one waited for the lock.
    if (await isInstallComplete()) {
      log(`install: cached (${installDir()})`);
      return serverMainPath();
    }
    await installDebianPackages();
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing after the install.`);

    // No complete marker: whatever is there is a half-finished install, so start afresh.
    const dir = installDir();
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    // npm 11 runs dependency install scripts only when allowScripts lists them: code-server's
    // postinstall installs the VS Code server's own dependencies; argon2 builds a native module.
    const manifest = {
      name: 'opencx-sessions-vscode-server',
      private: true,
      description: 'VS Code server for the open.cx Sessions integration tests (generated).',
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      allowScripts: { 'code-server': true, argon2: true },
    };
    await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (a few minutes, ~800 MB)`);
    // npm run by this Node (npm_execpath when started through npm, else npm from PATH), with this
    // Node first on PATH so install scripts and node-gyp use it and its headers.
    const npmCli = process.env.npm_execpath;
    const [command, prefixArgs] =
      npmCli && /npm-cli\.js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
    await run(command, [...prefixArgs, 'install', '--no-audit', '--no-fund', '--loglevel=warn'], {
      cwd: dir,
      env: {
        ...installEnvironment(),
        PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
        npm_config_nodedir: nodeDir,
      },
    });
    if (!existsSync(serverMainPath())) {
      throw new Error(`code-server installed but ${serverMainPath()} is missing.`);
    }
    await writeFile(join(dir, '.install-complete.json'), `${JSON.stringify(expectedMarker())}\n`);
    log(`install: done in ${seconds(Date.now() - started)}`);
    return serverMainPath();
  } finally {
    await releaseLock();
  }
}

// ---------------------------------------------------------------------------------------------
// Processes: the open.cx API stand-in, the VS Code server, the browser.

/**
 * Starts the local open.cx API stand-in (compiled test/server/server.ts), in this process.
 * Returns { url, token, close }.
 */
export async function startStandIn(options = {}) {
  const modulePath = join(repoRoot, 'out/test/server/server.js');
  if (!existsSync(modulePath)) {
    throw new Error(`${modulePath} is missing: run \`npm run compile-tests\` first.`);
  }
  const { startStandIn: start } = requireFromRepo(modulePath);
  const standIn = await start({ host: '127.0.0.1', port: 0, ...options });
  onCleanup('API stand-in', () => standIn.close());
  log(`API stand-in on ${standIn.url}`);
  return standIn;
}

/** Fails with what to run when a build output the VS Code run needs is missing. */
export function requireBuilt(relativePaths) {
  const missing = relativePaths.filter((path) => !existsSync(join(repoRoot, path)));
  if (missing.length) {
    throw new Error(
      `Missing build output: ${missing.join(', ')}. Run \`npm run compile && npm run compile-tests\` first.`,
    );
  }
}

async function waitForServer(child, outputLines, timeoutMs) {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`VS Code server did not start within ${seconds(timeoutMs)}`)),
      timeoutMs,
    );
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
 * Starts the VS Code server (server-main.js directly: the code-server launcher rejects
 * --enable-smoke-test-driver, without which the workbench ignores the extension payload).
 * Fresh temporary data dirs and workspace per run; `settings` are merged into the user settings;
 * `env` reaches the extension host, which inherits the server's environment.
 */
export async function startServer({ host = '127.0.0.1', port = 0, settings = {}, env = {}, echo = false } = {}) {
  const serverMain = await ensureInstalled();
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
  ];
  // Detached: its own process group, so stopping it also stops the extension host and the other
  // processes it starts.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  processGroups.add(child.pid);
  const exited = new Promise((resolvePromise) => child.on('exit', resolvePromise));
  onCleanup('VS Code server', async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      killGroup(child.pid, 'SIGKILL'); // stragglers of an exited server
    } else {
      killGroup(child.pid, 'SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      // Give its children a moment after the server itself, then make sure the group is gone.
      if (stopped) await sleep(300);
      killGroup(child.pid, 'SIGKILL');
    }
    processGroups.delete(child.pid);
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
    error.message += `\nLast server output:\n${recentLines.join('\n')}`;
    throw error;
  }
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const authority = `${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${listeningPort}`;
  log(`VS Code server ready on http://${authority} in ${seconds(Date.now() - started)} (log: ${logPath})`);
  return {
    pid: child.pid,
    exited,
    authority,
    port: listeningPort,
    dirs,
    logPath,
    recentOutput: () => recentLines.join('\n'),
  };
}

/**
 * Workbench URL for a folder, with the smoke-test payload that loads the extension under
 * development (and, if given, runs its tests). Paths are on the server, so they are
 * vscode-remote URIs on the server's authority.
 */
export function workbenchUrl(server, { extensionDevelopmentPath = repoRoot, extensionTestsPath } = {}) {
  const remote = (path) => `vscode-remote://${server.authority}${resolve(path)}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams({ folder: server.dirs.workspace, payload: JSON.stringify(payload) });
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

export function isKnownNoise(text) {
  return process.env.OPENCX_VSCODE_VERBOSE !== '1' && KNOWN_NOISE.some((pattern) => pattern.test(text));
}

/** Formats one codeAutomationLog call as text: the args are console-style (format string first). */
function formatLogArgs(args) {
  return format(...(Array.isArray(args) ? args : [args]));
}

/**
 * The extension host's console output as the workbench echoes it to the page console when an
 * extension is under development: `%c[Extension Host] %c<message>` plus CSS arguments.
 */
async function extensionHostConsoleText(message) {
  const values = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '?')));
  const [first, ...rest] = values;
  if (typeof first !== 'string' || !first.startsWith('%c[Extension Host]')) return undefined;
  const styles = first.match(/%c/g).length;
  return format(first.replaceAll('%c', '').replace('[Extension Host] ', ''), ...rest.slice(styles));
}

/**
 * Opens the workbench in headless Chromium.
 * - `onLog(type, text)` receives every line the workbench logs through codeAutomationLog; while
 *   tests run (extensionTestsPath) that includes the extension host's console.
 * - `onExtensionHostConsole(text)` receives the extension host's console output when no tests
 *   run (the demo / screenshot set-up), from the page console.
 * - `exitCode` settles when the workbench calls codeAutomationExit (when the tests entry's run()
 *   settles).
 */
export async function openWorkbench(server, {
  extensionDevelopmentPath = repoRoot,
  extensionTestsPath,
  onLog,
  onExtensionHostConsole,
  viewport = { width: 1400, height: 900 },
} = {}) {
  const { chromium } = requireFromRepo('playwright-core');
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

  let reportExit;
  const exitCode = new Promise((resolvePromise) => (reportExit = resolvePromise));
  await page.exposeFunction('codeAutomationLog', (type, args) => onLog?.(type, formatLogArgs(args)));
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
  if (onExtensionHostConsole) {
    page.on('console', async (message) => {
      const text = await extensionHostConsoleText(message);
      if (text !== undefined) onExtensionHostConsole(text);
    });
  }

  const url = workbenchUrl(server, { extensionDevelopmentPath, extensionTestsPath });
  await page.goto(url);
  const close = async () => {
    forgetBrowser();
    await browser.close();
  };
  return { browser, page, url, exitCode, close };
}
