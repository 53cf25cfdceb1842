import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { parseSession } from '../../src/api/schemas';
import { sessionLabel } from '../../src/model/labels';
import { childLabels, clearNotifications, collapseAll, ensureSignedIn, expand, findNotification, idle, openSessionsView, runCommand, treeRow, ui, viewMenuAction, viewMenuLabels, waitForWorkbench, webviewFrame } from './driver';

/** The harness sets opencx.watchInterval to this (scripts/vscode/run-integration.mjs). */
const INTERVAL_MS = 15_000;
const STOP = 'Stop Watching for New Sessions';

/** Waits until the view's "…" menu offers `label` (it follows a context key set in a round trip of its own). */
async function waitForMenuItem(page: Page, label: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await viewMenuLabels(page)).includes(label)) {
    if (Date.now() > until) assert.fail(`the view's "…" menu does not offer ${label}`);
    await page.waitForTimeout(250);
  }
}

/** The count on the open.cx icon of the activity bar, or undefined while it shows none. */
async function activityBadge(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('.part.activitybar .action-item')];
    const item = items.find((element) => (element.getAttribute('aria-label') ?? element.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '').includes('open.cx'));
    const badge = item?.querySelector<HTMLElement>('.badge');
    if (!badge || badge.style.display === 'none' || getComputedStyle(badge).display === 'none') return undefined;
    return badge.querySelector('.badge-content')?.textContent?.trim() || undefined;
  });
}

