// The VS Code web workbench in headless Chromium, driven through playwright-core: its URL on a
// server (the smoke-test payload that loads the extension under development and its tests), the
// log lines that are noise here, and opening it. vscode-server.mjs re-exports what is here.

import { resolve } from 'node:path';
import { format } from 'node:util';
import { CHROMIUM_PATH } from './install.mjs';
import { onCleanup } from './lifecycle.mjs';
import { repoRoot, requireFromRepo } from './repo.mjs';

/** @typedef {import('./vscode-server.mjs').VsCodeServer} VsCodeServer */

// Flags that keep Chromium from reaching out to the (closed) network or asking anything.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Workbench URL for a folder, with the smoke-test payload that loads the extension under
 * development (and, if given, runs its tests). Paths are on the server, so they are
 * vscode-remote URIs on the server's authority.
 * @param {VsCodeServer} server
 * @param {Pick<WorkbenchOptions, 'extensionDevelopmentPath' | 'extensionTestsPath'>} [options]
 */
export function workbenchUrl(server, { extensionDevelopmentPath = repoRoot, extensionTestsPath } = {}) {
  /** @param {string} path */
  const remote = (path) => `vscode-remote://${server.authority}${resolve(path)}`;
  const payload = [];
  // null: no extension under development, only what is installed in the extensions folder.
  if (extensionDevelopmentPath !== null) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams({ folder: server.dirs.workspace });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `http://${server.authority}/?${query}`;
}

// Workbench log lines that are expected here and say nothing about the extension: the closed
// network, start-up chatter, and code-server's own service worker (served by its launcher, which
// is not used). OPENCX_VSCODE_VERBOSE=1 shows them all the same.
const KNOWN_NOISE = [
  /getaddrinfo ENOTFOUND/,
  /Timed out waiting for authentication provider/,
  /^\[Service Worker\] registration/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/,
  /^\[AgentHost:remote\] Initializing/,
  /^\[AccountPolicyGate\]/,
];

/** @param {string} text */
export function isKnownNoise(text) {
  return process.env.OPENCX_VSCODE_VERBOSE !== '1' && KNOWN_NOISE.some((pattern) => pattern.test(text));
}

/**
 * Formats one codeAutomationLog call as text: the args are console-style (format string first).
 * @param {unknown} args
 */
function formatLogArgs(args) {
  return format(...(Array.isArray(args) ? args : [args]));
}

/**
 * The extension host's console output as the workbench echoes it to the page console when an
 * extension is under development: `%c[Extension Host] %c<message>` plus CSS arguments.
 * @param {import('playwright-core').ConsoleMessage} message
 */
async function extensionHostConsoleText(message) {
  const values = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '?')));
  const [first, ...rest] = values;
  if (typeof first !== 'string' || !first.startsWith('%c[Extension Host]')) return undefined;
  const styles = (first.match(/%c/g) ?? []).length;
  return format(first.replaceAll('%c', '').replace('[Extension Host] ', ''), ...rest.slice(styles));
}

/**
 * @typedef {object} WorkbenchOptions
 * @property {string | null} [extensionDevelopmentPath] null: none (only what the server has installed)
 * @property {string} [extensionTestsPath]
 * @property {(type: string, text: string) => void} [onLog]
 * @property {(text: string) => void} [onExtensionHostConsole]
 * @property {{ width: number, height: number }} [viewport]
 * @property {string} [language]
 */

/**
 * @typedef {object} Workbench
 * @property {import('playwright-core').Browser} browser
 * @property {import('playwright-core').Page} page
 * @property {string} url
 * @property {Promise<number>} exitCode
 * @property {() => Promise<void>} close
 */

/**
 * Opens the workbench in headless Chromium.
 * - `onLog(type, text)` receives every line the workbench logs through codeAutomationLog; while
 *   tests run (extensionTestsPath) that includes the extension host's console.
 * - `onExtensionHostConsole(text)` receives the extension host's console output when no tests
 *   run (the demo / screenshot set-up), from the page console.
 * - `exitCode` settles when the workbench calls codeAutomationExit (when the tests entry's run()
 *   settles).
 * - `language`: the display language (vscode.env.language) of the window. The web workbench takes
 *   it from the core translations it loads, and without a language pack for it there are none;
 *   set before the workbench starts, it is what the window and its extension hosts use (core
 *   strings stay English, extensions load their bundles for it).
 * @param {VsCodeServer} server
 * @param {WorkbenchOptions} [options]
 * @returns {Promise<Workbench>}
 */
export async function openWorkbench(server, {
  extensionDevelopmentPath = repoRoot,
  extensionTestsPath,
  onLog,
  onExtensionHostConsole,
  viewport = { width: 1400, height: 900 },
  language,
} = {}) {
  const { chromium } = /** @type {typeof import('playwright-core')} */ (requireFromRepo('playwright-core'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    // Signals are handled here (stopAll), not by playwright's own handlers.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const forgetBrowser = onCleanup('browser', () => browser.close());
  // The clipboard permissions let UI tests read what Copy Session ID wrote.
  const context = await browser.newContext({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();

  /** @type {(code: number) => void} */
  let reportExit;
  /** @type {Promise<number>} */
  const exitCode = new Promise((resolvePromise) => (reportExit = resolvePromise));
  await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown} */ args) => onLog?.(type, formatLogArgs(args)));
  await page.exposeFunction('codeAutomationExit', (/** @type {unknown} */ code) => reportExit(Number(code)));
  if (onExtensionHostConsole) {
    page.on('console', async (message) => {
      const text = await extensionHostConsoleText(message);
      if (text !== undefined) onExtensionHostConsole(text);
    });
  }

  if (language) await page.addInitScript((value) => (globalThis._VSCODE_NLS_LANGUAGE = value), language);
  const url = workbenchUrl(server, { extensionDevelopmentPath, extensionTestsPath });
  await page.goto(url);
  const close = async () => {
    forgetBrowser();
    await browser.close();
  };
  return { browser, page, url, exitCode, close };
}
