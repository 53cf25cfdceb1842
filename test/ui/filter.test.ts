import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { expand, quickPickRow, runCommand, startSignedInCollapsed, treeRow, treeRows, ui, viewMenuAction, viewMenuLabels, waitForRequests } from './driver';

suite('UI: filter quick pick', () => {
  suiteSetup(startSignedInCollapsed);

  // Whatever happened, later suites start unfiltered.
  suiteTeardown(async () => {
    const { page } = ui();
    await page.keyboard.press('Escape');
    if ((await viewMenuLabels(page)).includes('Clear Filters')) await viewMenuAction(page, 'Clear Filters');
  });

  test('filtering by channel through the quick pick requests only that channel', async () => {
    const { page, standIn, screenshotDir } = ui();
    await runCommand(page, 'open.cx: Filter Sessions…');
    await quickPickRow(page, 'Channel').click();
    await quickPickRow(page, 'WhatsApp').waitFor();
    await page.waitForTimeout(400); // let the quick pick finish fading in
    await page.screenshot({ path: join(screenshotDir, 'filter-quick-pick.png') });
    await quickPickRow(page, 'WhatsApp').click();
    await page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]', { hasText: 'WhatsApp' }).waitFor();
    await page.keyboard.press('Enter');
    // Back on the list of dimensions, which now shows the choice; Esc closes it.
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Channel' }).filter({ hasText: 'whatsapp' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.part.sidebar', { hasText: 'Filtered: whatsapp' }).waitFor();
    // The menu item follows a context key, set in a round trip of its own after the message.
    await page.waitForTimeout(200);
    assert.ok((await viewMenuLabels(page)).includes('Clear Filters'), 'the "…" menu offers Clear Filters once filtered');

    standIn.requests.length = 0;
    await expand(page, 'Closed · resolved');
    const channelRows = await treeRows(page).evaluateAll((rows) =>
      rows.filter((row) => row.getAttribute('aria-level') === '2').map((row) => row.querySelector('.label-name')?.textContent?.trim()),
    );
    assert.ok(channelRows.includes('WhatsApp') && !channelRows.includes('Web') && !channelRows.includes('Email'), channelRows.join(', '));
    await expand(page, 'WhatsApp');
    await waitForRequests(standIn, 1);
    assert.ok(standIn.requests.every((request) => request.query.channel_type === 'whatsapp'), JSON.stringify(standIn.requests.map((request) => request.query)));

    await viewMenuAction(page, 'Clear Filters');
    await page.locator('.part.sidebar', { hasText: 'Filtered:' }).waitFor({ state: 'detached' });
    await treeRow(page, 'Web').waitFor();
  });
});
