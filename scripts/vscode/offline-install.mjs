// code-server's own postinstall, done by hand for releases whose VS Code server dependencies reach
// GitHub at install time, so that they install from the npm registry alone:
// - the server's file watcher (@parcel/watcher) is a GitHub dependency up to code-server 4.108;
//   the npm release of the same version (2.5.1) replaces it, with its prebuilt Linux binary;
// - @vscode/ripgrep's postinstall downloads ripgrep from GitHub up to 4.117 (and skips that when
//   its bin/ folder exists); its rg comes from the npm package @vscode/ripgrep-universal instead,
//   which carries the binaries for every platform and is what later VS Code releases use.
// Everything else is what code-server's postinstall.sh does: install lib/vscode and
// lib/vscode/extensions without development dependencies, build their native modules, and make
// the links the server expects.

import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, symlink, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The ripgrep package whose binary stands in for @vscode/ripgrep's download. */
export const RIPGREP_PACKAGE = { name: '@vscode/ripgrep-universal', version: '1.18.0' };
// The npm release the GitHub watcher dependency is replaced by (the fork's package.json version).
const WATCHER_VERSION = '2.5.1';
/**
 * @param {unknown} spec
 * @returns {spec is string}
 */
const isGitHubSpec = (spec) => typeof spec === 'string' && /^(git\+|github:|[\w-]+\/[\w.-]+#)/.test(spec);

/**
 * Runs the npm of the server's Node with `args` in `cwd`.
 * @typedef {(args: string[], cwd: string) => Promise<void>} Npm
 */

/**
 * Points every GitHub spec of @parcel/watcher in a folder's package.json and lockfile at npm.
 * @param {string} folder
 */
async function useNpmWatcher(folder) {
  const manifestPath = join(folder, 'package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  /** @param {{ [field: string]: Record<string, unknown> | undefined } | undefined} entry package.json or its lockfile entry */
  const replaceIn = (entry) => {
    for (const field of ['dependencies', 'optionalDependencies', 'devDependencies']) {
      const dependencies = entry?.[field];
      if (isGitHubSpec(dependencies?.['@parcel/watcher'])) dependencies['@parcel/watcher'] = WATCHER_VERSION;
    }
  };
  replaceIn(manifest);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const lockPath = join(folder, 'npm-shrinkwrap.json');
  if (!existsSync(lockPath)) return;
  const lock = JSON.parse(await readFile(lockPath, 'utf8'));
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    // The root entry repeats package.json; a locked GitHub package goes, and npm resolves it anew.
    if (path === '') replaceIn(entry);
    else if (isGitHubSpec(entry.resolved)) delete lock.packages[path];
  }
  await writeFile(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
}

/**
 * @param {string} target
 * @param {string} path
 */
async function link(target, path) {
  await rm(path, { recursive: true, force: true });
  await symlink(target, path);
}

/**
 * Finishes an install of code-server made with --ignore-scripts, in `dir` (whose node_modules
 * also holds RIPGREP_PACKAGE). `npm(args, cwd)` runs the npm of the server's Node.
 * @param {string} dir
 * @param {Npm} npm
 */
export async function finishCodeServerOffline(dir, npm) {
  const vscodeDir = join(dir, 'node_modules/code-server/lib/vscode');
  const extensionsDir = join(vscodeDir, 'extensions');
  await useNpmWatcher(vscodeDir);
  await useNpmWatcher(extensionsDir);
  const quiet = ['--no-audit', '--no-fund', '--loglevel=warn'];
  await npm(['install', '--omit=dev', '--ignore-scripts', ...quiet], vscodeDir);
  const ripgrepBin = join(vscodeDir, 'node_modules/@vscode/ripgrep/bin');
  await mkdir(ripgrepBin, { recursive: true });
  await copyFile(join(dir, 'node_modules', RIPGREP_PACKAGE.name, 'bin/linux-x64/rg'), join(ripgrepBin, 'rg'));
  // Now every install script can run: ripgrep's finds its bin/ and exits, the rest build.
  await npm(['rebuild', ...quiet], vscodeDir);
  await link('node_modules', join(vscodeDir, 'node_modules.asar'));
  await link('code-linux.sh', join(vscodeDir, 'bin/remote-cli/code-server'));
  await link('browser-linux.sh', join(vscodeDir, 'bin/helpers/browser.sh'));
  await npm(['install', '--omit=dev', ...quiet], extensionsDir);
}
