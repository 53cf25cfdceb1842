import * as assert from 'node:assert/strict';
import { parseSession } from '../../src/api/schemas';
import { sessionLabel } from '../../src/model/labels';
import { expand, readClipboard, startSignedInCollapsed, treeRow, ui } from './driver';

suite('UI: copy session ids', () => {
  suiteSetup(startSignedInCollapsed);

  test('Ctrl+click two sessions, then Ctrl+C copies both ids, one per line', async () => {
    const { page, standIn } = ui();
    await expand(page, 'Closed · unresolved');
    await expand(page, 'SMS');
    const [first, second] = standIn.matching({ status: 'closed_unresolved', channel_type: 'sms' });
    await treeRow(page, sessionLabel(parseSession(first))).click();
    await treeRow(page, sessionLabel(parseSession(second))).click({ modifiers: ['Control'] });
    await page.keyboard.press('Control+C');
    await page.waitForTimeout(300);
    assert.equal(await readClipboard(page), `${first!.id}\n${second!.id}`);
    await page.locator('.statusbar', { hasText: 'Copied 2 session ids' }).waitFor();
  });
});
