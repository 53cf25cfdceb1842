// Drives the real VS Code workbench the way a person does (keyboard, clicks, the command
// palette, quick picks, tree rows, webviews) for the UI suite, which runs in the harness process
// beside headless Chromium. The harness hands over the page and the stand-in as `globalThis.opencxUi`.
import * as assert from 'node:assert/strict';
import type { Frame, Locator, Page } from 'playwright-core';
import type { StandIn } from '../server/server';

export interface UiContext {
  page: Page;
  standIn: StandIn;
  /** Where screenshots for the README go. */
  screenshotDir: string;
}

export function ui(): UiContext {
  const context = (globalThis as { opencxUi?: UiContext }).opencxUi;
  if (!context) throw new Error('The UI suite runs inside the harness: npm run test:integration.');
  return context;
}

const SIDEBAR = '.part.sidebar';
const QUICK_INPUT = '.quick-input-widget';

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
}

/** Runs a command by its palette title, e.g. "open.cx: Filter Sessions…". */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator(`${QUICK_INPUT} input`);
  // A quick input that is still closing from the previous step can swallow F1: try again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.fill(`>${title}`, { timeout: 3_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
  }
  await page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

export function quickInput(page: Page): Locator {
  return page.locator(`${QUICK_INPUT} .quick-input-box input`);
}

/** A row of the open quick pick whose text contains `text`. */
export function quickPickRow(page: Page, text: string): Locator {
  return page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: text }).first();
}

export async function openSessionsView(page: Page): Promise<void> {
  const item = page.locator('.part.activitybar .action-item [aria-label*="open.cx"], .part.activitybar .action-item[aria-label*="open.cx"]').first();
  await item.waitFor({ timeout: 30_000 });
  // The sidebar's title names the open container; a single view has no header of its own.
  const title = page.locator(`${SIDEBAR} .composite.title .title-label`, { hasText: /open\.cx/i });
  // A click on the icon of the container already shown hides it again, and a window that has just
  // loaded may still be restoring its sidebar: click only while the icon is not the checked one,
  // and otherwise give the sidebar time to appear.
  for (let tries = 0; tries < 3; tries++) {
    if (await title.isVisible()) return;
    const checked = await item.evaluate((element) => (element.closest('.action-item') ?? element).classList.contains('checked'));
    if (!checked) await item.click();
    if (await title.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return;
  }
  await title.waitFor();
}

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** The tree row of the Sessions view whose label is exactly `label`. */
export function treeRow(page: Page, label: string): Locator {
  return page.locator(`${SIDEBAR} [role="treeitem"]`, { has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
}

export function treeRows(page: Page): Locator {
  return page.locator(`${SIDEBAR} [role="treeitem"]`);
}

export async function expand(page: Page, label: string): Promise<void> {
  const row = treeRow(page, label);
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
  // Expanded, and its first child row drawn below it (a group always has one: a row or a notice),
  // so that the next lookup by label sees the new rows.
  await page.waitForFunction(
    ([selector, text]) => {
      const rows = [...document.querySelectorAll(selector!)];
      const index = rows.findIndex(
        (element) => element.querySelector('.label-name')?.textContent?.trim() === text && element.getAttribute('aria-expanded') === 'true',
      );
      const next = rows[index + 1];
      return index >= 0 && next !== undefined && Number(next.getAttribute('aria-level')) === Number(rows[index]!.getAttribute('aria-level')) + 1;
    },
    [`${SIDEBAR} [role="treeitem"]`, label],
  );
  await idle(page);
}

/** Runs `label` from the view's "…" menu (Views and More Actions), as a user does. */
export async function viewMenuAction(page: Page, label: string): Promise<void> {
  await page.locator(`${SIDEBAR} .composite.title [aria-label^="Views and More Actions"]`).click();
  const item = page.locator(`.monaco-menu .action-label[aria-label="${label}"]`);
  await item.hover();
  await item.click();
  await item.waitFor({ state: 'detached' });
}

/** The labels of the view's "…" menu; the menu is closed again. */
export async function viewMenuLabels(page: Page): Promise<string[]> {
  await page.locator(`${SIDEBAR} .composite.title [aria-label^="Views and More Actions"]`).click();
  const items = page.locator('.monaco-menu .action-label');
  await items.first().waitFor();
  const labels = (await items.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''))).filter(Boolean);
  await page.keyboard.press('Escape');
  await items.first().waitFor({ state: 'detached' });
  return labels;
}

/** Collapses every group, so rows are found where a test expands them. */
export async function collapseAll(page: Page): Promise<void> {
  const action = page.locator(`${SIDEBAR} .composite.title [aria-label="Collapse All"]`);
  if (await action.isVisible()) await action.click();
  await page.waitForFunction((selector) => ![...document.querySelectorAll(selector)].some((row) => row.getAttribute('aria-expanded') === 'true'), `${SIDEBAR} [role="treeitem"]`);
}

export async function collapse(page: Page, label: string): Promise<void> {
  const row = treeRow(page, label);
  if ((await row.getAttribute('aria-expanded')) === 'true') await row.click();
  await page.waitForTimeout(200);
}

/** Waits until the view's progress bar is gone. */
export async function idle(page: Page): Promise<void> {
  await page.locator(`${SIDEBAR} .monaco-progress-container.active`).waitFor({ state: 'hidden', timeout: 20_000 }).catch(() => {});
}

/** Labels of the session rows below a group row (level + 1), in order. */
export async function childLabels(page: Page, groupLabel: string): Promise<string[]> {
  return page.evaluate(
    ([selector, label]) => {
      const rows = [...document.querySelectorAll(selector!)];
      const start = rows.findIndex((row) => row.querySelector('.label-name')?.textContent?.trim() === label);
      if (start < 0) return [];
      const level = Number(rows[start]!.getAttribute('aria-level'));
      const labels: string[] = [];
      for (const row of rows.slice(start + 1)) {
        const rowLevel = Number(row.getAttribute('aria-level'));
        if (rowLevel <= level) break;
        if (rowLevel === level + 1) labels.push(row.querySelector('.label-name')?.textContent ?? '');
      }
      return labels;
    },
    [`${SIDEBAR} [role="treeitem"]`, groupLabel],
  );
}

/** The text of a notification toast containing `text`, looking in the notification centre too. */
export async function findNotification(page: Page, text: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const toast = page.locator('.notification-toast, .notifications-center .notification-list-item', { hasText: text }).first();
  try {
    await toast.waitFor({ timeout: timeoutMs });
  } catch {
    await runCommand(page, 'Notifications: Show Notifications');
    await toast.waitFor({ timeout: 5_000 });
  }
  return (await toast.textContent()) ?? '';
}

export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
}

