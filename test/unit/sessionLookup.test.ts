import * as assert from 'node:assert/strict';
import { ApiError } from '../../src/api/errors';
import type { Session } from '../../src/api/schemas';
import { MAX_LOOKUPS, SessionLookupCache } from '../../src/model/links/sessionLookup';
import { parsedSession, SESSION_ID as ID, sessionIdFor } from '../builders/sessions';

const SESSION = parsedSession();

function cache(answer: (id: string, signal: AbortSignal) => Promise<Session>) {
  let now = 0;
  const calls: string[] = [];
  const lookups = new SessionLookupCache(
    (id, signal) => {
      calls.push(id);
      return answer(id, signal);
    },
    () => now,
    60_000,
  );
  return { lookups, calls, advance: (ms: number) => (now += ms) };
}

suite('session look-ups for hovers', () => {
  test('one request for an id, shared while it runs, then kept while fresh, asked again when stale', async () => {
    const { lookups, calls, advance } = cache(async () => SESSION);
    const [first, second] = await Promise.all([lookups.lookUp(ID), lookups.lookUp(ID)]);
    assert.deepEqual(calls, [ID]);
    assert.equal(first.kind === 'found' && first.session, SESSION);
    assert.equal(second, first);
    advance(59_000);
    assert.equal((await lookups.lookUp(ID)).kind, 'found');
    assert.deepEqual(calls, [ID], 'fresh: no request');
    advance(2_000);
    await lookups.lookUp(ID);
    assert.deepEqual(calls, [ID, ID], 'stale: asked again');
  });

  test('at most MAX_LOOKUPS answers are kept; the one least recently asked for goes first', async () => {
    const { lookups, calls } = cache(async (id) => parsedSession({ id }));
    const id = (index: number) => sessionIdFor(`lookup-${index}`);
    for (let index = 0; index < MAX_LOOKUPS; index++) await lookups.lookUp(id(index));
    assert.ok(lookups.known(id(0)), 'asked for again: now the most recent');
    await lookups.lookUp(id(MAX_LOOKUPS));
    assert.equal(lookups.known(id(1)), undefined, 'the least recent went');
    assert.ok(lookups.known(id(0)) && lookups.known(id(2)) && lookups.known(id(MAX_LOOKUPS)));
    await lookups.lookUp(id(1));
    assert.equal(calls.length, MAX_LOOKUPS + 2, 'a forgotten id is asked again');
    assert.ok(MAX_LOOKUPS >= 100 && MAX_LOOKUPS <= 1000, 'a few hundred');
  });

  test('"not found" is kept; other failures and aborts are not', async () => {
    let fail: unknown = new ApiError('notFound', 'no');
    const { lookups, calls } = cache(async () => {
      throw fail;
    });
    assert.equal((await lookups.lookUp(ID)).kind, 'notFound');
    assert.equal((await lookups.lookUp(ID)).kind, 'notFound');
    assert.equal(calls.length, 1);
    lookups.clear();
    fail = new ApiError('timeout', 'slow');
    assert.equal((await lookups.lookUp(ID)).kind, 'failed');
    assert.equal((await lookups.lookUp(ID)).kind, 'failed');
    assert.equal(calls.length, 3, 'each failure asked again');
  });

  test('the hover\'s signal aborts the request; the next hover asks again', async () => {
    const { lookups, calls } = cache(
      (_id, signal) => new Promise<Session>((_resolve, reject) => signal.addEventListener('abort', () => reject(new ApiError('cancelled', 'gone')))),
    );
    const controller = new AbortController();
    const pending = lookups.lookUp(ID, controller.signal);
    controller.abort();
    assert.equal((await pending).kind, 'failed');
    assert.equal(lookups.known(ID), undefined);
    void lookups.lookUp(ID);
    assert.equal(calls.length, 2);
  });
});
