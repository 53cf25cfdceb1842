// What a user waits for in the real VS Code (the VS Code server of the cached code-server
// install, its workbench in headless Chromium), from a click to what it brings on screen, with the
// stand-in answering after simulated network latency:
//  (a) a click on Open › Web until its first session row is drawn;
//  (b) a click on "Load more…" until the next page's first row is drawn;
//  (c) a click on a session until its panel shows the JSON, and (c′) the same for a second session
//      in the same window, once VS Code has set up its first webview;
//  (d) Refresh with Web and Email expanded until both show their new first rows.
// Each run opens fresh windows: one with the extension, one with the reference extension
// (scripts/bench/reference-extension, a tree of the same groups that awaits the same pages and
// returns plain items, a panel that shows a session's JSON with no script, and a Refresh that
// fetches both pages first)
// and, if given, one with a baseline build of the extension, in rotating order; then Node fetches
// the same requests bare, so every figure has the network's share beside it from the same minutes
// of the same machine.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureInstalled, log, openWorkbench, startServer, startStandIn } from '../vscode/vscode-server.mjs';
import { timeBareFetches } from './bareFetches.mjs';
import { installTreeProbe, webviewShownProbe } from './pageProbes.mjs';
import { DATA, median, REFERENCE_PATH } from './repo.mjs';

const STEP_TIMEOUT_MS = 20_000;
const PAGE_SIZE = 25;
// Tall enough that Email's rows are drawn below Web's two pages: the tree draws only visible rows.
const VIEWPORT = { width: 1400, height: 1700 };

const CASES = ['a', 'b', 'c', 'c2', 'd'];

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('../vscode/vscode-server.mjs').VsCodeServer} VsCodeServer */
/** @typedef {import('../vscode/vscode-server.mjs').StandIn} StandIn */
/** @typedef {'extension' | 'reference' | 'baseline'} Build what a window runs */
/** @typedef {{ samples: number[], median: number }} Summary */
/** @typedef {{ latencyMs: number, runs: number, cases: Record<string, Partial<Record<Build | 'fetch', Summary>>> }} Perceived */

/**
 * Times (a)–(d) in `runs` rounds; resolves to { cases: { a, b, c, c2, d } } where each case holds
 * the samples of the extension, the reference, the baseline (when
 * `baselinePath` names another build of the extension) and the bare fetch.
 * @param {{ extensionPath: string, baselinePath?: string, runs: number, latencyMs: number }} options
 * @returns {Promise<Perceived>}
 */
export async function measurePerceived({ extensionPath, baselinePath, runs, latencyMs }) {
  if (baselinePath && !existsSync(join(baselinePath, 'dist/extension.js'))) {
    throw new Error(`${baselinePath} has no dist/extension.js: build it there first (npm run compile).`);
  }
  await ensureInstalled();
  const standIn = await startStandIn({ ...DATA, count: 3000, pageSize: PAGE_SIZE, rateLimit: 0 });
  standIn.setFaults({ latencyMs });
  // Signed in from the start, as in the demo: the extension adopts this token at activation, and
  // the reference sends it as it is.
  const server = await startServer({ settings: { 'opencx.apiBaseUrl': standIn.url }, env: { OPENCX_DEV_TOKEN: standIn.token }, endClosedWindows: true });

  /** @type {Record<string, Record<Build | 'fetch', number[]>>} */
  const cases = Object.fromEntries(CASES.map((name) => [name, { extension: [], reference: [], baseline: [], fetch: [] }]));
  for (let run = 1; run <= runs; run++) {
    /** @type {[Build, () => Promise<Record<string, number>>][]} */
    const windows = [
      ['extension', () => timeWindow(server, standIn, run, extensionPath, 'open.cx')],
      ['reference', () => timeWindow(server, standIn, run, REFERENCE_PATH, 'Reference sessions')],
    ];
    if (baselinePath) windows.push(['baseline', () => timeWindow(server, standIn, run, baselinePath, 'open.cx')]);
    // Whichever goes first meets the machine freshest: each takes its turn.
    const first = (run - 1) % windows.length;
    for (const [name, time] of [...windows.slice(first), ...windows.slice(0, first)]) {
      const times = await time();
      for (const [key, value] of Object.entries(times)) cases[key][name].push(value);
      log(`perceived run ${run}/${runs}, ${name}: ${Object.entries(times).map(([key, value]) => `(${key}) ${value.toFixed(0)} ms`).join(' ')}`);
    }
    const bare = await timeBareFetches(standIn);
    for (const [key, value] of Object.entries(bare)) cases[key].fetch.push(value);
    log(`perceived run ${run}/${runs}, bare fetch: ${Object.entries(bare).map(([key, value]) => `(${key}) ${value.toFixed(0)} ms`).join(' ')}`);
  }
  /** @param {number[]} samples */
  const summary = (samples) => (samples.length ? { samples, median: median(samples) } : undefined);
  return {
    latencyMs,
    runs,
    cases: Object.fromEntries(
      Object.entries(cases).map(([key, samples]) => [key, Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, summary(values)]))]),
    ),
  };
}

