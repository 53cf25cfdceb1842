import * as assert from 'node:assert/strict';
import { generateSessions, HOSTILE_NAME } from '../server/data';
import { startStandIn, type StandIn } from '../server/server';

suite('local open.cx stand-in', function () {
  this.timeout(10_000);
  let standIn: StandIn;
  const get = (path: string, token: string | null = standIn.token) =>
    fetch(standIn.url + path, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });

  suiteSetup(async () => {
    standIn = await startStandIn({ count: 300, rateLimit: 4, rateWindowMs: 60_000 });
  });
  suiteTeardown(() => standIn.close());
  setup(() => standIn.reset());

  test('seeded data is deterministic and covers every status, channel, handoff state and sentiment', () => {
    const anchor = new Date('2026-01-01T00:00:00Z');
    const a = generateSessions({ count: 2000, seed: 3, anchor });
    assert.deepEqual(generateSessions({ count: 2000, seed: 3, anchor }), a);
    assert.notDeepEqual(generateSessions({ count: 2000, seed: 4, anchor }), a);
    const values = (read: (session: (typeof a)[number]) => unknown) => new Set(a.map(read));
    assert.equal(values((s) => s.status).size, 3);
    assert.equal(values((s) => s.channel.type).size, 10);
    assert.deepEqual(values((s) => s.handoff != null), new Set([true, false]));
    assert.deepEqual(values((s) => s.sentiment), new Set(['angry', 'happy', 'neutral', null, 'confused']));
    const edge = a.filter((s) => s.sentiment === 'confused');
    assert.equal(edge.length, 1, 'one drifted, hostile session');
    assert.equal((edge[0]!.contact as { name: string }).name, HOSTILE_NAME);
    assert.ok('x_experimental_routing' in edge[0]!);
    assert.ok(a.some((s) => s.contact === null) && a.some((s) => !('contact' in s)));
    assert.ok(a.some((s) => (s.contact as { name?: unknown } | undefined)?.name === undefined && s.contact));
    assert.ok(a.every((s) => Date.parse(s.created_at) < anchor.getTime() && s.updated_at >= s.created_at));
  });

  test('no or wrong bearer token is 401 with the documented error body', async () => {
    for (const token of [null, 'wrong']) {
      const response = await get('/chat/sessions', token);
      assert.equal(response.status, 401);
      const body = (await response.json()) as Record<string, unknown>;
      assert.deepEqual(Object.keys(body).sort(), ['error', 'message', 'statusCode']);
      assert.equal(body.statusCode, 401);
    }
  });

  test('the rate limit answers 429 with Retry-After once a token used its requests', async () => {
    for (let i = 0; i < 4; i++) assert.equal((await get('/chat/sessions')).status, 200);
    const limited = await get('/chat/sessions');
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter > 50 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  });

  test('a cursor only works for the query it was issued for', async () => {
    const first = (await (await get('/chat/sessions?status=open')).json()) as { next: string };
    assert.equal((await get(`/chat/sessions?status=open&cursor=${first.next}`)).status, 200);
    assert.equal((await get(`/chat/sessions?status=closed_resolved&cursor=${first.next}`)).status, 400);
    assert.equal((await get('/chat/sessions?cursor=garbage')).status, 400);
  });

  test('control endpoints set faults, list requests and revoke the token over HTTP', async () => {
    await fetch(`${standIn.url}/__stand-in/faults`, { method: 'PUT', body: JSON.stringify({ status: 502, times: 1 }) });
    assert.equal((await get('/chat/sessions')).status, 502);
    assert.equal((await get('/chat/sessions')).status, 200);
    const recorded = (await (await fetch(`${standIn.url}/__stand-in/requests`)).json()) as { status: number }[];
    assert.deepEqual(recorded.map((request) => request.status), [502, 200]);
    await fetch(`${standIn.url}/__stand-in/revoke`, { method: 'POST' });
    assert.equal((await get('/chat/sessions')).status, 401);
    await fetch(`${standIn.url}/__stand-in/reset`, { method: 'POST' });
    assert.equal((await get('/chat/sessions')).status, 200);
  });

  test('a fault limited to a path leaves other paths alone', async () => {
    standIn.setFaults({ status: 500, path: '/chat/sessions/' });
    assert.equal((await get('/chat/sessions')).status, 200);
    assert.equal((await get(`/chat/sessions/${standIn.sessions[0]!.id}`)).status, 500);
  });
});
