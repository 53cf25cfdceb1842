// Takes screenshots of the extension in a real VS Code (same set-up as the demo: the API stand-in
// with its seeded data, signed in) and writes them as 1400x900 PNGs under media/screenshots/.
//
//   node scripts/vscode/screenshots.mjs [scenario…] [--expand <row label>]… [--out <dir>] [--verbose]
//
// With no scenario names, every scenario below is taken. --expand adds rows to expand (matched by
// the text of the tree row) to each scenario taken.

import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ensureInstalled,
  handleSignals,
  log,
  openWorkbench,
  repoRoot,
  requireBuilt,
  startServer,
  startStandIn,
  stopAll,
} from './vscode-server.mjs';

// Named scenarios: what to show, and the file it goes to.
//   expand: labels of tree rows to expand, in order (a row's children appear once it expands)
//   expandFirst: expand the first collapsible row, whatever its label
const SCENARIOS = {
  'sessions-view': {
    file: 'sessions-view.png',
    description: 'the open.cx activity-bar view with the session list',
    expand: [],
  },
  'session-expanded': {
    file: 'session-expanded.png',
    description: 'the session list with its first session expanded',
    expandFirst: true,
  },
};

const VIEW_CONTAINER_ID = 'opencx';
const TREE_ROW = '.part.sidebar .pane-body [role="treeitem"]';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    expand: { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: join(repoRoot, 'media/screenshots') },
    // Print the extension host's console output while driving the UI.
    verbose: { type: 'boolean', default: false },
  },
});

const unknown = positionals.filter((name) => !SCENARIOS[name]);
if (unknown.length) {
  console.error(`Unknown scenario(s): ${unknown.join(', ')}. Known: ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}
const chosen = positionals.length ? positionals : Object.keys(SCENARIOS);

/** Opens the open.cx view: its activity-bar item, or the view container's command via F1. */
async function openExtensionView(page) {
  const activityItem = page
    .locator('.part.activitybar .action-item [aria-label*="open.cx"], .part.activitybar .action-item[aria-label*="open.cx"]')
    .first();
  try {
    await activityItem.waitFor({ timeout: 30_000 });
    await activityItem.click();
    return;
  } catch {
    log('no open.cx activity-bar item found; opening the view through the command palette');
  }
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  // The view container's "View: Show …" command; its id is workbench.view.extension.<container id>.
  await input.fill(`>workbench.view.extension.${VIEW_CONTAINER_ID}`);
  await page.waitForTimeout(500);
  await page.keyboard.press('Enter');
}

/** Waits until the sidebar shows tree rows (or welcome content) and nothing is loading. */
async function waitForTree(page) {
  const loaded = page.locator(`${TREE_ROW}, .part.sidebar .welcome-view-content`).first();
  try {
    await loaded.waitFor({ timeout: 30_000 });
  } catch {
    log('warning: the view showed no tree rows within 30 s; taking the screenshot anyway');
  }
  await page
    .locator('.part.sidebar .monaco-progress-container.active')
    .waitFor({ state: 'hidden', timeout: 15_000 })
    .catch(() => {});
}

async function expandRow(page, row, description) {
  // Hold on to this very element: a locator would re-resolve once the row's state changes.
  const element = await row.elementHandle();
  if ((await element.getAttribute('aria-expanded')) !== 'false') return;
  await element.click();
  await page
    .waitForFunction((target) => target.getAttribute('aria-expanded') === 'true', element, { timeout: 15_000 })
    .catch(() => log(`warning: ${description} did not expand`));
  await waitForTree(page);
}

async function takeScenario(server, name, scenario) {
  const workbench = await openWorkbench(server, {
    onExtensionHostConsole: options.verbose ? (text) => console.log(`[extension host] ${text}`) : undefined,
  });
  const { page } = workbench;
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
  await openExtensionView(page);
  await waitForTree(page);

  if (scenario.expandFirst) {
    await expandRow(page, page.locator(`${TREE_ROW}[aria-expanded="false"]`).first(), 'the first row');
  }
  for (const label of [...(scenario.expand ?? []), ...options.expand]) {
    const row = page.locator(TREE_ROW, { hasText: label }).first();
    if (!(await row.count())) {
      log(`warning: no tree row with "${label}"`);
      continue;
    }
    await expandRow(page, row, `"${label}"`);
  }

  // No hover tooltips or focus rings from the clicks above; let animations settle.
  await page.mouse.move(1399, 899);
  await page.waitForTimeout(1000);
  const file = join(resolve(options.out), scenario.file);
  await page.screenshot({ path: file });
  log(`${name}: ${relative(process.cwd(), file) || file}`);
  await workbench.close();
}

handleSignals();

let exitCode = 0;
try {
  requireBuilt(['dist/extension.js', 'out/test/server/server.js']);
  await ensureInstalled();
  await mkdir(resolve(options.out), { recursive: true });
  const standIn = await startStandIn();
  const server = await startServer({
    settings: { 'opencx.apiBaseUrl': standIn.url },
    env: { OPENCX_DEV_TOKEN: standIn.token },
  });
  for (const name of chosen) {
    await takeScenario(server, name, SCENARIOS[name]);
  }
} catch (error) {
  console.error(`[vscode] ${error?.stack ?? error}`);
  exitCode = 1;
} finally {
  await stopAll();
}
process.exit(exitCode);
