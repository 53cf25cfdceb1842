import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { parseSession } from '../../src/api/schemas';
import { proposedName } from '../../src/model/accounts/accounts';
import { sessionLabel } from '../../src/model/labels';
import { startStandIn, type StandIn } from '../server/server';
import { childLabels, expand, quickPickRow, runCommand, startSignedInCollapsed, treeRow, ui, viewMenuAction } from './driver';

const QUICK_INPUT = '.quick-input-widget';
const MENU = '.monaco-menu';
const SIDEBAR = '.part.sidebar';
const SECOND = 'Second organization';

/** The labels of the first rows of Open › Web on `server`, as the tree shows them. */
const openWebLabels = (server: StandIn) => server.matching({ status: 'open', channel_type: 'web' }).slice(0, 5).map((raw) => sessionLabel(parseSession(raw)));

/** Waits until Open › Web shows `server`'s sessions: the tree follows the active account. */
async function waitForOrganization(page: Page, server: StandIn): Promise<void> {
  const expected = openWebLabels(server);
  let shown: string[] = [];
  for (let tries = 0; tries < 60; tries++) {
    await expand(page, 'Open').catch(() => {});
    await expand(page, 'Web').catch(() => {});
    shown = (await childLabels(page, 'Web')).slice(0, 5);
    if (JSON.stringify(shown) === JSON.stringify(expected)) return;
    await page.waitForTimeout(250);
  }
  assert.fail(`Open › Web shows ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
}

/** Waits for the input box that asks `prompt` (the previous box closes first), then answers it. */
async function answer(page: Page, prompt: string, text: string): Promise<void> {
  const box = page.locator(QUICK_INPUT, { hasText: prompt });
  await box.waitFor({ timeout: 10_000 });
  await box.locator('.quick-input-box input').fill(text);
  await page.keyboard.press('Enter');
}

/** Add Account… from the palette, as a user types it: server, name, key. */
async function addAccount(page: Page, server: StandIn, name: string): Promise<void> {
  await runCommand(page, 'open.cx: Add Account…');
  await answer(page, 'The open.cx API server of the account', server.url);
  await answer(page, 'A name for the account', name);
  const key = page.locator(`${QUICK_INPUT} .quick-input-box input[type="password"]`);
  await key.waitFor({ timeout: 10_000 });
  await key.fill(server.token);
  await page.keyboard.press('Enter');
  await key.waitFor({ state: 'hidden', timeout: 10_000 });
  // The key is checked with the server before the account is stored and made active.
  await waitForAccountNamed(page, name);
}

/** Waits until the message above the rows names `name`: the active one of several accounts. */
async function waitForAccountNamed(page: Page, name: string): Promise<void> {
  await page.locator(`${SIDEBAR} .tree-explorer-viewlet-tree-view > .message:not(.hide)`, { hasText: name }).waitFor({ timeout: 15_000 });
}

/** Opens the Accounts menu of the activity bar; returns its top-level entries. */
async function openAccountsMenu(page: Page): Promise<Locator> {
  await page.locator('.part.activitybar [aria-label^="Accounts"]').first().click();
  const entries = page.locator(`${MENU} .action-label`);
  await entries.first().waitFor();
  return entries;
}

/** Opens the submenu of `label` in the open Accounts menu; returns its entries. */
async function openAccountSubmenu(page: Page, label: string): Promise<Locator> {
  const entry = page.locator(`${MENU} .action-item`, { hasText: label }).first();
  await entry.hover();
  await entry.click();
  const submenu = page.locator('.monaco-submenu .action-label');
  await submenu.first().waitFor();
  await page.waitForTimeout(400); // a click while the submenu still opens is lost
  return submenu;
}

async function closeMenus(page: Page): Promise<void> {
  for (let tries = 0; tries < 4 && (await page.locator(MENU).first().isVisible()); tries++) await page.keyboard.press('Escape');
  await page.locator(MENU).first().waitFor({ state: 'hidden' });
}

const texts = async (items: Locator) => (await items.allTextContents()).map((text) => text.trim()).filter(Boolean);

suite('UI: several open.cx accounts', () => {
  let second: StandIn;

  // A menu left open by a failed test would take the next test's clicks.
  setup(() => closeMenus(ui().page));

  suiteSetup(async () => {
    await startSignedInCollapsed();
    // Ordinary sessions: its rows are in the README's picture; the hostile ones are other suites'.
    second = await startStandIn({ count: 200, seed: 77, rateLimit: 0, token: 'second-organization-key', edgeCases: false });
    await addAccount(ui().page, second, SECOND);
  });

  // Later suites start in the first account alone, with no menu or quick input open.
  suiteTeardown(async () => {
    const { page } = ui();
    await page.keyboard.press('Escape');
    await runCommand(page, 'open.cx: Switch Account…');
    const row = quickPickRow(page, SECOND);
    if (await row.waitFor({ timeout: 3_000 }).then(() => true, () => false)) {
      await row.hover();
      await row.locator('[aria-label="Sign Out"]').click();
      await row.waitFor({ state: 'detached' });
    }
    await page.keyboard.press('Escape');
    await second.close();
  });

  test('the Accounts menu of the activity bar lists both open.cx accounts, each with Sign Out', async () => {
    const { page, standIn, screenshotDir } = ui();
    const first = `${proposedName(standIn.url)} (open.cx)`;
    const entries = await texts(await openAccountsMenu(page));
    assert.ok(entries.includes(first), `the Accounts menu lists ${first}: ${JSON.stringify(entries)}`);
    assert.ok(entries.includes(`${SECOND} (open.cx)`), `the Accounts menu lists ${SECOND}: ${JSON.stringify(entries)}`);
    for (const account of [first, `${SECOND} (open.cx)`]) {
      assert.ok((await texts(await openAccountSubmenu(page, account))).includes('Sign Out'), `${account} offers Sign Out`);
    }
    await page.screenshot({ path: join(screenshotDir, 'accounts-menu.png') });
    await closeMenus(page);
  });

  test("Switch Account… lists both, the active one marked, and Add Account…; picking the other shows its organization's sessions", async () => {
    const { page, standIn, screenshotDir } = ui();
    await waitForOrganization(page, second);
    await viewMenuAction(page, 'Switch Account…');
    const active = quickPickRow(page, SECOND);
    await active.waitFor();
    assert.match((await active.textContent()) ?? '', /active/);
    assert.equal(await active.locator('.codicon-check').count(), 1, 'the active account has the check mark');
    const other = quickPickRow(page, proposedName(standIn.url));
    assert.doesNotMatch((await other.textContent()) ?? '', /active/);
    assert.equal(await other.locator('.codicon-check').count(), 0);
    await quickPickRow(page, 'Add Account…').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'switch-account.png') });
    await other.click();
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
    await waitForAccountNamed(page, proposedName(standIn.url));
    await waitForOrganization(page, standIn);
  });

  test('Sign Out of one account from the Accounts menu leaves the other working', async () => {
    const { page, standIn } = ui();
    await openAccountsMenu(page);
    const submenu = await openAccountSubmenu(page, `${SECOND} (open.cx)`);
    const signOut = submenu.filter({ hasText: 'Sign Out' }).first();
    await signOut.hover();
    await signOut.click();
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Sign Out' }).first().click();
    await page.locator('.monaco-dialog-box').waitFor({ state: 'detached' });
    // An open menu is not redrawn when accounts change: open it again until the account is gone.
    let entries: string[] = [];
    for (let tries = 0; tries < 20; tries++) {
      entries = await texts(await openAccountsMenu(page));
      await closeMenus(page);
      if (!entries.includes(`${SECOND} (open.cx)`)) break;
      await page.waitForTimeout(500);
    }
    assert.deepEqual(
      entries.filter((entry) => entry.endsWith('(open.cx)')),
      [`${proposedName(standIn.url)} (open.cx)`],
      'the Accounts menu lists the other account alone',
    );
    await treeRow(page, 'Open').waitFor();
    await waitForOrganization(page, standIn);
  });
});
