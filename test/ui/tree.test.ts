import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseSession } from '../../src/api/schemas';
import { sessionLabel } from '../../src/model/labels';
import { childCount, childLabels, collapse, expand, idle, startSignedInCollapsed, treeRow, ui } from './driver';

suite('UI: sessions tree', () => {
  suiteSetup(startSignedInCollapsed);

  test('expanding Open and Web shows the first page of that group, then Load more… appends the next', async () => {
    const { page, standIn, screenshotDir } = ui();
    // The README's picture: a group of ordinary sessions (Web's first row is the data set's hostile
    // one), and none that a later test expects to load afresh.
    await expand(page, 'Open');
    await expand(page, 'WhatsApp');
    await treeRow(page, 'Load more…').waitFor();
    await idle(page);
    await page.screenshot({ path: join(screenshotDir, 'sessions-tree.png') });
    await collapse(page, 'WhatsApp');
    standIn.requests.length = 0;
    await expand(page, 'Web');
    await treeRow(page, 'Load more…').waitFor();
    const expected = standIn.matching({ status: 'open', channel_type: 'web' }).map((raw) => sessionLabel(parseSession(raw)));
    assert.deepEqual((await childLabels(page, 'Web')).slice(0, 25), expected.slice(0, 25));

    assert.equal(await childCount(page, 'Web'), 26, '25 sessions and Load more…');

    await treeRow(page, 'Load more…').click();
    for (let tries = 0; tries < 100 && (await childCount(page, 'Web')) !== 51; tries++) await page.waitForTimeout(100);
    assert.equal(await childCount(page, 'Web'), 51, 'the next page appended in place');
    await idle(page);
    const rows = await childLabels(page, 'Web');
    assert.deepEqual(rows.slice(0, 25), expected.slice(0, 25), 'the first page stayed where it was');
    assert.deepEqual(
      standIn.requests.map((request) => [request.query.status, request.query.channel_type, Boolean(request.query.cursor)]),
      [
        ['open', 'web', false],
        ['open', 'web', true],
      ],
    );
  });

  test('a failed page shows its error in the tree; clicking it retries and recovers', async () => {
    const { page, standIn } = ui();
    standIn.setFaults({ status: 500, message: 'upstream exploded' });
    await collapse(page, 'Web');
    await expand(page, 'Email');
    const error = page.locator('.part.sidebar [role="treeitem"]', { hasText: 'upstream exploded' }).first();
    await error.waitFor({ timeout: 30_000 });
    standIn.clearFaults();
    await error.click();
    await page.locator('.part.sidebar [role="treeitem"]', { hasText: 'upstream exploded' }).waitFor({ state: 'detached' });
    await idle(page);
    const expected = standIn.matching({ status: 'open', channel_type: 'email' }).map((raw) => sessionLabel(parseSession(raw)));
    assert.deepEqual((await childLabels(page, 'Email')).slice(0, 5), expected.slice(0, 5));
  });
});
