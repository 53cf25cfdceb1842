import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { RequestBudget } from '../../src/api/budget';
import { checkBaseUrl } from '../../src/api/baseUrl';
import { BACKGROUND_SHARE_SPENT, OpenCxClient, type ClientOptions, type RequestLogEntry } from '../../src/api/client';
import { ApiError, type ApiErrorKind } from '../../src/api/errors';
import { MAX_RESPONSE_BYTES } from '../../src/api/responseLimit';
import { parseRetryAfter, RETRY_WAIT_CEILING_MS, RETRY_WAIT_FLOOR_MS, UNKNOWN_RETRY_WAIT_MS } from '../../src/api/retryAfter';
import type { SessionQuery } from '../../src/api/sessionQuery';
import type { Session } from '../../src/api/schemas';
import { exactJsonOf } from '../../src/api/exactJson';
import type { Json } from '../server/data';
import { OVERSIZED_BODY_BYTES, startStandIn, type StandIn } from '../server/server';

async function rejectsWith(promise: Promise<unknown>, kind: ApiErrorKind): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    return error;
  }
  assert.fail(`expected a ${kind} error`);
}

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

suite('API client against the local stand-in', function () {
  this.timeout(20_000);
  let standIn: StandIn;
  const anchor = new Date('2026-11-01T12:00:00Z');
  const client = (options: Partial<ClientOptions> = {}) =>
    new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 2, timeoutMs: 2_000, ...options });

  suiteSetup(async () => {
    standIn = await startStandIn({ count: 600, seed: 7, anchor, pageSize: 25, rateLimit: 0 });
  });
  suiteTeardown(() => standIn.close());
  setup(() => standIn.reset());

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
    assert.ok(page.items.length > 0, 'the filtered slice is not empty');
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

  test('an empty slice is one empty last page', async () => {
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

  test('a wrong token is unauthorized, with the server message and without the token', async () => {
    const token = 'sk-live-this-must-never-leak';
    const error = await rejectsWith(client({ token }).listSessions({}), 'unauthorized');
    assert.equal(error.status, 401);
    assert.match(error.message, /Invalid API key/);
    assert.ok(!error.message.includes(token));
    assert.ok(!JSON.stringify({ ...error, message: error.message }).includes(token));
  });

  test('a server that echoes the token back does not get it into the message', async () => {
    standIn.setFaults({ status: 400, message: `bad key ${standIn.token}` });
    const error = await rejectsWith(client().listSessions({}), 'badRequest');
    assert.ok(!error.message.includes(standIn.token), error.message);
    assert.match(error.message, /«token»/);
  });

  test('403 is forbidden', async () => {
    standIn.setFaults({ status: 403, message: 'Insufficient scope' });
    const error = await rejectsWith(client().listSessions({}), 'forbidden');
    assert.match(error.message, /needs the chat-sessions:read scope \(403: Insufficient scope\)/, 'names the scope the key lacks');
  });

  test('an invalid filter value is a badRequest carrying the server explanation', async () => {
    const error = await rejectsWith(client().listSessions({ status: 'pending' as never }), 'badRequest');
    assert.match(error.message, /status must be one of/);
  });

  test('5xx is retried with backoff, then succeeds', async () => {
    standIn.setFaults({ status: 503, times: 2 });
    const page = await client().listSessions({});
    assert.equal(page.items.length, 25);
    assert.deepEqual(standIn.requests.map((request) => request.status), [503, 503, 200]);
    const gap = standIn.requests[2]!.time - standIn.requests[1]!.time;
    assert.ok(gap >= 500, `second retry waited longer (${gap} ms)`);
  });

  test('5xx that persists is a server error after the retry limit', async () => {
    for (const status of [500, 502, 504]) {
      standIn.reset();
      standIn.setFaults({ status });
      const error = await rejectsWith(client({ retryLimit: 1 }).listSessions({}), 'server');
      assert.equal(error.status, status);
      assert.equal(standIn.requests.length, 2, `${status} retried once`);
    }
  });

  test('429 honours Retry-After: the retry is never sooner', async () => {
    standIn.setFaults({ status: 429, retryAfterSeconds: 1, times: 1 });
    const page = await client().listSessions({});
    assert.equal(page.items.length, 25);
    const [limited, retried] = standIn.requests;
    assert.equal(limited!.status, 429);
    assert.ok(retried!.time - limited!.time >= 1000, `waited ${retried!.time - limited!.time} ms`);
  });

  test('a Retry-After longer than the client will wait is rateLimited with the wait', async () => {
    standIn.setFaults({ status: 429, retryAfterSeconds: 42 });
    const error = await rejectsWith(client({ maxRetryWaitMs: 5_000 }).listSessions({}), 'rateLimited');
    assert.equal(error.retryAfterMs, 42_000);
    assert.match(error.message, /42 s/);
    assert.equal(standIn.requests.length, 1, 'not retried sooner than asked');
  });

  test('the stand-in rate limit is met with the client budget instead of 429s', async () => {
    const limited = await startStandIn({ count: 100, rateLimit: 5, rateWindowMs: 1_000, pageSize: 1 });
    try {
      const budget = new RequestBudget(5, 1_000);
      const limitedClient = new OpenCxClient({ baseUrl: limited.url, token: limited.token, budget, retryLimit: 0 });
      await Promise.all(Array.from({ length: 12 }, () => limitedClient.listSessions({})));
      assert.equal(limited.requests.length, 12);
      assert.ok(limited.requests.every((request) => request.status === 200), 'no request hit the server limit');
    } finally {
      await limited.close();
    }
  });

  test('a wait for the client budget does not count against the request timeout', async () => {
    // Two requests fill a 400 ms window; the third waits ≈400 ms for a slot, longer than the
    // 250 ms an attempt may take, and must still be sent and answered.
    const budget = new RequestBudget(2, 400);
    const patient = client({ budget, timeoutMs: 250, retryLimit: 0 });
    await patient.listSessions({});
    await patient.listSessions({});
    const started = Date.now();
    const page = await patient.listSessions({});
    assert.equal(page.items.length, 25);
    assert.ok(Date.now() - started >= 300, `answered after ${Date.now() - started} ms: the budget did not hold it back`);
    assert.equal(standIn.requests.length, 3);
  });

  test('a budget wait longer than the client will wait is rateLimited at once, and nothing is sent', async () => {
    const budget = new RequestBudget(2, 40_000);
    const patient = client({ budget, timeoutMs: 250, maxRetryWaitMs: 5_000 });
    await patient.listSessions({});
    await patient.listSessions({});
    const started = Date.now();
    const error = await rejectsWith(patient.listSessions({}), 'rateLimited');
    assert.ok(Date.now() - started < 200, `failed after ${Date.now() - started} ms instead of at once`);
    assert.ok(error.retryAfterMs! > 39_000 && error.retryAfterMs! <= 40_000, `retry after ${error.retryAfterMs} ms`);
    assert.match(error.message, /100 requests a minute/);
    assert.match(error.message, /40 s/);
    assert.equal(standIn.requests.length, 2, 'the third request was not sent');
  });

  test('a retry that finds the budget spent is rateLimited instead of waiting inside the attempt', async () => {
    // The first attempt takes the last slot and meets a 503; its retry would have to wait 40 s.
    const budget = new RequestBudget(1, 40_000);
    standIn.setFaults({ status: 503, times: 1 });
    const error = await rejectsWith(client({ budget, timeoutMs: 250, retryLimit: 2 }).listSessions({}), 'rateLimited');
    assert.ok(error.retryAfterMs! > 39_000, `retry after ${error.retryAfterMs} ms`);
    assert.equal(standIn.requests.length, 1, 'the retry was not sent');
  });

  test('a background request is not retried: one attempt meets a 429 or a 503, and the error says how long to wait', async () => {
    standIn.setFaults({ status: 429, retryAfterSeconds: 1 });
    const limited = await rejectsWith(client({ retryLimit: 3 }).listSessions({}, undefined, undefined, { background: true }), 'rateLimited');
    assert.ok(limited.retryAfterMs! >= 1_000, `waits ${limited.retryAfterMs} ms`);
    standIn.setFaults({ status: 503 });
    await rejectsWith(client({ retryLimit: 3 }).listSessions({}, undefined, undefined, { background: true }), 'server');
    assert.deepEqual(standIn.requests.map((request) => request.status), [429, 503]);
  });

  test('a background request takes a slot of the background share, or fails at once without sending', async () => {
    const budget = new RequestBudget(6, 60_000);
    const watching = client({ budget });
    await watching.listSessions({}, undefined, undefined, { background: true });
    await watching.listSessions({}, undefined, undefined, { background: true });
    assert.equal(budget.backgroundInWindow, 2);
    const error = await rejectsWith(watching.listSessions({}, undefined, undefined, { background: true }), 'rateLimited');
    assert.equal(error.code, BACKGROUND_SHARE_SPENT);
    assert.equal(standIn.requests.length, 2);
    await watching.listSessions({});
    assert.equal(standIn.requests.length, 3, 'a user request still goes');
  });

  test('a server that never answers is a timeout', async () => {
    standIn.setFaults({ hang: true });
    const started = Date.now();
    const error = await rejectsWith(client({ timeoutMs: 300, retryLimit: 0 }).listSessions({}), 'timeout');
    assert.ok(Date.now() - started < 2_000);
    assert.match(error.message, /did not answer within 1 s/);
  });

  test('aborting the signal cancels a request in flight', async () => {
    standIn.setFaults({ hang: true });
    const controller = new AbortController();
    const pending = client({ timeoutMs: 10_000 }).listSessions({}, undefined, controller.signal);
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    await rejectsWith(pending, 'cancelled');
    assert.ok(Date.now() - started < 1_000);
  });

  test('connection refused is a network error naming the host', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const error = await rejectsWith(client({ baseUrl: `http://127.0.0.1:${port}`, retryLimit: 0 }).listSessions({}), 'network');
    assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}.*ECONNREFUSED`));
  });

  for (const body of ['malformed', 'truncated', 'empty', 'html', 'missingItems'] as const) {
    test(`a ${body} body is invalidResponse, not a crash`, async () => {
      standIn.setFaults({ body });
      const error = await rejectsWith(client().listSessions({}), 'invalidResponse');
      assert.match(error.message, body === 'missingItems' ? /'items' is missing/ : /JSON/);
    });
  }

  test('a body with a comment or a trailing comma (JSONC, not JSON) is invalidResponse like any malformed body', async () => {
    standIn.setFaults({ body: 'malformed' });
    const malformed = (await rejectsWith(client().listSessions({}), 'invalidResponse')).message;
    const id = standIn.sessions[0]!.id;
    const session = `{"id":"${id}","status":"open","channel":{"type":"web"}}`;
    for (const bodyText of [`{"items":[${session}],"next":null} // end`, `{"items":[${session},],"next":null}`, `{"items":[${session}],"next":null,}`]) {
      standIn.setFaults({ bodyText, times: 1 });
      assert.equal((await rejectsWith(client().listSessions({}), 'invalidResponse')).message, malformed, bodyText);
    }
  });

  test('a next cursor that is a number, an object, an array or a boolean is invalidResponse naming it, not a silent last page', async () => {
    const cases: [Json, string][] = [[2, 'a number'], [{ offset: 25 }, 'an object'], [['c2'], 'an array'], [false, 'a boolean']];
    for (const [next, kind] of cases) {
      standIn.setFaults({ next });
      const error = await rejectsWith(client().listSessions({}), 'invalidResponse');
      assert.equal(error.message, `open.cx sent a response this extension cannot read: 'next' is ${kind}, expected a cursor string or null.`);
      const history = await rejectsWith(client().listHistory(standIn.sessions[0]!.id), 'invalidResponse');
      assert.match(history.message, new RegExp(`'next' is ${kind}`));
    }
    standIn.setFaults({ next: '' });
    assert.equal((await client().listSessions({})).next, null, 'an empty cursor still means the last page');
  });

  test('a body larger than 20 MB, announced or not, is invalidResponse, and reading stops at the limit', async () => {
    for (const body of ['oversized', 'oversizedDeclared'] as const) {
      standIn.reset();
      standIn.setFaults({ body });
      const started = Date.now();
      const error = await rejectsWith(client({ timeoutMs: 10_000 }).listSessions({}), 'invalidResponse');
      assert.match(error.message, /^open\.cx sent more than 20 MB for one page/, body);
      assert.equal(standIn.requests.length, 1, `${body}: not retried`);
      // The stand-in writes only as fast as the client reads: what it managed to send is what was read.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const sent = standIn.requests[0]!.sentBytes ?? 0;
      const limit = body === 'oversized' ? MAX_RESPONSE_BYTES + 16 * 1024 * 1024 : 16 * 1024 * 1024;
      assert.ok(sent < limit, `${body}: ${(sent / 1024 / 1024).toFixed(1)} MB of ${OVERSIZED_BODY_BYTES / 1024 / 1024} MB sent before the client stopped`);
      assert.ok(Date.now() - started < 5_000, `${body}: took ${Date.now() - started} ms`);
    }
    // The same stand-in answers normally again.
    standIn.reset();
    assert.equal((await client().listSessions({})).items.length, 25);
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

suite('429 with a Retry-After that asks for no wait, one in the past, junk, or one beyond any timer', function () {
  this.timeout(30_000);
  const PAST = 'Sun, 06 Nov 1994 08:49:37 GMT';
  const cases = [
    { retryAfter: '0', reported: RETRY_WAIT_FLOOR_MS },
    { retryAfter: PAST, reported: RETRY_WAIT_FLOOR_MS },
    { retryAfter: '-1', reported: UNKNOWN_RETRY_WAIT_MS },
    { retryAfter: '1 2', reported: UNKNOWN_RETRY_WAIT_MS },
    { retryAfter: '99999999999', reported: RETRY_WAIT_CEILING_MS },
  ];

  test('one call makes at most retryLimit + 1 requests, spaced at least the floor apart; repeated calls that wait as told stay a handful in 10 s', async () => {
    await Promise.all(
      cases.map(async ({ retryAfter, reported }) => {
        const standIn = await startStandIn({ count: 30, rateLimit: 0 });
        // As the extension builds it: default retries and longest in-call wait.
        const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, timeoutMs: 2_000 });
        const stop = new AbortController();
        try {
          standIn.setFaults({ status: 429, retryAfter });
          const started = Date.now();
          const first = await rejectsWith(client.listSessions({}, undefined, stop.signal), 'rateLimited');
          const elapsed = Date.now() - started;
          const times = standIn.requests.map((request) => request.time);
          assert.ok(times.length <= 4, `${retryAfter}: ${times.length} requests in one call (retry limit 3)`);
          const gaps = times.slice(1).map((time, index) => time - times[index]!);
          assert.ok(gaps.every((gap) => gap >= RETRY_WAIT_FLOOR_MS - 5), `${retryAfter}: retried after ${gaps.join(', ')} ms`);
          if (times.length === 1) assert.ok(elapsed < 500, `${retryAfter}: one request, but the call took ${elapsed} ms`);
          else assert.ok(elapsed >= (times.length - 1) * (RETRY_WAIT_FLOOR_MS - 5), `${retryAfter}: the call took ${elapsed} ms`);
          assert.equal(first.retryAfterMs, reported, retryAfter);
          assert.match(first.message, /Try again in (\d+ s|\d+ min)\.$/);
          assert.doesNotMatch(first.message, /in 0 s|NaN|Infinity|days|undefined/);

          // What the tree does: wait the reported time, then ask again, for 10 s.
          const end = started + 10_000;
          setTimeout(() => stop.abort(), end - Date.now());
          let error = first;
          while (Date.now() < end) {
            await new Promise((resolve) => setTimeout(resolve, Math.min(error.retryAfterMs!, Math.max(0, end - Date.now()))));
            if (Date.now() >= end) break;
            try {
              await client.listSessions({}, undefined, stop.signal);
              assert.fail('the stand-in answers 429 to everything');
            } catch (next) {
              assert.ok(next instanceof ApiError, String(next));
              if (next.kind === 'cancelled') break;
              assert.equal(next.kind, 'rateLimited');
              error = next;
            }
          }
          assert.ok(standIn.requests.length <= 8, `${retryAfter}: the stand-in saw ${standIn.requests.length} requests in 10 s`);
        } finally {
          stop.abort();
          await standIn.close();
        }
      }),
    );
  });

  test('a sane Retry-After is still honoured: waited out inside the call when short, reported at once when long', async () => {
    const standIn = await startStandIn({ count: 30, rateLimit: 0 });
    try {
      standIn.setFaults({ status: 429, retryAfter: '3', times: 1 });
      const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 2, maxRetryWaitMs: 5_000 });
      assert.equal((await client.listSessions({})).items.length, 25);
      const [limited, retried] = standIn.requests;
      assert.ok(retried!.time - limited!.time >= 3_000 - 5, `waited ${retried!.time - limited!.time} ms of 3 s`);

      standIn.reset();
      standIn.setFaults({ status: 429, retryAfter: '240' });
      const error = await rejectsWith(client.listSessions({}), 'rateLimited');
      assert.equal(error.retryAfterMs, 240_000);
      assert.match(error.message, /Try again in 4 min\./);
      assert.equal(standIn.requests.length, 1);
    } finally {
      await standIn.close();
    }
  });
});

