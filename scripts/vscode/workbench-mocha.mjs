// Runs mocha suites in this process against a fresh workbench window driven through playwright
// (test/ui/driver.ts reads the page and the stand-in from globalThis.opencxUi). Used by the UI
// suite, on the extension under development, and by the package suite, on the installed .vsix.

import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { log, seconds } from './lifecycle.mjs';
import { isKnownNoise, openWorkbench, repoRoot, stopAll } from './vscode-server.mjs';

/** @typedef {{ passed: number, failed: number }} Counts */
/**
 * One focus() call in the page: when, what it focused, and the frames that called it.
 * @typedef {{ at: number, target: string, callers: string[] }} FocusMove
 */

/**
 * Runs a harness's `suite` (resolving to its { passed, failed }) and ends the process the way the
 * harnesses report: a suite that ran nothing or threw counts as failed, everything started is
 * stopped, the counts go to OPENCX_RESULT_FILE when set and to a closing "<label>: N passed,
 * N failed" line, and the exit code is 0 only when nothing failed.
 * @param {string} label
 * @param {() => Promise<Counts>} suite
 */
export async function runAndReport(label, suite) {
  let counts = { passed: 0, failed: 1 };
  try {
    counts = await suite();
    if (counts.passed + counts.failed === 0) counts = { passed: 0, failed: 1 }; // ran nothing, proves nothing
  } catch (error) {
    console.error(`[vscode] ${/** @type {import('./lifecycle.mjs').Thrown} */ (error)?.stack ?? error}`);
    counts = { passed: counts.passed, failed: Math.max(counts.failed, 1) };
  } finally {
    await stopAll();
  }
  if (process.env.OPENCX_RESULT_FILE) await writeFile(process.env.OPENCX_RESULT_FILE, `${JSON.stringify(counts)}\n`);
  console.log(`${label}: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 ? 0 : 1);
}

/** The one mocha set-up of every suite (test/runMocha.ts), compiled. */
const { runMocha, testFiles: compiledTestFiles } = /** @type {typeof import('../../test/runMocha.js')} */ (
  createRequire(import.meta.url)(join(repoRoot, 'out/test/runMocha.js'))
);

/**
 * The compiled test files (*.test.js) under a folder, in a stable order.
 * @param {string} folder
 */
export function testFiles(folder) {
  return compiledTestFiles(folder);
}

/**
 * Opens a workbench window on `server` (`workbench` options go to openWorkbench), runs `files`
 * with mocha and resolves to { passed, failed }. A failing test leaves a screenshot in out/.
 * @param {object} suite
 * @param {string} suite.name
 * @param {import('./vscode-server.mjs').VsCodeServer} suite.server
 * @param {import('./vscode-server.mjs').StandIn} suite.standIn
 * @param {string[]} suite.files
 * @param {string} suite.screenshotDir
 * @param {import('./workbench.mjs').WorkbenchOptions} [suite.workbench]
 * @returns {Promise<Counts>}
 */
export async function runWorkbenchMocha({ name, server, standIn, files, screenshotDir, workbench: options = {} }) {
  if (files.length === 0) return { passed: 0, failed: 0 };
  const workbench = await openWorkbench(server, {
    onExtensionHostConsole: (text) => {
      if (!isKnownNoise(text)) console.log(`[extension host] ${text}`);
    },
    ...options,
  });
  workbench.page.on('pageerror', (error) => console.error(`[workbench] ${error.message}`));
  const { page } = workbench;
  // In this document and in those a window reload brings.
  await page.addInitScript(recordFocusMoves);
  await page.evaluate(recordFocusMoves);
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
  await mkdir(screenshotDir, { recursive: true });
  // What test/ui/driver.ts reads.
  /** @type {{ opencxUi?: import('../../test/ui/driver.js').UiContext }} */ (globalThis).opencxUi = { page, standIn, screenshotDir };

  let screenshots = 0;
  // What the screen looked like when a test failed, and where the keyboard was (a quick input that
  // loses the focus closes, or lets Enter go elsewhere): taken in an afterEach hook, before the
  // suite's teardown changes either.
  /** @type {import('mocha').RootHookObject} */
  const rootHooks = {
    /** @this {import('mocha').Context} */
    async afterEach() {
      if (this.currentTest?.state !== 'failed') return;
      screenshots++;
      const file = join(repoRoot, 'out', `${name.replaceAll(' ', '-')}-failure-${screenshots}.png`);
      await page.screenshot({ path: file }).catch(() => {});
      console.error(`[${name}] screenshot of the failure "${this.currentTest.title}": ${file}`);
      const state = await page.evaluate(describeFocus).catch((error) => `unknown (${error.message})`);
      console.error(`[${name}] at the failure: ${state}`);
    },
  };
  const started = Date.now();
  const result = await runMocha({ files, timeoutMs: 60_000, rootHooks });
  log(`${name} took ${seconds(Date.now() - started)}`);
  await workbench.close();
  return result;
}

/**
 * In the page: keeps the last focus() calls, what each focused and from where, so that a failure
 * can say what took the keyboard. Each page function is self-contained (playwright sends its text).
 */
function recordFocusMoves() {
  if (globalThis.opencxFocusMoves) return;
  /** @type {FocusMove[]} */
  const moves = (globalThis.opencxFocusMoves = []);
  const original = HTMLElement.prototype.focus;
  /**
   * @this {HTMLElement}
   * @param {[FocusOptions?]} args
   */
  HTMLElement.prototype.focus = function (...args) {
    const label = this.getAttribute('aria-label') ?? this.textContent?.trim().slice(0, 40) ?? '';
    // Frames as file:line:column, without the server's address and build path.
    const callers = (new Error().stack ?? '').split('\n').slice(2, 7).map((line) => line.trim().replace(/\(?https?:\/\/[^)\s]*\/([^/)\s]+)\)?/, '$1'));
    moves.push({ at: performance.now(), target: `<${this.tagName.toLowerCase()}> "${label}"`, callers });
    if (moves.length > 8) moves.shift();
    return original.apply(this, args);
  };
}

/** In the page: the focused element, the quick input if one is open, and the last focus() calls. */
function describeFocus() {
  /** @param {Element | null} element */
  const describe = (element) => {
    if (!element || element === document.body) return 'nothing (the page body)';
    const label = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60) ?? '';
    // An SVG element's className is an SVGAnimatedString, whose baseVal is the class attribute.
    const className = /** @type {string | SVGAnimatedString} */ (element.className);
    const classes = (typeof className === 'string' ? className : className.baseVal).split(/\s+/).slice(0, 3).join('.');
    return `<${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''}> "${label}"`;
  };
  const widget = document.querySelector('.quick-input-widget');
  const open = widget && getComputedStyle(widget).display !== 'none';
  const quickInput = open
    ? `open: title "${widget.querySelector('.quick-input-title')?.textContent ?? ''}", value "${/** @type {HTMLInputElement | null} */ (widget.querySelector('.quick-input-box input'))?.value ?? ''}"`
    : 'closed';
  const now = performance.now();
  const moves = (globalThis.opencxFocusMoves ?? []).map(
    ({ at, target, callers }) => `\n  ${Math.round(now - at)} ms ago: ${target}\n    ${callers.join('\n    ')}`,
  );
  return `focus on ${describe(document.activeElement)}; quick input ${quickInput}${moves.length ? `; the last focus() calls:${moves.join('')}` : ''}`;
}
