// Bundles the extension into one CommonJS file for the VS Code extension host, beside the entry
// that loads it.
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
 * esbuild wraps the external module once per importing file, and each wrap copies every property
 * of the API, a cost activation pays once per importing file. One module that re-exports the API
 * is copied once, and every file imports that.
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

async function main() {
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
    await ctx.watch();
    return;
  }
  const result = await ctx.rebuild();
  await ctx.dispose();
  if (process.argv.includes('--metafile')) {
    require('node:fs').writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
