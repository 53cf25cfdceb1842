// Where the repo is, and loading its compiled TypeScript (tsc emits CommonJS to out/).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The least a tree of open.cx sessions can do, timed beside the extension. */
export const REFERENCE_PATH = join(repoRoot, 'scripts/bench/reference-extension');

const requireFromRepo = createRequire(join(repoRoot, 'package.json'));

/**
 * A module of out/, e.g. loadCompiled('src/api/client.js'), with a hint when it was not built.
 * Callers say what it is, with the type of its source: `typeof import('../../src/api/client.js')`.
 * @param {string} relativePath
 * @returns {unknown}
 */
export function loadCompiled(relativePath) {
  const path = join(repoRoot, 'out', relativePath);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run compile-tests\` first.`);
  return requireFromRepo(path);
}

/**
 * Every data set of the benchmark is generated from this seed and "now", so runs compare; without
 * the 2024 document's sessions, so a count of sessions is that count, as in runs before them.
 */
export const DATA = { seed: 7, anchor: new Date('2026-01-15T12:00:00Z'), earlierShape: false };

/** @param {number[]} values */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
