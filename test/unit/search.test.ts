import * as assert from 'node:assert/strict';
import { OpenCxClient } from '../../src/api/client';
import { ApiError } from '../../src/api/errors';
import { parseSearchResult } from '../../src/api/searchResults';
import { SchemaError } from '../../src/api/schemas';
import { startStandIn, type StandIn } from '../server/server';

const SESSION = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

suite('search: GET /chat/sessions/search', function () {
  this.timeout(20_000);
  let standIn: StandIn;
  const client = () => new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 0 });

  suiteSetup(async () => {
    standIn = await startStandIn({ count: 200, seed: 9, rateLimit: 0 });
  });
  suiteTeardown(() => standIn.close());
  setup(() => standIn.reset());

  test('the query reaches the server as q, encoded; contact and message hits come back', async () => {
    const result = await client().searchSessions('refund & more?');
    assert.deepEqual(standIn.requests.map((request) => [request.path, request.query]), [['/chat/sessions/search', { q: 'refund & more?' }]]);
    assert.deepEqual(result, { contacts: [], messages: [], unreadable: 0 });
    const refund = await client().searchSessions('Refund');
    assert.ok(refund.messages.length > 0);
    for (const hit of refund.messages) {
      assert.match(hit.message!, /refund/i);
      assert.equal(typeof hit.session_id, 'string');
      assert.deepEqual(Object.keys(hit.raw).sort(), ['id', 'message', 'session_id', 'type']);
    }
  });

  test('a message hit whose session_id is not a session id (a UUID) cannot be opened: it is counted as unreadable', () => {
    const notIds = ['s1', '[Open](command:workbench.action.openSettings)', `${SESSION} [x](https://evil.example)`, 7];
    const result = parseSearchResult({ contacts: [], messages: [SESSION, ...notIds].map((session_id, id) => ({ id, session_id, message: 'refund', type: 'message' })) });
    assert.deepEqual(result.messages.map((hit) => hit.session_id), [SESSION]);
    assert.equal(result.unreadable, notIds.length);
  });

  test('an empty query is the server\'s 400, with its message', async () => {
    const error = await client().searchSessions('').catch((caught: unknown) => caught);
    assert.ok(error instanceof ApiError && error.kind === 'badRequest', String(error));
    assert.match(error.message, /q should not be empty/);
  });

  test('odd hits are counted, not fatal; missing lists are an unreadable response', () => {
    const result = parseSearchResult({
      contacts: [{ id: 'c1', name: null, email: 'a@b.c', phone: 7, extra: true }, 'junk'],
      messages: [{ id: 1, session_id: SESSION, message: 'hi', type: 'message' }, { id: 2, message: 'no session' }, null],
    });
    assert.equal(result.contacts.length, 1);
    assert.equal(result.contacts[0]!.phone, null, 'a wrong type degrades to null');
    assert.deepEqual(result.messages.map((hit) => hit.session_id), [SESSION]);
    assert.equal(result.unreadable, 3);
    assert.throws(() => parseSearchResult({ contacts: [] }), (error: unknown) => error instanceof SchemaError && /'messages' is missing/.test(error.message));
    assert.throws(() => parseSearchResult({ contacts: {}, messages: [] }), (error: unknown) => error instanceof SchemaError && /'contacts' is an object, expected an array/.test(error.message));
  });
});
