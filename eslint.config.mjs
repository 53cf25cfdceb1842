import tseslint from 'typescript-eslint';

/**
 * The layers of src/ and which way imports may point: api ← model ← services, ui ← views, commands,
 * tools ← extension.ts. Views and commands never import each other: extension.ts hands each what it
 * needs. Code that must run in plain Node (and is tested there) does not import vscode.
 */
const NO_VSCODE = { name: 'vscode', message: 'This code runs and is tested in plain Node: keep vscode out of it.' };
/**
 * @param {string[]} files
 * @param {{ vscode?: boolean, forbidden: [regex: string, message: string][] }} options
 * @returns {import('eslint').Linter.Config}
 */
const layer = (files, { vscode = true, forbidden }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: vscode ? [] : [NO_VSCODE],
        patterns: forbidden.map(([regex, message]) => ({ regex, message })),
      },
    ],
  },
});
/** @type {[regex: string, message: string]} */
const EXTENSION = ['^(\\.\\./)+extension$', 'Nothing imports extension.ts: it only wires the parts together.'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.node/**', 'node_modules/**', 'media/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    rules: {
      curly: ['warn', 'multi-line'],
      eqeqeq: ['error', 'smart'],
      'no-throw-literal': 'error',
      '@typescript-eslint/naming-convention': ['warn', { selector: 'import', format: ['camelCase', 'PascalCase'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The build script and the benchmark's reference extension are CommonJS, as Node and VS Code load them.
  {
    files: ['esbuild.js', 'scripts/bench/reference-extension/extension.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  layer(['src/api/**/*.ts'], {
    vscode: false,
    forbidden: [['^\\.\\./(model|services|ui|views|commands|tools)(/|$)', 'src/api is the lowest layer: it imports nothing of the extension.'], EXTENSION],
  }),
  layer(['src/model/**/*.ts'], {
    vscode: false,
    forbidden: [['^(\\.\\./)+(services|ui|views|commands|tools)(/|$)', 'src/model imports only src/api.'], EXTENSION],
  }),
  layer(['src/services/**/*.ts', 'src/ui/**/*.ts'], {
    forbidden: [['^\\.\\./(views|commands|tools)(/|$)', 'Services and UI helpers sit below views, commands and the chat tools.'], EXTENSION],
  }),
  // The ids are read by Node tests (package.json ↔ registered commands).
  layer(['src/ui/ids.ts'], {
    vscode: false,
    forbidden: [['^\\.\\./(views|commands|tools)(/|$)', 'Services and UI helpers sit below views, commands and the chat tools.'], EXTENSION],
  }),
  layer(['src/views/**/*.ts'], {
    forbidden: [
      ['^(\\.\\./)+commands(/|$)', 'Views do not import commands: a helper both need belongs in src/ui.'],
      ['^(\\.\\./)+tools(/|$)', 'Views do not import the chat tools: a helper both need belongs in src/ui or src/model.'],
      EXTENSION,
    ],
  }),
  // The page renderer is plain strings, tested in Node.
  layer(['src/views/page/**/*.ts'], {
    vscode: false,
    forbidden: [
      ['^\\.\\./[^.]', 'The page renderer imports no VS Code-side view code.'],
      ['^\\.\\./\\.\\./(services|ui|commands|tools)(/|$)', 'The page renderer imports only src/api and src/model.'],
      EXTENSION,
    ],
  }),
  // The page's script runs in the webview: no VS Code API, no Node, none of the extension's code
  // but the message types both sides share.
  {
    files: ['src/views/page/pageScript.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The page runs in a webview: it reaches the extension only by messages.' }],
          patterns: [
            {
              regex: '^(node:|\\.\\.?/(?!webviewMessages$))',
              message: 'The page imports only the message types it shares with the extension (webviewMessages.ts).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'require', 'module', 'exports', 'Buffer', 'global', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'The page runs in a webview, not in Node.',
        })),
      ],
    },
  },
  layer(['src/commands/**/*.ts'], {
    forbidden: [
      ['^\\.\\./views(/|$)', 'Commands do not import views: declare what a command needs as an interface, extension.ts passes the view.'],
      ['^\\.\\./tools(/|$)', 'Commands do not import the chat tools: a helper both need belongs in src/ui or src/model.'],
      EXTENSION,
    ],
  }),
  // The chat's language-model tools sit beside views and commands.
  layer(['src/tools/**/*.ts'], {
    forbidden: [['^\\.\\./(views|commands)(/|$)', 'The chat tools import neither views nor commands: extension.ts wires them.'], EXTENSION],
  }),
);
