// The VS Code versions the real-VS-Code suites run on. Each comes from the npm release of
// code-server that carries it (code-server 4.N.x bundles VS Code 1.N.x), and each VS Code server
// is built for one Node major: its native modules must be built for, and run on, that Node.
//
// Chosen with OPENCX_VSCODE_VERSION (or a harness's --vscode flag): "current" (the default),
// "oldest" (the oldest VS Code that package.json's engines.vscode claims), or a VS Code version
// from the table ("1.105" or "1.105.1").

const VERSIONS = [
  { name: 'current', vscode: '1.139.1', codeServer: '4.139.1', node: '24' },
  // The oldest VS Code that package.json's engines.vscode claims (^1.105.0). Its code-server
  // postinstall would reach GitHub (the file watcher is a GitHub dependency up to 4.108, and
  // @vscode/ripgrep downloads ripgrep up to 4.117), so it installs by offline-install.mjs instead.
  { name: 'oldest', vscode: '1.105.1', codeServer: '4.105.1', node: '22.23.5', offlineRecipe: true },
];

export const VSCODE_VERSION_NAMES = VERSIONS.map((version) => version.name);

/** The version named by `wanted` (a name or a VS Code version), or the current one. */
export function vscodeVersion(wanted = process.env.OPENCX_VSCODE_VERSION) {
  if (!wanted) return VERSIONS[0];
  const found = VERSIONS.find(
    (version) => version.name === wanted || version.vscode === wanted || version.vscode.startsWith(`${wanted}.`),
  );
  if (!found) {
    const known = VERSIONS.map((version) => `${version.name} (${version.vscode})`).join(', ');
    throw new Error(`No VS Code "${wanted}" to test on; known: ${known}.`);
  }
  return found;
}
