import * as assert from 'node:assert/strict';
import type { Session } from '../../src/api/schemas';
import { matchesQuery, mergeFirstPages, type LoadedSession } from '../../src/model/watching/firstPageMerge';
import { parsedSession, sessionIdFor } from '../builders/sessions';

/** The sessions' names by their ids. */
const NAMES = new Map([...'abcdefghijklmnopqrstuvwxyz'].map((name) => [sessionIdFor(name), name]));
const nameOf = (id: string) => NAMES.get(id) ?? id;

/** Sessions "a", "b", … as the server sends them; `version` changes their update time. */
const session = (name: string, fields: Record<string, unknown> = {}): Session =>
  parsedSession({ id: sessionIdFor(name), created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', ...fields });
const loaded = (names: string, stream = 0): LoadedSession[] => [...names].map((name) => ({ session: session(name), stream }));
/** The sessions' names, in order. */
const ids = (sessions: readonly { session: Session }[] | readonly Session[] | readonly string[]) =>
  sessions.map((entry) => nameOf(typeof entry === 'string' ? entry : 'session' in entry ? entry.session.id : entry.id)).join('');

suite('merging a first page read again into a group', () => {
  test('new sessions go on top in the page order; the group keeps as many as were loaded, the oldest go back behind "Load more"', () => {
    // Loaded: the first page a–e and a second page f–j; two sessions arrived. The stream's cursor
    // stood after ten sessions, and stands after ten still: after h now.
    const outcome = mergeFirstPages(loaded('abcdefghij'), [{ stream: 0, items: [...'yzabc'].map((name) => session(name)), next: 'cursor' }]);
    assert.equal(ids(outcome.sessions), 'yzabcdefgh');
    assert.equal(ids(outcome.added), 'yz');
    assert.equal(ids(outcome.trimmed), 'ij');
    assert.equal(ids(outcome.removed), '');
    assert.deepEqual(outcome.restarted, []);
  });

  test('several streams: each keeps as many as it had loaded', () => {
    const newer = session('n', { updated_at: '2026-03-01T00:00:00Z' });
    const outcome = mergeFirstPages(
      [...loaded('ab', 0), ...loaded('cd', 1)],
      [
        { stream: 0, items: [newer, session('a'), session('b')], next: 'cursor-0' },
        { stream: 1, items: [session('c'), session('d')], next: 'cursor-1' },
      ],
    );
    assert.equal(ids(outcome.sessions), 'nacd');
    assert.equal(ids(outcome.trimmed), 'b');
  });

  test('a stream loaded to its end that grows starts again from its fresh page, whose cursor leads on', () => {
    // Pages of 3, all six loaded (no cursor left); one arrived, so more than a page follows.
    const grown = mergeFirstPages(loaded('abcdef'), [{ stream: 0, items: [...'xab'].map((name) => session(name)), next: 'cursor-2' }], new Set([0]));
    assert.equal(ids(grown.sessions), 'xab');
    assert.equal(ids(grown.trimmed), 'cdef');
    assert.deepEqual(grown.restarted, [0]);
    // Nothing arrived: the rows stay, at their end.
    const same = mergeFirstPages(loaded('abcdef'), [{ stream: 0, items: [...'abc'].map((name) => session(name)), next: 'cursor-2' }], new Set([0]));
    assert.equal(ids(same.sessions), 'abcdef');
    assert.deepEqual(same.restarted, []);
    // The whole list on its first page: nothing lies beyond it.
    const short = mergeFirstPages(loaded('abc'), [{ stream: 0, items: [...'xabc'].map((name) => session(name)), next: null }], new Set([0]));
    assert.equal(ids(short.sessions), 'xabc');
    assert.equal(ids(short.trimmed), '');
  });

  test('a changed session is updated where it stands', () => {
    const changed = session('c', { updated_at: '2026-01-02T00:00:00Z', contact: { name: 'Renamed' } });
    const outcome = mergeFirstPages(loaded('abcde'), [{ stream: 0, items: [session('a'), session('b'), changed, session('d'), session('e')], next: null }]);
    assert.equal(ids(outcome.sessions), 'abcde');
    assert.equal(outcome.sessions[2]!.session, changed);
    assert.equal(ids(outcome.updated), 'c');
    assert.equal(ids(outcome.added), '');
  });

  test('a session missing before the last one the page still holds has left the group (moved or deleted)', () => {
    const outcome = mergeFirstPages(loaded('abcdefgh'), [{ stream: 0, items: [...'abdef'].map((name) => session(name)), next: 'cursor' }]);
    assert.equal(ids(outcome.sessions), 'abdefgh', 'c left; g and h, beyond the page, stay');
    assert.equal(ids(outcome.removed), 'c');
  });

  test('a first page that overlaps the loaded second page: sessions pushed down are not repeated', () => {
    // Pages of 3: loaded a b c | d e f; three arrived, so the first page is x y z and the old first
    // page moved whole to page two. The fresh page holds no loaded session: a gap is possible.
    const gap = mergeFirstPages(loaded('abcdef'), [{ stream: 0, items: [...'xyz'].map((name) => session(name)), next: 'cursor-2' }]);
    assert.deepEqual(gap.restarted, [0], 'what lies between is unknown: the group starts from the fresh page');
    assert.equal(ids(gap.sessions), 'xyz');
    // Two arrived: x y a; a is kept once, b c d e f stay below.
    const overlap = mergeFirstPages(loaded('abcdef'), [{ stream: 0, items: [...'xya'].map((name) => session(name)), next: 'cursor-2' }]);
    assert.equal(ids(overlap.sessions), 'xyabcd', 'as many as were loaded');
    assert.deepEqual(overlap.restarted, []);
  });

  test('the last page of a short list: everything it lacks is gone', () => {
    const outcome = mergeFirstPages(loaded('abc'), [{ stream: 0, items: [session('n'), session('c')], next: null }]);
    assert.equal(ids(outcome.sessions), 'nc');
    assert.equal([...ids(outcome.removed)].sort().join(''), 'ab');
  });

  test('several streams: each judged by its own page; new ones newest first across streams', () => {
    const rows = [...loaded('ab', 0), ...loaded('cd', 1)];
    const newer = session('n', { updated_at: '2026-03-01T00:00:00Z' });
    const older = session('o', { updated_at: '2026-02-01T00:00:00Z' });
    const outcome = mergeFirstPages(rows, [
      { stream: 0, items: [older, session('b')], next: null },
      { stream: 1, items: [newer, session('c'), session('d')], next: null },
    ]);
    assert.equal(ids(outcome.sessions), 'nobcd');
    assert.equal(ids(outcome.removed), 'a');
  });

  test('a session belongs to a query by status, channel and handoff', () => {
    const handedOff = session('h', { status: 'open', channel: { type: 'email' }, handoff: { summary: 'x' } });
    assert.ok(matchesQuery({ status: 'open', channel: 'email', handedOff: true }, handedOff));
    assert.ok(!matchesQuery({ status: 'closed_resolved' }, handedOff));
    assert.ok(!matchesQuery({ channel: 'web' }, handedOff));
    assert.ok(!matchesQuery({ handedOff: false }, handedOff));
  });
});
