// The API client against the local stand-in: what it asks for (filters, cursors, a base URL's
// path), what it gives back (every session and event, their JSON as sent, unknown fields kept),
// and the request log.
import * as assert from 'node:assert/strict';
import type { OpenCxClient, RequestLogEntry } from '../../src/api/client';
import type { Session } from '../../src/api/schemas';
import type { SessionQuery } from '../../src/api/sessionQuery';
import { exactJsonOf } from '../../src/api/exactJson';
import type { StandIn } from '../server/server';
import { rejectsWith, useClientStandIn } from './clientHarness';

async function listAll(client: OpenCxClient, query: SessionQuery): Promise<Session[]> {
  const sessions: Session[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listSessions(query, cursor);
    sessions.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return sessions;
}

suite('API client against the local stand-in: requests and what comes back', function () {
  this.timeout(20_000);
  let standIn: StandIn;
  const client = useClientStandIn((started) => (standIn = started));

  test('every filter reaches the server as its documented query parameter', async () => {
    const query: SessionQuery = {
      status: 'closed_resolved',
      channel: 'email',
      handedOff: true,
      createdAfter: '2026-08-01T00:00:00Z',
      createdBefore: '2026-11-01T00:00:00Z',
      updatedAfter: '2026-08-02T00:00:00Z',
      updatedBefore: '2026-11-02T00:00:00Z',
    };
    const page = await client().listSessions(query);
    assert.deepEqual(standIn.requests.map((request) => request.query), [
      {
        status: 'closed_resolved',
        channel_type: 'email',
        handed_off: 'true',
        created_after: '2026-08-01T00:00:00Z',
        created_before: '2026-11-01T00:00:00Z',
        updated_after: '2026-08-02T00:00:00Z',
        updated_before: '2026-11-02T00:00:00Z',
      },
    ]);
    assert.ok(page.items.length > 0, 'the filtered list is not empty');
    for (const session of page.items) {
      assert.equal(session.status, 'closed_resolved');
      assert.equal(session.channel.type, 'email');
      assert.notEqual(session.handoff, undefined);
    }
  });

  test('paging to the end returns exactly the matching sessions, in order, with no duplicates or gaps', async () => {
    const expected = standIn.matching({ status: 'open' }).map((session) => session.id);
    assert.ok(expected.length > 100, 'several pages');
    const ids = (await listAll(client(), { status: 'open' })).map((session) => session.id);
    assert.deepEqual(ids, expected);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(standIn.requests.length, Math.ceil(expected.length / 25));
    assert.equal(standIn.requests.filter((request) => request.query.cursor).length, Math.ceil(expected.length / 25) - 1);
  });

  test('an empty list is one empty last page', async () => {
    const page = await client().listSessions({ createdAfter: '2030-01-01T00:00:00Z' });
    assert.deepEqual(page, { items: [], next: null, unreadable: 0 });
  });

  test('getSession returns the full object; an unknown id is notFound with the server message', async () => {
    const sent = standIn.sessions[3]!;
    const session = await client().getSession(sent.id);
    assert.deepEqual(session.raw, sent);
    const error = await rejectsWith(client().getSession('00000000-0000-0000-0000-000000000000'), 'notFound');
    assert.equal(error.status, 404);
    assert.match(error.message, /Chat session not found/);
  });

  test('listHistory pages through a session history to the end', async () => {
    const id = standIn.sessions[0]!.id;
    const events = [];
    let cursor: string | undefined;
    do {
      const page = await client().listHistory(id, cursor);
      events.push(...page.items);
      cursor = page.next ?? undefined;
    } while (cursor);
    assert.ok(events.length >= 3);
    assert.equal(new Set(events.map((event) => event.id)).size, events.length);
    assert.ok(events.every((event) => typeof event.event?.content?.text === 'string'));
  });

  test('sessions and history events come with their JSON exactly as sent: big integers, key order, repeated keys', async () => {
    const id = standIn.sessions[0]!.id;
    const session = `{"id":"${id}","status":"open","channel":{"type":"web"},"ticket_number":9007199254740993,"custom_data":{"b":1,"2":2,"a":3},"tag":"x","tag":"y"}`;
    const sessionPretty =
      `{\n  "id": "${id}",\n  "status": "open",\n  "channel": {\n    "type": "web"\n  },\n  "ticket_number": 9007199254740993,\n` +
      '  "custom_data": {\n    "b": 1,\n    "2": 2,\n    "a": 3\n  },\n  "tag": "x",\n  "tag": "y"\n}';

    standIn.setFaults({ bodyText: `{"items":[${session}],"next":null}`, times: 1 });
    const [listed] = (await client().listSessions({})).items;
    assert.equal(listed!.ticket_number, 9007199254740992, 'JSON.parse rounds it');
    assert.equal(exactJsonOf(listed!).pretty, sessionPretty);
    assert.equal(exactJsonOf(listed!).duplicateKeys, 1);

    standIn.setFaults({ bodyText: session, times: 1 });
    assert.equal(exactJsonOf(await client().getSession(id)).pretty, sessionPretty);

    standIn.setFaults({ bodyText: '{"next":null,"items":[{"id":18446744073709551617,"event":{"type":"message","10":1,"9":2}}]}', times: 1 });
    const [event] = (await client().listHistory(id)).items;
    assert.equal(exactJsonOf(event!).pretty, '{\n  "id": 18446744073709551617,\n  "event": {\n    "type": "message",\n    "10": 1,\n    "9": 2\n  }\n}');
  });

  test('schema drift keeps every session and every unknown field', async () => {
    standIn.setFaults({ drift: true });
    const page = await client().listSessions({});
    const expected = standIn.matching({}).slice(0, 25);
    assert.deepEqual(page.items.map((session) => session.id), expected.map((session) => session.id));
    const first = page.items[0]!;
    assert.equal(first.sentiment, 'confused');
    assert.equal(first.contact, null);
    assert.equal(first.ticket_number, null);
    assert.equal(first.assignee_id, null);
    assert.deepEqual(first.raw.ticketing_system, { name: 'servicenow', external_id: 42, id_type: null });
    assert.equal(first.raw.priority, 'p1');
    assert.deepEqual(first.raw.tags, ['vip', 'beta']);
  });

  test('every attempt is logged with method, path, status and time, never the token', async () => {
    const entries: RequestLogEntry[] = [];
    standIn.setFaults({ status: 502, times: 1 });
    await client({ onRequest: (entry) => entries.push(entry) }).listSessions({ channel: 'sms' });
    assert.deepEqual(entries.map((entry) => [entry.method, entry.path, entry.status]), [
      ['GET', '/chat/sessions?channel_type=sms', 502],
      ['GET', '/chat/sessions?channel_type=sms', 200],
    ]);
    assert.ok(entries.every((entry) => entry.ms >= 0));
    assert.ok(!JSON.stringify(entries).includes(standIn.token));
  });

  test('a base URL with a path prefix is honoured', async () => {
    const error = await rejectsWith(client({ baseUrl: `${standIn.url}/v2/` }).listSessions({}), 'notFound');
    assert.equal(standIn.requests[0]!.path, '/v2/chat/sessions');
    assert.equal(error.status, 404);
  });
});
