// The API client against the local stand-in: every way a request fails (HTTP errors, retries
// that run out, no answer, no server, bodies that cannot be read) is one typed ApiError.
import * as assert from 'node:assert/strict';
import { MAX_RESPONSE_BYTES } from '../../src/api/responseLimit';
import type { Json } from '../server/data';
import { OVERSIZED_BODY_BYTES, type StandIn } from '../server/server';
import { rejectsWith, useClientStandIn } from './clientHarness';
import { closedPort } from './closedPort';

suite('API client against the local stand-in: errors', function () {
  this.timeout(20_000);
  let standIn: StandIn;
  const client = useClientStandIn((started) => (standIn = started));

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
    const port = await closedPort();
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
});
