// Proves that what the extension shows goes through l10n: runs the extension in the real VS Code
// with the display language set to a pseudo-locale (vscode.env.language is "qps-ploc"; see
// openWorkbench's `language`) and, for it, a bundle in which every string is wrapped in ［!! … !!］
// (l10n/bundle.l10n.qps-ploc.json and package.nls.qps-ploc.json, the files VS Code loads for that
// language). The bundles are written into a temporary copy of the extension, never into the clone
// or the package. The pseudo-locale suite (out/test/pseudo/*.test.js) then drives the tree, a quick
// pick and a session panel and fails on any word on screen that is neither wrapped nor data.
//
//   npm run compile && npm run compile-tests && node scripts/vscode/run-pseudo-locale.mjs
//
// Options: --vscode <version>: "current" (default), "oldest" or a version (see vscode-versions.mjs).
// Env OPENCX_RESULT_FILE: also write {"passed":N,"failed":N} there. Exit code 0 when all passed.

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { onCleanup } from './lifecycle.mjs';
import { handleSignals, log, repoRoot, requireBuilt, startServer, startStandIn } from './vscode-server.mjs';
import { vscodeVersion } from './vscode-versions.mjs';
import { runAndReport, runWorkbenchMocha, testFiles } from './workbench-mocha.mjs';

const { values: options } = parseArgs({
  options: { vscode: { type: 'string', default: process.env.OPENCX_VSCODE_VERSION } },
});
if (options.vscode) process.env.OPENCX_VSCODE_VERSION = vscodeVersion(options.vscode).vscode;

handleSignals();

const PSEUDO_TESTS = join(repoRoot, 'out/test/pseudo');
// What the extension reads at run time: the manifest and its strings, the bundle, its media.
const EXTENSION_FILES = ['package.json', 'package.nls.json', 'dist', 'media', 'l10n'];

/** A temporary copy of the extension with the pseudo-locale's bundles beside the real ones. */
async function pseudoExtension() {
  const { PSEUDO_LOCALE, pseudoBundle } = /** @type {typeof import('../../test/pseudo/pseudoLocale.js')} */ (
    createRequire(import.meta.url)(join(PSEUDO_TESTS, 'pseudoLocale.js'))
  );
  const folder = await mkdtemp(join(tmpdir(), 'opencx-pseudo-'));
  onCleanup('pseudo-locale extension', () => rm(folder, { recursive: true, force: true }));
  for (const file of EXTENSION_FILES) await cp(join(repoRoot, file), join(folder, file), { recursive: true });
  /** @param {string} file */
  const read = async (file) => JSON.parse(await readFile(join(repoRoot, file), 'utf8'));
  /**
   * @param {string} file
   * @param {Record<string, string | { message: string }>} bundle
   */
  const write = (file, bundle) => writeFile(join(folder, file), `${JSON.stringify(pseudoBundle(bundle), null, 2)}\n`);
  await write(`l10n/bundle.l10n.${PSEUDO_LOCALE}.json`, await read('l10n/bundle.l10n.json'));
  await write(`package.nls.${PSEUDO_LOCALE}.json`, await read('package.nls.json'));
  return { folder, locale: PSEUDO_LOCALE };
}

await runAndReport('pseudo-locale', async () => {
  requireBuilt(['dist/extension.js', 'out/test/server/server.js', 'out/test/pseudo/pseudoLocale.js']);
  const extension = await pseudoExtension();
  log(`extension with the ${extension.locale} bundles: ${extension.folder}`);
  const standIn = await startStandIn();
  const server = await startServer({ settings: { 'opencx.apiBaseUrl': standIn.url }, locale: extension.locale });
  return runWorkbenchMocha({
    name: 'pseudo-locale suite',
    server,
    standIn,
    files: testFiles(PSEUDO_TESTS),
    screenshotDir: join(repoRoot, 'out/screenshots'),
    workbench: { extensionDevelopmentPath: extension.folder, language: extension.locale },
  });
});
