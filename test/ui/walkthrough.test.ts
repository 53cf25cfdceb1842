import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ensureSignedIn, openSessionsView, quickInput, runCommand, treeRows, ui } from './driver';

const SET_KEY = 'Set your API key';

function walkthrough(page: Page): Locator {
  return page.locator('.gettingStartedContainer');
}

function step(page: Page, title: string): Locator {
  return walkthrough(page).locator('.getting-started-step', { hasText: title }).first();
}

async function isChecked(page: Page, title: string): Promise<boolean> {
  return (await step(page, title).getAttribute('aria-checked')) === 'true';
}

/** Opens the step and clicks its Set API Token button, which opens the password box. */
async function openKeyBox(page: Page): Promise<Locator> {
  await step(page, SET_KEY).click();
  await walkthrough(page).locator('.getting-started-step.expanded a, .getting-started-step.expanded .button-link', { hasText: 'Set API Token' }).first().click();
  const box = page.locator('.quick-input-widget .quick-input-box input[type="password"]');
  await box.waitFor();
  return box;
}

suite('UI: Get started walkthrough', () => {
  suiteSetup(async () => {
    const { page } = ui();
    // Signed out, with no step checked yet: as a new user first sees it.
    await openSessionsView(page);
    if (await treeRows(page).first().isVisible()) await runCommand(page, 'open.cx: Sign Out');
    await page.locator('.part.sidebar .welcome-view-content').waitFor();
    await runCommand(page, 'Developer: Reset Welcome Page Walkthrough Progress');
  });

  suiteTeardown(async () => {
    const { page, standIn } = ui();
    await runCommand(page, 'View: Close All Editors');
    await ensureSignedIn(page, standIn.token);
  });

  test("the welcome view's Get started link opens the walkthrough with its five steps", async () => {
    const { page, screenshotDir } = ui();
    await page.locator('.part.sidebar .welcome-view-content a', { hasText: 'Get started' }).first().click();
    for (const title of [SET_KEY, 'Open the Sessions view', 'Filter sessions', 'Open a session', "Copy a session's ID or link"]) {
      await step(page, title).waitFor();
    }
    assert.equal(await step(page, SET_KEY).getAttribute('data-step-id'), 'opencx.opencx-sessions#gettingStarted#setKey');
    assert.equal(await isChecked(page, SET_KEY), false, 'signed out, the key step is not checked');
    // The key step makes an account, and says where others are added.
    await step(page, SET_KEY).click();
    const expanded = walkthrough(page).locator('.getting-started-step.expanded');
    assert.match((await expanded.textContent()) ?? '', /account/);
    await expanded.locator('a, .button-link', { hasText: 'Add Account…' }).first().waitFor({ timeout: 5_000 });
    await page.screenshot({ path: join(screenshotDir, 'walkthrough.png') });
  });

  test('"Set your API key" is checked once a key is stored, not when the box is dismissed', async () => {
    const { page, standIn } = ui();
    await openKeyBox(page);
    await page.keyboard.press('Escape');
    // Nothing to wait for when nothing should happen: give the workbench time to (wrongly) react.
    await page.waitForTimeout(1500);
    assert.equal(await isChecked(page, SET_KEY), false, 'dismissing the box stores no key');

    const box = await openKeyBox(page);
    await box.fill(standIn.token);
    await page.keyboard.press('Enter');
    await quickInput(page).waitFor({ state: 'hidden' });
    await walkthrough(page).locator('.getting-started-step[aria-checked="true"]', { hasText: SET_KEY }).first().waitFor({ timeout: 15_000 });
  });
});
