import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCommand, startSignedInCollapsed, ui } from './driver';

suite('UI: Get started walkthrough', () => {
  suiteSetup(startSignedInCollapsed);

  test('the walkthrough opens from the welcome page and shows its five steps', async () => {
    const { page, screenshotDir } = ui();
    await runCommand(page, 'Help: Welcome');
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.locator('button', { hasText: 'Get started with open.cx Sessions' }).first().click();
    for (const step of ['Set your API key', 'Open the Sessions view', 'Filter sessions', 'Open a session', "Copy a session's ID or link"]) {
      await walkthrough.locator('.getting-started-step', { hasText: step }).first().waitFor();
    }
    const first = walkthrough.locator('.getting-started-step', { hasText: 'Set your API key' }).first();
    assert.equal(await first.getAttribute('data-step-id'), 'opencx.opencx-sessions#gettingStarted#setKey');
    await page.screenshot({ path: join(screenshotDir, 'walkthrough.png') });
    // The step's own button runs Set API Token, which checks the step off.
    await first.click();
    await walkthrough.locator('.getting-started-step.expanded a, .getting-started-step.expanded .button-link', { hasText: 'Set API Token' }).first().click();
    await page.locator('.quick-input-widget .quick-input-box input[type="password"]').waitFor();
    await page.keyboard.press('Escape');
    await walkthrough.locator('.getting-started-step[aria-checked="true"]', { hasText: 'Set your API key' }).first().waitFor({ timeout: 10_000 });
    await runCommand(page, 'View: Close All Editors');
  });
});
