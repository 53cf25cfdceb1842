// The entry VS Code loads (package.json "main"): it runs the extension's bundle, dist/extension.js,
// compiled from a V8 code cache when one is kept. Reading the 180 KB bundle's source is most of
// what compiling it costs (11–13 ms in Node on a 2-core EPYC, 2.3 ms from a cache), and it is
// paid on every activation; the extension host keeps no such cache for extensions.
//
// The cache lives in the extension's global storage, named by a hash of the bundle and by the
// runtime, so a new bundle or a new VS Code never meets an old cache (V8 itself checks only the
// source's length). It is written a few seconds after activation, once the functions activation
// ran are compiled too, through a temporary file and a rename, so two windows never read half a
// file. It is only a speed-up: whatever goes wrong with it, the bundle runs compiled as usual.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { ExtensionContext } from 'vscode';

const CACHE_PREFIX = 'code-cache-';
/** After activation: by then activation's own functions are compiled and go into the cache. */
export const SAVE_AFTER_MS = 3_000;

export type CacheState = 'none' | 'used' | 'rejected';

export interface LoadedBundle {
  /** What the bundle put on `module.exports`. */
  readonly exports: Record<string, unknown>;
  /** Whether a cache was found, and whether V8 took it. */
  readonly cache: CacheState;
  /** Writes the cache when there was none or V8 refused it; never throws. */
  save(): void;
}

/** Runs the CommonJS file `bundlePath`, with `require` resolving as it would from that file. */
export function loadBundle(bundlePath: string, cacheDir: string, requireFn: NodeJS.Require): LoadedBundle {
  const source = readFileSync(bundlePath, 'utf8');
  const key = createHash('sha256').update(source).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 32);
  const cacheName = `${CACHE_PREFIX}${key}.bin`;
  const cachePath = join(cacheDir, cacheName);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    // No cache yet (or none that can be read): compiled from source.
  }
  // The wrapper Node's own CommonJS loader puts around a file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData,
  });
  const cache: CacheState = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, requireFn, module, bundlePath, dirname(bundlePath));
  return {
    exports: module.exports,
    cache,
    save: () => {
      if (cache === 'used') return;
      const temporary = `${cachePath}.${process.pid}.tmp`;
      try {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cachePath);
        // Caches of earlier bundles or runtimes are never read again. Another window's file that
        // is still being written (.tmp) is left to it.
        for (const name of readdirSync(cacheDir)) {
          if (name.startsWith(CACHE_PREFIX) && name.endsWith('.bin') && name !== cacheName) rmSync(join(cacheDir, name), { force: true });
        }
      } catch {
        // A folder that cannot be written costs the next activation its speed-up, nothing else;
        // a file half written (a full disk) is not left behind.
        try {
          rmSync(temporary, { force: true });
        } catch {
          // There is no such file where there is no such folder.
        }
      }
    },
  };
}

let bundle: LoadedBundle | undefined;

export function activate(context: ExtensionContext): unknown {
  bundle = loadBundle(join(__dirname, 'extension.js'), context.globalStorageUri.fsPath, require);
  const loaded = bundle;
  const timer = setTimeout(() => loaded.save(), SAVE_AFTER_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return (loaded.exports.activate as (context: ExtensionContext) => unknown)(context);
}

export function deactivate(): unknown {
  return (bundle?.exports.deactivate as (() => unknown) | undefined)?.();
}