suite('base URL and Retry-After parsing', () => {
  test('plain http is refused except to loopback', () => {
    assert.equal(checkBaseUrl('https://api.open.cx').host, 'api.open.cx');
    assert.equal(checkBaseUrl('http://127.0.0.1:4010').port, '4010');
    assert.equal(checkBaseUrl('http://localhost:4010').hostname, 'localhost');
    assert.equal(checkBaseUrl('http://[::1]:4010').hostname, '[::1]');
    assert.throws(() => checkBaseUrl('http://api.open.cx'), (error: unknown) => error instanceof ApiError && error.kind === 'configuration' && /plain http/.test(error.message));
    assert.throws(() => checkBaseUrl('http://127.0.0.1.evil.example'), /plain http/);
    assert.throws(() => checkBaseUrl('not a url'), /not a valid URL/);
    assert.throws(() => checkBaseUrl('ftp://api.open.cx'), /https/);
  });

  test('a query, a fragment or a user name and password in the base URL is refused, saying what to write instead', () => {
    const refused = (baseUrl: string, reason: RegExp, instead: string) =>
      assert.throws(
        () => checkBaseUrl(baseUrl),
        (error: unknown) => {
          assert.ok(error instanceof ApiError, String(error));
          assert.equal(error.kind, 'configuration', baseUrl);
          assert.match(error.message, reason, baseUrl);
          assert.ok(error.message.includes(`Use ${instead} instead.`), `${baseUrl}: ${error.message}`);
          return true;
        },
      );
    refused('https://h/?x=1', /must not contain a query/, 'https://h/');
    refused('https://h?', /must not contain a query/, 'https://h/');
    refused('https://api.open.cx/v2/?region=eu#top', /must not contain a query/, 'https://api.open.cx/v2/');
    refused('https://h/#frag', /must not contain a fragment/, 'https://h/');
    refused('https://h/v2#', /must not contain a fragment/, 'https://h/v2');
    refused('https://u:p@h', /must not contain a user name or password/, 'https://h/');
    refused('https://ocx_live_secret@api.open.cx/', /must not contain a user name or password/, 'https://api.open.cx/');
    refused('http://user:pw@127.0.0.1:4010/', /user name or password/, 'http://127.0.0.1:4010/');
    // What was in those parts may be a secret: it is not repeated.
    for (const baseUrl of ['https://u:hunter2@h', 'https://h/?api_key=hunter2', 'https://h/#hunter2']) {
      assert.throws(() => checkBaseUrl(baseUrl), (error: unknown) => error instanceof ApiError && !error.message.includes('hunter2'));
    }
    assert.equal(checkBaseUrl('https://api.open.cx/v2/').href, 'https://api.open.cx/v2/');
    assert.equal(checkBaseUrl('https://api.open.cx/a%3Fb').pathname, '/a%3Fb');
  });

  test('Retry-After in seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
    const now = Date.parse('2026-11-30T00:00:00Z');
    assert.equal(parseRetryAfter('Mon, 30 Nov 2026 00:00:10 GMT', now), 10_000);
  });
});

