// Bundles the extension for the VS Code extension host: the core (dist/extension.js, what
// activation and the sidebar's first rows need) and the parts loaded on first use, each from an
// entry of its own (dist/<part>.js). The core reaches a part with `import('./…Part.js')`, which
// this build turns into a `require` of the part's bundle; tsc leaves it as it is, for Node tests.
// And the session page's script, one browser script the extension writes into the page
// (src/views/pageAssets.ts).
const esbuild = require('esbuild');
const path = require('node:path');

/**
 * The parts loaded on first use. `owns` names the modules that are a part's alone: a unit test
 * reads the build's metafile and fails when one of them lands in the core bundle.
 */
const LAZY_PARTS = {
  sessionPanels: {
    entry: 'src/views/sessionPanelsPart.ts',
    owns: ['src/views/sessionPanels.ts', 'src/views/sessionPanel.ts', 'src/views/page/', 'src/views/sessionJsonDocuments.ts', 'src/model/history/openSession.ts', 'src/model/history/sessionHistory.ts'],
  },
  exactJson: {
    entry: 'src/api/exactJson.ts',
    owns: ['src/api/jsonTree.ts', 'src/api/jsonNodes.ts'],
  },
  chatTools: {
    entry: 'src/tools/chatToolsPart.ts',
    owns: ['src/model/chat/chatTools.ts', 'src/model/chat/chatToolInput.ts', 'src/model/chat/chatContent.ts'],
  },
  export: {
    entry: 'src/commands/exportPart.ts',
    owns: ['src/commands/exportSessions.ts', 'src/commands/exportPicks.ts', 'src/commands/exportDestination.ts', 'src/model/export/'],
  },
  quickPicks: {
    entry: 'src/commands/quickPicksPart.ts',
    owns: ['src/commands/searchSessions.ts', 'src/commands/searchContact.ts', 'src/model/search/localSearch.ts', 'src/model/search/remoteSearch.ts', 'src/commands/filter.ts', 'src/commands/savedViewCommands.ts', 'src/commands/token.ts'],
  },
};

/**
 * Prints build errors in the `file:line:col` form the problem matcher of `watch` understands.
 * @type {import('esbuild').Plugin}
 */
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
 * esbuild wraps the external module once per importing file, and each wrap copies all of the
 * API's properties at activation. One module that re-exports the API is copied once, and every
 * file imports that.
 * @type {import('esbuild').Plugin}
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

/**
 * A dynamic `import()` of a part's entry stays out of the bundle that makes it: it becomes a
 * `require` of the part's own output, beside it in dist/. Any other dynamic import is an error,
 * so that nothing is loaded lazily by accident.
 * @type {import('esbuild').Plugin}
 */
const lazyPartsPlugin = {
  name: 'lazy-parts',
  setup(build) {
    const outputOf = new Map(Object.entries(LAZY_PARTS).map(([name, part]) => [path.resolve(__dirname, part.entry), `./${name}.js`]));
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData === 'lazy-parts') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'lazy-parts' });
      const output = outputOf.get(resolved.path);
      if (output) return { path: output, external: true };
      return { errors: [{ text: `"${args.path}" is imported on demand but is not an entry of LAZY_PARTS in esbuild.js` }] };
    });
  },
};

/**
 * The build of the extension host's bundles, shared by `node esbuild.js` and the unit test of the
 * parts. Entries and dist/ are found from `workingDir` (the benchmark builds in a scratch folder).
 * @param {{ production?: boolean, watch?: boolean, workingDir?: string }} [options]
 * @returns {import('esbuild').BuildOptions}
 */
function buildOptions({ production = false, watch = false, workingDir = process.cwd() } = {}) {
  return {
    entryPoints: {
      extension: 'src/extension.ts',
      ...Object.fromEntries(Object.entries(LAZY_PARTS).map(([name, part]) => [name, part.entry])),
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    // import() of a part becomes require(): the extension host loads CommonJS.
    supported: { 'dynamic-import': false },
    // A package's ES module build where it has one: jsonc-parser's CommonJS build loads its own
    // files through a require esbuild cannot follow.
    mainFields: ['module', 'main'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    outdir: 'dist',
    absWorkingDir: workingDir,
    external: ['vscode'],
    metafile: true,
    logLevel: 'silent',
    plugins: watch ? [vscodeOncePlugin, lazyPartsPlugin, problemMatcherPlugin] : [vscodeOncePlugin, lazyPartsPlugin],
  };
}

/**
 * The session page's script, for the webview: one script with no module system, written inline into the page.
 * @param {{ production?: boolean, watch?: boolean }} [options]
 * @returns {import('esbuild').BuildOptions}
 */
function pageScriptOptions({ production = false, watch = false } = {}) {
  return {
    entryPoints: { session: 'src/views/page/pageScript.ts' },
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
}

async function main() {
  const production = process.argv.includes('--production');
  const watch = process.argv.includes('--watch');
  const ctx = await esbuild.context(buildOptions({ production, watch }));
  const page = await esbuild.context(pageScriptOptions({ production, watch }));
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

module.exports = { LAZY_PARTS, buildOptions };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
