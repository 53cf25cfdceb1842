import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { HOSTILE_NAME } from '../server/data';
import { expand, startSignedInCollapsed, treeRow, ui, webviewFrame } from './driver';

suite('UI: session JSON view', () => {
  suiteSetup(startSignedInCollapsed);

  test('clicking a session opens its JSON; a hostile contact name shows as text', async () => {
    const { page, standIn, screenshotDir } = ui();
    await expand(page, 'Open');
    await expand(page, 'Web');
    await treeRow(page, HOSTILE_NAME).click();
    // The page is rebuilt when the history arrives: wait for the complete one.
    const frame = await webviewFrame(page, async (candidate) => (await candidate.locator('.transcript').count()) > 0);
    const text = (await frame.locator('body').textContent()) ?? '';
    assert.ok(text.includes(HOSTILE_NAME), 'the name appears as characters');
    assert.equal(await frame.locator('img').count(), 0, 'no element was made from it');
    assert.ok(text.includes('x_experimental_routing'), 'unknown fields are shown');
    const hostile = standIn.sessions.find((session) => (session.contact as { name?: string } | null)?.name === HOSTILE_NAME)!;
    assert.ok(text.includes(hostile.id));
    await page.screenshot({ path: join(screenshotDir, 'session-json.png') });
  });
});