suite('errors keep no request behind them', () => {
  test('an ApiError inspected in full (as a logger would) does not contain the token', async () => {
    const standIn = await startStandIn({ count: 10, rateLimit: 0 });
    try {
      const token = 'sk-live-inspect-me-not-0123456789';
      const client = new OpenCxClient({ baseUrl: standIn.url, token, retryLimit: 0, timeoutMs: 300 });
      const unauthorized = await rejectsWith(client.listSessions({}), 'unauthorized');
      standIn.setFaults({ hang: true });
      const timeout = await rejectsWith(new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 0, timeoutMs: 300 }).listSessions({}), 'timeout');
      assert.ok(!inspect(unauthorized, { depth: 10 }).includes(token));
      assert.ok(!inspect(timeout, { depth: 10 }).includes(standIn.token));
    } finally {
      await standIn.close();
    }
  });

  test('a token no HTTP header can carry is a configuration error that names the problem, never a network error', async () => {
    const standIn = await startStandIn({ count: 10, rateLimit: 0 });
    try {
      const secret = 'ocx_live_7f3a9c2e5b1d4f60';
      for (const [token, problem] of [
        [`${secret.slice(0, 11)}\u200b${secret.slice(11)}`, /invisible character \(U\+200B ZERO WIDTH SPACE\) at position 12/],
        [`${secret.slice(0, 9)}\n${secret.slice(9)}`, /line break at position 10/],
        [`${secret}\r\nX-Injected: 1`, /line break/],
        [`${secret}\u00e9`, /not plain ASCII \(U\+00E9\)/],
        [`${secret} ${secret}`, /a space at position/],
        ['\u0000', /control character/],
      ] as const) {
        const error = await rejectsWith(
          (async () => new OpenCxClient({ baseUrl: standIn.url, token, retryLimit: 0, timeoutMs: 300 }).listSessions({}))(),
          'configuration',
        );
        assert.match(error.message, problem);
        assert.match(error.message, /Paste the key again/);
        assertHoldsNoToken(error, token);
      }
      assert.equal(standIn.requests.length, 0, 'nothing was sent');
    } finally {
      await standIn.close();
    }
  });

  test('no error keeps a cause that could hold the request: network, cancelled and timeout errors carry at most a code', async () => {
    const token = 'ocx_live_no-cause-may-hold-me-0123';
    const standIn = await startStandIn({ count: 10, rateLimit: 0, token });
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    try {
      const client = (options: Partial<ClientOptions> = {}) => new OpenCxClient({ baseUrl: standIn.url, token, retryLimit: 0, timeoutMs: 300, ...options });
      const refused = await rejectsWith(client({ baseUrl: `http://127.0.0.1:${port}` }).listSessions({}), 'network');
      assert.equal(refused.code, 'ECONNREFUSED');
      const aborted = new AbortController();
      aborted.abort(new Error(`stopped while sending ${token}`));
      const cancelled = await rejectsWith(client().listSessions({}, undefined, aborted.signal), 'cancelled');
      const inFlight = new AbortController();
      standIn.setFaults({ hang: true });
      const pending = client({ timeoutMs: 5_000 }).listSessions({}, undefined, inFlight.signal);
      setTimeout(() => inFlight.abort(), 50);
      const cancelledInFlight = await rejectsWith(pending, 'cancelled');
      const timeout = await rejectsWith(client().listSessions({}), 'timeout');
      for (const error of [refused, cancelled, cancelledInFlight, timeout]) {
        assert.equal(error.cause, undefined, `${error.kind} keeps no cause`);
        assertHoldsNoToken(error, token);
      }
    } finally {
      await standIn.close();
    }
  });
});

/** Neither the error nor anything reachable from it (causes, fields) shows the token, however it is printed. */
function assertHoldsNoToken(error: ApiError, token: string): void {
  const printed = [inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error), String(error), error.stack ?? ''];
  for (let cause: unknown = error.cause; cause !== undefined && cause !== null; cause = (cause as { cause?: unknown }).cause) {
    printed.push(inspect(cause, { depth: Infinity, showHidden: true }));
    if (typeof cause !== 'object') break;
  }
  // A token cut at a line break or an invisible character is still a leak: look for each piece.
  const pieces = token.split(/[^\x21-\x7e]+/).filter((piece) => piece.length >= 6);
  for (const text of printed) {
    for (const piece of pieces) assert.ok(!text.includes(piece), `${error.kind}: ${piece} found in ${text.slice(0, 400)}`);
  }
}
