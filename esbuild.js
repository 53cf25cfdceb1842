// Bundles the extension into one CommonJS file for the VS Code extension host, beside the entry
// that loads it; and the session page's script into one browser script that the extension writes
// into the page (src/views/pageAssets.ts).
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints build errors in the `file:line:col` form the problem matcher of `watch` understands. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Every file's `import * as vscode from 'vscode'` shares one namespace object. Left to itself,
 * esbuild wraps the external module once per importing file, and each wrap copies all of the API's
 * ~350 properties: 28 copies cost 15 ms of activation in the extension host. One module that
 * re-exports the API is copied once, and every file imports that.
 */
const vscodeOncePlugin = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/** The session page's script, for the webview: one script with no module system, written inline into the page. */
const pageScript = {
  entryPoints: { session: 'src/webview/session.ts' },
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: production,
  // Inline in the page, it has no file a source map could sit beside.
  sourcemap: false,
  outdir: 'dist',
  logLevel: 'silent',
  plugins: watch ? [problemMatcherPlugin] : [],
};

async function main() {
  const page = await esbuild.context(pageScript);
  const ctx = await esbuild.context({
    // The extension's bundle, and the small entry that runs it from a code cache (bundleLoader.ts).
    entryPoints: { extension: 'src/extension.ts', bundleLoader: 'src/bundleLoader.ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    outdir: 'dist',
    external: ['vscode'],
    metafile: true,
    logLevel: 'silent',
    plugins: watch ? [vscodeOncePlugin, problemMatcherPlugin] : [vscodeOncePlugin],
  });
  if (watch) {
    await Promise.all([ctx.watch(), page.watch()]);
    return;
  }
  const [result] = await Promise.all([ctx.rebuild(), page.rebuild()]);
  await Promise.all([ctx.dispose(), page.dispose()]);
  if (process.argv.includes('--metafile')) {
    require('node:fs').writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