/** The content frame of the webview whose panel title is `title`. */
export async function webviewFrame(page: Page, probe: (frame: Frame) => Promise<boolean>, timeoutMs = 20_000): Promise<Frame> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    for (const frame of page.frames()) {
      if (await probe(frame).catch(() => false)) return frame;
    }
    await page.waitForTimeout(200);
  }
  assert.fail('no webview frame matched');
}

export async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Signs in through the UI (Set API Token with the stand-in's key) unless already signed in. */
export async function ensureSignedIn(page: Page, token: string): Promise<void> {
  await openSessionsView(page);
  const welcome = page.locator(`${SIDEBAR} .welcome-view-content`);
  const firstRow = treeRows(page).first();
  await Promise.race([welcome.waitFor(), firstRow.waitFor()]);
  if (!(await welcome.isVisible())) return;
  await runCommand(page, 'open.cx: Set API Token');
  await quickInput(page).fill(token);
  await page.keyboard.press('Enter');
  await treeRow(page, 'Open').waitFor();
}

/** The number of rows at a tree level below a group, as the tree reports it (rows are virtual). */
export async function childCount(page: Page, groupLabel: string): Promise<number> {
  const group = treeRow(page, groupLabel);
  const level = Number(await group.getAttribute('aria-level'));
  const child = group.locator(`xpath=following-sibling::*[@aria-level="${level + 1}"][1]`);
  return Number(await child.getAttribute('aria-setsize'));
}

/** Waits until the stand-in has recorded at least `count` API requests. */
export async function waitForRequests(standIn: StandIn, count: number, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (standIn.requests.length < count || standIn.requests.some((request) => request.status === 0)) {
    if (Date.now() - started > timeoutMs) assert.fail(`expected ${count} requests, saw ${standIn.requests.length}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Where every tree suite starts: signed in to the stand-in, the tree collapsed, no editor open. */
export async function startSignedInCollapsed(): Promise<void> {
  const { page, standIn } = ui();
  await ensureSignedIn(page, standIn.token);
  await collapseAll(page);
  // Panels left by earlier suites go: one whose page loads again while a quick pick is open can
  // take the focus, which closes the pick.
  await runCommand(page, 'View: Close All Editors');
}
