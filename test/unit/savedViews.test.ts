import * as assert from 'node:assert/strict';
import {
  checkName,
  MAX_NAME_LENGTH,
  MAX_SAVED_VIEWS,
  putView,
  readSavedViews,
  removeView,
  renameView,
  sortedViews,
  viewTitle,
  writeSavedViews,
  type SavedView,
} from '../../src/model/savedViews';
import { NO_FILTER, type SessionFilter } from '../../src/model/tree/sessionFilter';

const webHandoffs: SessionFilter = { statuses: ['open'], channels: ['web'], handedOff: true };
const handoffsView: SavedView = { name: 'Open web handoffs', filter: webHandoffs, grouping: 'status' };
const angryView: SavedView = { name: 'Angry this week', filter: { ...NO_FILTER, created: { preset: '7d' } }, grouping: 'channel/status' };

suite('saved views: names', () => {
  const views = [handoffsView, angryView];

  test('an empty or blank name is refused with what to do', () => {
    for (const text of ['', '   ', '\t\n']) {
      const check = checkName(text, views);
      assert.equal(check.kind, 'invalid', JSON.stringify(text));
      assert.match((check as { message: string }).message, /Type a name/);
    }
  });

  test('a name is trimmed and its white space runs become one space', () => {
    assert.deepEqual(checkName('  Email   backlog ', views), { kind: 'new', name: 'Email backlog' });
  });

  test('a name over the limit says how long it may be and how long it is', () => {
    const check = checkName('x'.repeat(MAX_NAME_LENGTH + 1), views);
    assert.equal(check.kind, 'invalid');
    assert.match((check as { message: string }).message, new RegExp(`${MAX_NAME_LENGTH} characters .*${MAX_NAME_LENGTH + 1}`));
    assert.equal(checkName('x'.repeat(MAX_NAME_LENGTH), views).kind, 'new');
  });

  test('control characters are refused', () => {
    assert.equal(checkName('bell\u0007', views).kind, 'invalid');
  });

  test('the name of a saved view, in any case or spacing, is a clash that names the existing view', () => {
    const check = checkName('open  WEB handoffs', views);
    assert.equal(check.kind, 'exists');
    assert.equal((check as { existing: SavedView }).existing, handoffsView);
  });

  test('renaming a view to its own name, or only changing its case, is no clash', () => {
    assert.deepEqual(checkName('Open web handoffs', views, 'Open web handoffs'), { kind: 'new', name: 'Open web handoffs' });
    assert.deepEqual(checkName('OPEN WEB HANDOFFS', views, 'Open web handoffs'), { kind: 'new', name: 'OPEN WEB HANDOFFS' });
    assert.equal(checkName('Angry this week', views, 'Open web handoffs').kind, 'exists');
  });

  test('a new name while the list is full is refused with why and what to do; overwriting or renaming one still works', () => {
    const full = Array.from({ length: 100 }, (_, index): SavedView => ({ ...handoffsView, name: `View ${index + 1}` }));
    const check = checkName('One too many', full);
    assert.equal(check.kind, 'invalid');
    assert.match((check as { message: string }).message, /100 saved views.*Delete one.*overwrite/);
    assert.equal(checkName('view 7', full).kind, 'exists');
    assert.deepEqual(checkName('Seven', full, 'View 7'), { kind: 'new', name: 'Seven' });
    assert.equal(checkName('One more', full.slice(1)).kind, 'new');
  });

  test('markup and icon syntax are just characters of a name', () => {
    assert.deepEqual(checkName('$(alert) <b>[x](command:y)</b>', views), { kind: 'new', name: '$(alert) <b>[x](command:y)</b>' });
  });
});

suite('saved views: the list', () => {
  test('saving under an existing name overwrites that view in place; a new name is added at the end', () => {
    const changed = { ...handoffsView, name: 'OPEN web handoffs', grouping: 'none' as const };
    assert.deepEqual(putView([handoffsView, angryView], changed), [changed, angryView]);
    const added = { ...angryView, name: 'Email' };
    assert.deepEqual(putView([handoffsView, angryView], added), [handoffsView, angryView, added]);
  });

  test('rename keeps the filter and grouping; renaming onto another view replaces that one', () => {
    assert.deepEqual(renameView([handoffsView, angryView], 'open web handoffs', ' Web  queue '), [{ ...handoffsView, name: 'Web queue' }, angryView]);
    assert.deepEqual(renameView([handoffsView, angryView], 'Angry this week', 'Open web handoffs'), [{ ...angryView, name: 'Open web handoffs' }]);
    assert.deepEqual(renameView([handoffsView], 'gone', 'x'), [handoffsView]);
  });

  test('remove matches the name as the user sees it', () => {
    assert.deepEqual(removeView([handoffsView, angryView], 'ANGRY this week'), [handoffsView]);
  });

  test('the picker lists views by name, numbers in number order, case aside', () => {
    const names = ['b', 'A', 'view 10', 'view 9'].map((name) => ({ ...angryView, name }));
    assert.deepEqual(sortedViews(names).map((view) => view.name), ['A', 'b', 'view 9', 'view 10']);
  });
});

