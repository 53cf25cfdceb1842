// What the log keeps of a request: its path, parameter names and the values of the filters the user
// chose, never search text, contact details or cursors (their sizes only).
import * as assert from 'node:assert/strict';
import type { RequestLogEntry } from '../../src/api/client';
import type { StandIn } from '../server/server';
import { useClientStandIn } from './clientHarness';

suite('the request log', function () {
  this.timeout(20_000);
  let standIn: StandIn;
  const client = useClientStandIn((started) => (standIn = started));
  const logged: RequestLogEntry[] = [];
  setup(() => (logged.length = 0));
  const logging = () => client({ onRequest: (entry) => logged.push(entry) });

  test('a search logs the size of its text, not the text', async () => {
    const email = 'mallory@example.com';
    await logging().searchSessions(email);
    await logging().searchSessions('my order never arrived');
    assert.deepEqual(logged.map((entry) => entry.path), ['/chat/sessions/search?q=(19 characters)', '/chat/sessions/search?q=(22 characters)']);
    assert.ok(!JSON.stringify(logged).includes('mallory'));
  });

  test('a list logs the filters the user chose as they are, and a cursor by its size', async () => {
    await logging().listSessions({ status: 'open', channel: 'web', createdAfter: '2026-10-01T00:00:00Z' });
    const first = await logging().listSessions({ status: 'open' });
    assert.ok(first.next, 'the stand-in has a second page');
    await logging().listSessions({ status: 'open' }, first.next);
    assert.equal(logged[0]!.path, '/chat/sessions?status=open&channel_type=web&created_after=2026-10-01T00%3A00%3A00Z');
    assert.equal(logged[2]!.path, `/chat/sessions?status=open&cursor=(${first.next.length} characters)`);
  });

  test('a session and its history are logged by path: an id is no personal detail', async () => {
    const id = standIn.matching({})[0]!.id;
    await logging().listHistory(id);
    assert.deepEqual(logged.map((entry) => entry.path), [`/chat/sessions/${id}/history`]);
  });
});
