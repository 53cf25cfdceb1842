import * as assert from 'node:assert/strict';
import { parseHistoryPage, type HistoryEvent, type Page } from '../../src/api/schemas';
import { mergeRefreshedHistory, readRefreshedHistory, type ShownHistory } from '../../src/model/history/historyRefresh';

/** Events with the given ids (null: no id), newest first. */
function events(...ids: (string | number | null)[]): HistoryEvent[] {
  return parseHistoryPage({ items: ids.map((id) => ({ id, created_at: null, event: { type: 'message' } })), next: null }).items;
}

const idsOf = (list: readonly HistoryEvent[]) => list.map((event) => event.id);

/**
 * A server history, newest first, read in pages of `size` behind offset cursors (as the stand-in
 * does): records which cursors were asked for.
 */
function server(ids: (string | number | null)[], size: number, unreadableAt: number[] = []) {
  const asked: (string | undefined)[] = [];
  const all = events(...ids);
  const readPage = async (cursor: string | undefined): Promise<Page<HistoryEvent>> => {
    asked.push(cursor);
    const offset = cursor === undefined ? 0 : Number(cursor);
    const end = offset + size;
    return { items: all.slice(offset, end), next: end < all.length ? String(end) : null, unreadable: unreadableAt.includes(offset) ? 1 : 0 };
  };
  return { asked, readPage };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => `e${from + index}`);

suite('history refresh', () => {
  test('first load: nothing shown, one request for the newest page', async () => {
    const { asked, readPage } = server(range(0, 50), 20);
    const result = await readRefreshedHistory({ events: [], next: null, pages: 0 }, readPage);
    assert.deepEqual(asked, [undefined]);
    assert.deepEqual(idsOf(result.events), range(0, 20));
    assert.equal(result.next, '20');
    assert.equal(result.pages, 1);
  });

  test('nothing new: one request, every loaded page kept, and the cursor below them', async () => {
    const { asked, readPage } = server(range(0, 70), 20);
    const shown: ShownHistory = { events: events(...range(0, 60)), next: '60', pages: 3 };
    const result = await readRefreshedHistory(shown, readPage);
    assert.deepEqual(asked, [undefined], 'only the newest page is read again');
    assert.deepEqual(idsOf(result.events), range(0, 60));
    assert.equal(result.next, '60', '"Load older" continues below the oldest event shown');
    assert.equal(result.pages, 3);
    assert.equal(result.kept, 40);
  });

  test('new events on top: they come first, the older pages stay, no duplicates', async () => {
    // Five new events (n0…n4) arrived since e0…e39 were shown; offset pages now overlap.
    const { asked, readPage } = server([...range(0, 5).map((id) => `n${id}`), ...range(0, 70)], 20);
    const shown: ShownHistory = { events: events(...range(0, 40)), next: '40', pages: 2 };
    const result = await readRefreshedHistory(shown, readPage);
    assert.deepEqual(asked, [undefined]);
    assert.deepEqual(idsOf(result.events), [...range(0, 5).map((id) => `n${id}`), ...range(0, 40)]);
    assert.equal(result.next, '40');
  });

  test('more new events than a page: reads on until it meets the shown events, leaving no gap', async () => {
    const fresh = range(100, 125);
    const { asked, readPage } = server([...fresh, ...range(0, 70)], 20);
    const shown: ShownHistory = { events: events(...range(0, 40)), next: '40', pages: 2 };
    const result = await readRefreshedHistory(shown, readPage);
    assert.deepEqual(asked, [undefined, '20']);
    assert.deepEqual(idsOf(result.events), [...fresh, ...range(0, 40)]);
    assert.equal(result.next, '40');
  });

  test('so many new events that the shown pages are not met: as many fresh pages as were shown, no gap', async () => {
    const fresh = range(100, 160);
    const { asked, readPage } = server([...fresh, ...range(0, 70)], 20);
    const shown: ShownHistory = { events: events(...range(0, 40)), next: '40', pages: 2 };
    const result = await readRefreshedHistory(shown, readPage);
    assert.deepEqual(asked, [undefined, '20'], 'bounded by the pages shown');
    assert.deepEqual(idsOf(result.events), range(100, 140), 'the older events would sit behind a gap: not kept');
    assert.equal(result.next, '40', 'the fresh cursor: "Load older" continues without a gap');
    assert.equal(result.pages, 2);
  });

  test('the whole history fits the fresh page: exactly what the server has now', async () => {
    const { readPage } = server(['n0', 'e0', 'e2'], 20);
    const result = await readRefreshedHistory({ events: events('e0', 'e1', 'e2'), next: null, pages: 1 }, readPage);
    assert.deepEqual(idsOf(result.events), ['n0', 'e0', 'e2'], 'the deleted e1 is gone');
    assert.equal(result.next, null);
  });

  test('counts the unreadable events of the pages read', async () => {
    const { readPage } = server(range(0, 50), 20, [0]);
    assert.equal((await readRefreshedHistory({ events: [], next: null, pages: 0 }, readPage)).unreadable, 1);
  });

  test('a failed request is passed on, so the caller keeps what it shows', async () => {
    const shown: ShownHistory = { events: events(...range(0, 40)), next: '40', pages: 2 };
    await assert.rejects(
      readRefreshedHistory(shown, async () => {
        throw new Error('503');
      }),
      /503/,
    );
  });

  suite('merging', () => {
    test('shown events newer than the last one still on the server but missing there were deleted', () => {
      const merged = mergeRefreshedHistory({ events: events('a', 'b', 'c', 'd', 'e'), next: 'x' }, { events: events('n', 'a', 'c'), next: 'y' });
      assert.deepEqual(idsOf(merged.events), ['n', 'a', 'c', 'd', 'e']);
      assert.equal(merged.next, 'x');
      assert.equal(merged.kept, 2);
    });

    test('the fresh pages cover every shown event: their own cursor', () => {
      const merged = mergeRefreshedHistory({ events: events('a', 'b'), next: 'x' }, { events: events('n', 'a', 'b', 'c'), next: 'y' });
      assert.deepEqual(idsOf(merged.events), ['n', 'a', 'b', 'c']);
      assert.equal(merged.next, 'y');
    });

    test('events without an id are kept below the meeting point but cannot be matched', () => {
      const merged = mergeRefreshedHistory({ events: events('a', null, 'b', null), next: 'x' }, { events: events(null, 'a'), next: 'y' });
      assert.deepEqual(idsOf(merged.events), [null, 'a', null, 'b', null]);
    });

    test('numeric ids match too', () => {
      const merged = mergeRefreshedHistory({ events: events(3, 2, 1), next: 'x' }, { events: events(4, 3), next: 'y' });
      assert.deepEqual(idsOf(merged.events), [4, 3, 2, 1]);
    });
  });
});
