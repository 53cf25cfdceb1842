// The production (minified) bundle, built by the repo's own esbuild.js but into a scratch folder:
// the repo's dist/ keeps whatever build is there (others may be running it meanwhile).
// The scratch folder then doubles as the installed extension that VS Code activates.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { repoRoot } from './repo.mjs';

/**
 * Builds the bundles the way `node esbuild.js --production --metafile` does, in `workDir`: the
 * core, dist/extension.js, and each part loaded on first use (LAZY_PARTS in esbuild.js).
 * @param {string} workDir
 */
export async function buildProductionBundle(workDir) {
  mkdirSync(workDir, { recursive: true });
  // esbuild.js names its entries and outputs relative to the working folder; src is the repo's own.
  symlinkSync(join(repoRoot, 'src'), join(workDir, 'src'), 'dir');
  mkdirSync(join(workDir, 'dist'));
  await run(process.execPath, [join(repoRoot, 'esbuild.js'), '--production', '--metafile'], workDir);

  /** @type {import('esbuild').Metafile} */
  const metafile = JSON.parse(readFileSync(join(workDir, 'dist/meta.json'), 'utf8'));
  const bundles = Object.entries(metafile.outputs)
    .filter(([path]) => path.endsWith('.js'))
    .map(([path, output]) => ({ name: basename(path, '.js'), path, bytes: statSync(resolve(workDir, path)).size, inputs: output.inputs }));
  const core = bundles.find((bundle) => bundle.name === 'extension');
  if (!core) throw new Error('the metafile has no dist/extension.js output');
  // Inputs are named relative to the working folder; name them relative to the repo instead.
  /** @param {string} path */
  const inputName = (path) => {
    const absolute = isAbsolute(path) ? path : resolve(workDir, path);
    return relative(absolute.startsWith(workDir) ? workDir : repoRoot, absolute);
  };
  const largestInputs = Object.entries(core.inputs)
    .map(([path, { bytesInOutput }]) => ({ path: inputName(path), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
  const parts = bundles.filter((bundle) => bundle !== core).map(({ name, bytes }) => ({ name, bytes }));
  return { bundlePath: resolve(workDir, core.path), bytes: core.bytes, largestInputs, parts };
}

/**
 * Adds what an installed extension has besides its bundle (manifest, its translations, the
 * icons it contributes), so that VS Code can load `workDir` as the extension under development.
 * @param {string} workDir
 */
export function stageExtension(workDir) {
  /**
   * @param {string} name
   * @param {import('node:fs').CopySyncOptions} [options]
   */
  const copyIfPresent = (name, options) => {
    if (existsSync(join(repoRoot, name))) cpSync(join(repoRoot, name), join(workDir, name), { recursive: true, ...options });
  };
  for (const name of readdirSync(repoRoot).filter((file) => /^package(\.nls(\.[\w-]+)?)?\.json$/.test(file))) copyIfPresent(name);
  copyIfPresent('l10n');
  // Screenshots are for the README; nothing loads them at run time.
  copyIfPresent('media', { filter: (source) => !source.includes(`${join('media', 'screenshots')}`) });
  return workDir;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 */
function run(command, args, cwd) {
  return /** @type {Promise<void>} */ (new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  }));
}