async function waitForBadge(page: Page, expected: string | undefined, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if ((await activityBadge(page)) === expected) return Date.now() - started;
    if (Date.now() - started > timeoutMs) assert.fail(`the activity-bar badge still shows ${await activityBadge(page)}, not ${expected}, after ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
}

/** As when the user switches to another application: the window reports it lost focus. */
async function setWindowFocused(page: Page, focused: boolean): Promise<void> {
  await page.evaluate((focused) => {
    document.hasFocus = () => focused;
    window.dispatchEvent(new FocusEvent(focused ? 'focus' : 'blur'));
  }, focused);
}

/** Waits until the first row below a group is `label`. */
async function firstChild(page: Page, group: string, label: string, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while ((await childLabels(page, group))[0] !== label) {
    if (Date.now() - started > timeoutMs) assert.fail(`the first row of ${group} is ${(await childLabels(page, group))[0]}, not ${label}`);
    await page.waitForTimeout(100);
  }
}

const chatRequests = () => ui().standIn.requests.filter((request) => request.path.startsWith('/chat/'));

suite('UI: watching for new sessions', () => {
  suiteSetup(async () => {
    const { page, standIn } = ui();
    await ensureSignedIn(page, standIn.token);
    await collapseAll(page);
  });

  // Later suites count requests: nobody watches when they start.
  suiteTeardown(async () => {
    const { page, standIn } = ui();
    await setWindowFocused(page, true);
    await openSessionsView(page);
    if ((await viewMenuLabels(page)).includes(STOP)) await viewMenuAction(page, STOP);
    await collapseAll(page);
    standIn.reset();
  });

  test('a session that arrives while another view is shown is counted on the activity-bar badge within an interval; the view shows it on top and clears the count', async () => {
    const { page, standIn } = ui();
    await expand(page, 'Open');
    await expand(page, 'Web');
    await expand(page, 'Email');
    await viewMenuAction(page, 'Watch for New Sessions');
    await waitForMenuItem(page, STOP);
    await runCommand(page, 'View: Show Explorer');
    await page.locator('.part.sidebar .composite.title', { hasText: /explorer/i }).waitFor();

    standIn.requests.length = 0;
    const arrived = standIn.addSession({ channel: { type: 'web' }, contact: { name: 'Ada Arrived', email: 'ada@example.com' } });
    const took = await waitForBadge(page, '1', INTERVAL_MS + 1_000);
    console.log(`      badge after ${took} ms`);
    const groups = chatRequests().map((request) => `${request.query.status}/${request.query.channel_type}`);
    assert.deepEqual([...new Set(groups)].sort(), ['open/email', 'open/web'], 'only the expanded groups were read');
    assert.ok(chatRequests().every((request) => !request.query.cursor), 'first pages only');

    await openSessionsView(page);
    await idle(page);
    // VS Code draws what changed while the view was hidden when it shows again, a moment later; it
    // kept the scroll position, which opening Email moved: scroll up, as the user would.
    const label = sessionLabel(parseSession(arrived));
    await page.locator('.part.sidebar .monaco-list').first().hover();
    for (let turns = 0; turns < 30 && (await childLabels(page, 'Web'))[0] !== label; turns++) {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(150);
    }
    await firstChild(page, 'Web', label);
    await treeRow(page, label).locator('.label-description', { hasText: 'new' }).waitFor();
    await waitForBadge(page, undefined, 5_000);
  });

  test('with the window unfocused no request is made; focus back brings one catch-up round', async () => {
    const { page, standIn } = ui();
    await setWindowFocused(page, false);
    await page.waitForTimeout(1_000); // a round that had started finishes
    standIn.requests.length = 0;
    const arrived = standIn.addSession({ channel: { type: 'email' }, contact: { name: 'Bo Unfocused' } });
    await page.waitForTimeout(INTERVAL_MS + 2_000);
    assert.deepEqual(chatRequests(), [], 'nothing while nobody looks');

    await setWindowFocused(page, true);
    const label = sessionLabel(parseSession(arrived));
    await firstChild(page, 'Email', label, 10_000);
    assert.equal(new Set(chatRequests().map((request) => request.query.channel_type)).size, 2, 'one catch-up round: Web and Email');
  });

  test('opencx.notify handedOff: a session that needs a human is announced as plain text, and Open opens it', async () => {
    const { page, standIn } = ui();
    await clearNotifications(page);
    const name = 'Eve [urgent](command:opencx.signOut)';
    const arrived = standIn.addSession({ channel: { type: 'web' }, contact: { name }, ai_closure_type: 'handed_off', handoff: { summary: 'Wants a person', sentiment: 'angry' } });
    standIn.addSession({ channel: { type: 'web' }, contact: { name: 'Not handed off' } });
    const text = await findNotification(page, 'Needs a human', INTERVAL_MS + 5_000);
    assert.ok(text.replace(/\u200b/g, '').includes(name), text);
    const item = page.locator('.notification-list-item', { hasText: 'Needs a human' }).first();
    assert.equal(await item.locator('.notification-list-item-message a').count(), 0, 'no link in the message');
    await item.locator('.monaco-button', { hasText: 'Open' }).click();
    await webviewFrame(page, async (frame) => (await frame.locator(`body[data-session-id="${arrived.id}"]`).count()) > 0);
    await runCommand(page, 'View: Close All Editors');
    await clearNotifications(page);
  });

  test('a window reload keeps the expanded groups and watching', async () => {
    const { page, standIn } = ui();
    await page.reload();
    await waitForWorkbench(page);
    await ensureSignedIn(page, standIn.token);
    for (const group of ['Open', 'Web', 'Email']) {
      await page.locator(`.part.sidebar [role="treeitem"][aria-expanded="true"]`, { has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${group}\\s*$`) }) }).waitFor({ timeout: 20_000 });
    }
    await waitForMenuItem(page, STOP);
    assert.ok((await childLabels(page, 'Web')).length > 1, 'Web shows its sessions, loaded on their own');
    // Still watching: a new session shows up without a click.
    const arrived = standIn.addSession({ channel: { type: 'web' }, contact: { name: 'Cy After Reload' } });
    await treeRow(page, sessionLabel(parseSession(arrived))).waitFor({ timeout: INTERVAL_MS + 5_000 });
  });
});
