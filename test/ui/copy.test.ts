import * as assert from 'node:assert/strict';
import { parseSession } from '../../src/api/schemas';
import { sessionLabel } from '../../src/model/labels';
import { expand, quickPickRow, readClipboard, runCommand, startSignedInCollapsed, treeRow, ui } from './driver';

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
    // The confirmation shows once the clipboard holds the ids.
    await page.locator('.statusbar', { hasText: 'Copied 2 session ids' }).waitFor();
    assert.equal(await readClipboard(page), `${first!.id}\n${second!.id}`);
  });

  test('Ctrl+C in the tree\'s find box copies the typed text, not the selected sessions', async () => {
    const { page, standIn } = ui();
    await expand(page, 'Closed · unresolved');
    await expand(page, 'SMS');
    const [first] = standIn.matching({ status: 'closed_unresolved', channel_type: 'sms' });
    await treeRow(page, sessionLabel(parseSession(first))).click();
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await page.keyboard.press('Control+Alt+F'); // the tree's find box
    const find = page.locator('.part.sidebar .monaco-findInput input, .part.sidebar .monaco-tree-type-filter input').first();
    await find.waitFor();
    await find.fill('zz');
    await find.selectText();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'INPUT', 'the find box has the focus');
    await page.keyboard.press('Control+C');
    await page.waitForTimeout(300);
    assert.notEqual(await readClipboard(page), first!.id, 'the session id was not copied');
    await page.keyboard.press('Escape');
  });

  test('with sessions selected, the copy commands are offered in the command palette', async () => {
    const { page, standIn } = ui();
    await expand(page, 'Closed · unresolved');
    await expand(page, 'SMS');
    const [first] = standIn.matching({ status: 'closed_unresolved', channel_type: 'sms' });
    await treeRow(page, sessionLabel(parseSession(first))).click();
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await runCommand(page, 'open.cx: Copy Session ID');
    await page.waitForTimeout(300);
    assert.equal(await readClipboard(page), first!.id);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>open.cx: Copy Session JSON');
    await quickPickRow(page, 'Copy Session JSON').waitFor();
    await page.keyboard.press('Escape');
  });
});