/**
 * (a) to (d) in a fresh window of the extension at `extensionPath`, whose container is `containerTitle`.
 * @param {VsCodeServer} server
 * @param {StandIn} standIn
 * @param {number} run
 * @param {string} extensionPath
 * @param {string} containerTitle
 */
function timeWindow(server, standIn, run, extensionPath, containerTitle) {
  return inWindow(server, extensionPath, containerTitle, async (page, reports) => {
    const { a, b } = await timeExpandAndLoadMore(page, reports);
    const c = await timeSessionPanel(page, reports, 1);
    await quiet(page);
    const c2 = await timeSessionPanel(page, reports, 2);
    await quiet(page);
    await expandAndWait(page, 'Email');
    const d = await timeRefresh(page, reports, standIn, run);
    return { a, b, c, c2, d };
  });
}

/**
 * @template T
 * @param {VsCodeServer} server
 * @param {string} extensionPath
 * @param {string} containerTitle
 * @param {(page: Page, reports: Reports) => Promise<T>} measure
 */
async function inWindow(server, extensionPath, containerTitle, measure) {
  const workbench = await openWorkbench(server, { extensionDevelopmentPath: extensionPath, viewport: VIEWPORT });
  try {
    const { page } = workbench;
    const reports = await listenForReports(page);
    await page.context().addInitScript(webviewShownProbe);
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    const container = page.locator(`.part.activitybar .action-item [aria-label^="${containerTitle}"], .part.activitybar .action-item[aria-label^="${containerTitle}"]`).first();
    await container.click({ timeout: 30_000 });
    await page.evaluate(installTreeProbe);
    await treeRow(page, 'Open').click({ timeout: 30_000 });
    await treeRow(page, 'Web').waitFor({ timeout: STEP_TIMEOUT_MS });
    // A new window keeps starting up for a while (extensions, restored state): wait for it to
    // settle, so that the clicks compete with nothing a user's later clicks would not.
    await sleep(3000);
    await quiet(page);
    return await measure(page, reports);
  } finally {
    await workbench.close();
  }
}

/**
 * @param {Page} page
 * @param {Reports} reports
 */
async function timeExpandAndLoadMore(page, reports) {
  const a = await timeClick(page, reports, [{ group: 'Web', position: 1 }], () => treeRow(page, 'Web').click());
  await quiet(page);
  const b = await timeClick(page, reports, [{ group: 'Web', position: PAGE_SIZE + 1 }], () => treeRow(page, 'Load more…').click());
  await quiet(page);
  return { a, b };
}

/**
 * Opens the `position`-th session of Web: until its JSON is on screen.
 * @param {Page} page
 * @param {Reports} reports
 * @param {number} position
 */
async function timeSessionPanel(page, reports, position) {
  const label = await page.evaluate((at) => window.opencxBench.childLabel('Web', at), position);
  if (label === undefined) throw new Error(`Web's session ${position} is not on screen`);
  await page.evaluate(() => window.opencxBench.arm([]));
  await treeRow(page, label).click();
  const { clickAt } = await page.evaluate(() => /** @type {import('./pageProbes.mjs').ProbeState} */ (window.opencxBench.state));
  if (clickAt === undefined) throw new Error('the click never reached the page');
  // A panel opened before reported its own stamp, from before this click.
  const shownAt = await reports.after('panel', clickAt, `the panel of "${label}" to show its JSON`);
  return shownAt - clickAt;
}

