import * as assert from 'node:assert/strict';
import type { SearchResult } from '../../src/api/searchResults';
import { RemoteSearch, type RemoteSearchState } from '../../src/model/search/remoteSearch';

const result = (query: string): SearchResult => ({ contacts: [], messages: [{ id: query, session_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', message: query, type: 'message', raw: {} }], unreadable: 0 });

/** A search whose answers the test releases, and a clock the test moves. */
function harness() {
  const calls: { query: string; signal: AbortSignal; answer: (value: SearchResult | Error) => void }[] = [];
  const timers: { callback: () => void; due: number }[] = [];
  let now = 0;
  const states: RemoteSearchState[] = [];
  const search = new RemoteSearch(
    {
      search: (query, signal) =>
        new Promise<SearchResult>((resolve, reject) => calls.push({ query, signal, answer: (value) => (value instanceof Error ? reject(value) : resolve(value)) })),
      setTimer: (callback, ms) => {
        const timer = { callback, due: now + ms };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
    },
    (state) => states.push(state),
  );
  const advance = (ms: number) => {
    now += ms;
    for (const timer of [...timers].filter((timer) => timer.due <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.callback();
    }
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { search, calls, states, advance, settle };
}

suite('server search while typing', () => {
  test('one request per pause in typing, none for a single character', () => {
    const { search, calls, advance } = harness();
    search.type('r');
    advance(1000);
    assert.equal(calls.length, 0, 'one character: loaded sessions only');
    for (const text of ['re', 'ref', 'refu', 'refund']) {
      search.type(text);
      advance(100);
    }
    assert.equal(calls.length, 0, 'still typing');
    assert.equal(search.state.busy, true, 'the box shows it is busy meanwhile');
    advance(300);
    assert.deepEqual(calls.map((call) => call.query), ['refund']);
  });

  test('a newer query aborts the older request, and the older answer never replaces the newer one', async () => {
    const { search, calls, advance, settle } = harness();
    search.type('refund');
    advance(300);
    search.type('refunds');
    assert.equal(calls[0]!.signal.aborted, true, 'the older request is aborted');
    advance(300);
    calls[1]!.answer(result('refunds'));
    calls[0]!.answer(result('refund'));
    await settle();
    assert.equal(search.state.query, 'refunds');
    assert.equal(search.state.result?.messages[0]?.message, 'refunds');
    assert.equal(search.state.busy, false);
  });

  test('an error is kept for its query, and retry asks again at once', async () => {
    const { search, calls, advance, settle } = harness();
    search.type('crash');
    advance(300);
    calls[0]!.answer(new Error('offline'));
    await settle();
    assert.equal((search.state.error as Error).message, 'offline');
    search.retry();
    assert.equal(calls.length, 2);
    assert.equal(search.state.busy, true);
    calls[1]!.answer(result('crash'));
    await settle();
    assert.equal(search.state.error, undefined);
    assert.equal(search.state.result?.messages.length, 1);
  });

  test('text filled in is not sent, not even after the pause, until the user sends it or types', () => {
    const { search, calls, advance } = harness();
    search.fill('  refund ');
    advance(1000);
    search.type('refund');
    advance(1000);
    assert.equal(calls.length, 0, 'the same text coming back from the box is no typing');
    assert.deepEqual(search.state, { query: 'refund', busy: false, unsent: true });
    search.send('refund');
    assert.deepEqual(calls.map((call) => call.query), ['refund'], 'at once, without the pause');
    assert.equal(search.state.busy, true);
    assert.equal(search.state.unsent, undefined);
  });

  test('typing over filled-in text searches as typing does', () => {
    const { search, calls, advance } = harness();
    search.fill('refund');
    search.type('refunds');
    advance(300);
    assert.deepEqual(calls.map((call) => call.query), ['refunds']);
  });

  test('filled-in text too short to search is not offered for sending', () => {
    const { search, calls } = harness();
    search.fill('r');
    search.send('r');
    assert.equal(calls.length, 0);
    assert.equal(search.state.unsent, undefined);
  });

  test('disposed: no request, no further change', () => {
    const { search, calls, advance, states } = harness();
    search.type('refund');
    search.dispose();
    const changes = states.length;
    advance(1000);
    search.type('other');
    assert.equal(calls.length, 0);
    assert.equal(states.length, changes);
  });
});
