// Where the repo is, what of it is built, and require() as its own files resolve packages.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const requireFromRepo = createRequire(join(repoRoot, 'package.json'));

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