/**
 * Puts a new session first in Web and in Email, then refreshes: until both are drawn.
 * @param {Page} page
 * @param {Reports} reports
 * @param {StandIn} standIn
 * @param {number} run
 */
async function timeRefresh(page, reports, standIn, run) {
  const added = ['web', 'email'].map((channel) => {
    const session = structuredClone(standIn.matching({ status: 'open', channel_type: channel })[0]);
    session.id = randomUUID();
    // A contact is an object, or null in sessions of the 2024 document.
    session.contact = { .../** @type {{ [key: string]: import('../../test/server/data.js').Json } | null} */ (session.contact), name: `Refreshed ${channel} ${run}` };
    return session;
  });
  standIn.sessions.unshift(...added);
  try {
    const targets = added.map((session) => ({ group: session.channel.type === 'web' ? 'Web' : 'Email', position: 1, label: /** @type {{ name: string }} */ (session.contact).name }));
    const refresh = page.locator('.part.sidebar .composite.title .action-label[aria-label^="Refresh"]').first();
    const elapsed = await timeClick(page, reports, targets, () => refresh.click());
    await quiet(page);
    return elapsed;
  } finally {
    standIn.sessions.splice(0, added.length);
  }
}

/**
 * @param {Page} page
 * @param {string} group
 */
async function expandAndWait(page, group) {
  await treeRow(page, group).click();
  await page.waitForFunction((name) => window.opencxBench.childLabel(name, 1) !== undefined, group, { timeout: STEP_TIMEOUT_MS, polling: 100 });
  await quiet(page);
}

/**
 * Arms the probe for `targets`, clicks, and resolves to the time from the click to the frame that drew them.
 * @param {Page} page
 * @param {Reports} reports
 * @param {import('./pageProbes.mjs').Target[]} targets
 * @param {() => Promise<void>} click
 */
async function timeClick(page, reports, targets, click) {
  await page.evaluate((armed) => window.opencxBench.arm(armed), targets);
  await click();
  const { clickAt } = await page.evaluate(() => /** @type {import('./pageProbes.mjs').ProbeState} */ (window.opencxBench.state));
  if (clickAt === undefined) throw new Error('the click never reached the page');
  const drawnAt = await reports.after('rows', clickAt, 'the rows to be drawn');
  return drawnAt - clickAt;
}

/**
 * What the probes report (pageProbes.mjs): `after(kind, at, what)` resolves to the first stamp of
 * `kind` later than `at`. Waiting reads a list in Node, so nothing runs in the page meanwhile.
 * @param {Page} page
 */
async function listenForReports(page) {
  /** @type {Record<string, number[]>} */
  const stamps = { rows: [], panel: [] };
  await page.context().exposeBinding('opencxBenchReport', (_source, /** @type {string} */ kind, /** @type {number} */ at) => stamps[kind]?.push(at));
  return {
    /**
     * @param {import('./pageProbes.mjs').ReportKind} kind
     * @param {number} at
     * @param {string} what
     * @returns {Promise<number>}
     */
    async after(kind, at, what) {
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      for (;;) {
        const stamp = stamps[kind].find((value) => value > at);
        if (stamp !== undefined) return stamp;
        if (Date.now() > deadline) throw new Error(`waited ${STEP_TIMEOUT_MS / 1000} s for ${what}`);
        await sleep(10);
      }
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof listenForReports>>} Reports */

/**
 * Until the view's progress bar is gone and nothing was asked for a moment.
 * @param {Page} page
 */
async function quiet(page) {
  await page.locator('.part.sidebar .monaco-progress-container.active').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS }).catch(() => {});
  await sleep(700);
}

/**
 * @param {Page} page
 * @param {string} label
 */
function treeRow(page, label) {
  const exactly = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  return page.locator('.part.sidebar [role="treeitem"]', { has: page.locator('.label-name', { hasText: exactly }) }).first();
}