suite('saved views: stored state', () => {
  test('what is written reads back the same', () => {
    const views = [handoffsView, angryView, { name: 'Range', filter: { ...NO_FILTER, updated: { after: '2026-01-01T00:00:00Z' } }, grouping: 'none' as const }];
    const stored = JSON.parse(JSON.stringify(writeSavedViews(views)));
    assert.deepEqual(JSON.parse(JSON.stringify(readSavedViews(stored))), JSON.parse(JSON.stringify(views)));
  });

  test('nothing, or something other than a list, reads as no views', () => {
    for (const stored of [undefined, null, 42, 'views', { name: 'x' }]) assert.deepEqual(readSavedViews(stored), []);
  });

  test('corrupted entries are skipped and the rest kept; unknown values fall back', () => {
    const stored = [
      null,
      'Open web handoffs',
      { name: 42, filter: {}, grouping: 'status' },
      { name: '   ', filter: {} },
      { name: 'x'.repeat(MAX_NAME_LENGTH + 1) },
      { name: ' Kept  one ', filter: { statuses: ['open', 'snoozed'], channels: 'web', handedOff: 'yes', created: { preset: '2y' } }, grouping: 'team', extra: true },
      { name: 'kept ONE', filter: webHandoffs, grouping: 'status' },
      { name: 'No filter at all' },
    ];
    assert.deepEqual(JSON.parse(JSON.stringify(readSavedViews(stored))), [
      { name: 'Kept one', filter: { statuses: ['open'], channels: [] }, grouping: 'status/channel' },
      { name: 'No filter at all', filter: { statuses: [], channels: [] }, grouping: 'status/channel' },
    ]);
  });

  test('a list longer than the limit is cut, so synced state stays small', () => {
    const stored = Array.from({ length: MAX_SAVED_VIEWS + 5 }, (_, index) => ({ name: `view ${index}`, filter: {}, grouping: 'none' }));
    assert.equal(readSavedViews(stored).length, MAX_SAVED_VIEWS);
  });
});

suite('saved views: the view title', () => {
  test('no saved view: the filter summary, or nothing', () => {
    assert.deepEqual(viewTitle(undefined, NO_FILTER, 'status/channel'), {});
    assert.deepEqual(viewTitle(undefined, webHandoffs, 'status'), { description: 'open · web · handed off', message: 'Filtered: open · web · handed off' });
  });

  test('the active view by name while the filter and grouping are what it saved', () => {
    assert.deepEqual(viewTitle(handoffsView, { channels: ['web'], statuses: ['open'], handedOff: true }, 'status'), {
      description: 'Open web handoffs',
      message: 'View: Open web handoffs · Filtered: open · web · handed off',
    });
    assert.deepEqual(viewTitle({ ...handoffsView, filter: NO_FILTER }, NO_FILTER, 'status'), { description: 'Open web handoffs', message: 'View: Open web handoffs' });
  });

  test('"(modified)" once the filter or the grouping changed from the saved one', () => {
    assert.equal(viewTitle(handoffsView, { ...webHandoffs, handedOff: false }, 'status').description, 'Open web handoffs (modified)');
    assert.equal(viewTitle(handoffsView, webHandoffs, 'channel').description, 'Open web handoffs (modified)');
    assert.deepEqual(viewTitle(handoffsView, NO_FILTER, 'status'), { description: 'Open web handoffs (modified)', message: 'View: Open web handoffs (modified)' });
  });

  test('the same selections picked in another order are no change', () => {
    const two: SavedView = { ...handoffsView, filter: { statuses: ['open', 'closed_resolved'], channels: ['web', 'email'] } };
    assert.equal(viewTitle(two, { statuses: ['closed_resolved', 'open'], channels: ['email', 'web'], handedOff: undefined }, 'status').description, 'Open web handoffs');
  });

  test("the active account's name leads the message; the description stays the saved view's", () => {
    assert.deepEqual(viewTitle(undefined, NO_FILTER, 'status/channel', 'Production'), { message: 'Account: Production' });
    assert.deepEqual(viewTitle(handoffsView, webHandoffs, 'status', 'Production'), {
      description: 'Open web handoffs',
      message: 'Account: Production · View: Open web handoffs · Filtered: open · web · handed off',
    });
  });
});
