import * as assert from 'node:assert/strict';
import { generateHistory, generateSessions, HOSTILE_NAME, type RawSession } from '../server/data';
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
    // The sessions of the current reference; those of the earlier document follow them (below).
    const current = a.filter((s) => 'ticket_number' in s);
    const values = (read: (session: (typeof a)[number]) => unknown) => new Set(current.map(read));
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
    assert.ok(current.every((s) => Date.parse(s.created_at!) < anchor.getTime() && s.updated_at! >= s.created_at!));
  });

  suite('the earlier shape (2024 document)', () => {
    const anchor = new Date('2026-01-01T00:00:00Z');
    const EARLIER_CHANNELS = ['web', 'web_voice', 'phone_voice', 'email', 'sms', 'whatsapp', 'api'];
    const EARLIER_EVENTS = ['message', 'handoff', 'ai_resolved_issue', 'human_agent_comment', 'human_agent_joined', 'human_agent_takeover'];
    const isEarlier = (session: RawSession) => !('ticket_number' in session);
    const allNull = (contact: unknown) => typeof contact === 'object' && contact !== null && Object.values(contact).every((value) => value === null);

    test('one session in 17 has the earlier shape, after every current one, leaving the current ones as they were', () => {
      const all = generateSessions({ count: 2000, seed: 3, anchor });
      assert.deepEqual(all.slice(0, 2000), generateSessions({ count: 2000, seed: 3, anchor, earlierShape: false }));
      const earlier = all.slice(2000);
      assert.equal(earlier.length, 125);
      assert.ok(earlier.every(isEarlier) && !all.slice(0, 2000).some(isEarlier));
      for (const session of earlier) {
        for (const field of ['assist_mode', 'sentiment', 'ai_closure_type']) assert.ok(!(field in session), field);
        assert.ok(EARLIER_CHANNELS.includes(session.channel.type), session.channel.type);
        assert.ok('created_at' in session && 'updated_at' in session, 'both timestamps are required, if nullable');
      }
      assert.ok(earlier.some((s) => s.created_at === null && s.updated_at === null), 'no timestamps');
      assert.ok(earlier.some((s) => s.created_at !== null && s.updated_at === null), 'no update time');
      assert.ok(earlier.some((s) => allNull(s.contact)), 'a contact whose fields are all null');
      assert.ok(earlier.some((s) => !('contact' in s)) && earlier.some((s) => s.contact && !allNull(s.contact)));
      assert.ok(earlier.some((s) => s.handoff != null) && earlier.some((s) => s.handoff == null));
      // Newest first throughout; a session without a creation time sorts after every one with it, by id.
      const time = (s: RawSession) => (s.created_at === null ? -Infinity : Date.parse(s.created_at));
      const sorted = [...all].sort((x, y) => time(y) - time(x) || x.id.localeCompare(y.id));
      assert.deepEqual(all.map((s) => s.id), sorted.map((s) => s.id));
    });

    test('their histories hold every event type and sender of that document, each time readable', () => {
      const earlier = generateSessions({ count: 600, seed: 5, anchor }).filter(isEarlier);
      const events = earlier.flatMap((session) => generateHistory(session)).map((item) => item.event as Record<string, never>);
      assert.deepEqual(new Set(events.map((event) => event.type)), new Set(EARLIER_EVENTS));
      const messages = events.filter((event) => event.type === 'message');
      assert.deepEqual(new Set(messages.map((event) => (event.sender as { type: string }).type)), new Set(['contact', 'ai', 'human_agent']));
      for (const event of events.filter((event) => event.type === 'handoff')) assert.deepEqual(event.integration, { type: 'zendesk' });
      for (const event of events.filter((event) => String(event.type).startsWith('human_agent_'))) assert.equal(typeof event.human_agent_id, 'number');
      for (const event of events.filter((event) => event.type === 'human_agent_comment')) assert.equal(typeof (event.content as { text: unknown }).text, 'string');
      assert.ok(earlier.flatMap((session) => generateHistory(session)).every((item) => !Number.isNaN(Date.parse(item.created_at as string))));
    });

    test('served like any other: by id, in the list, in its history; outside every creation window when it has no time', async () => {
      const timeless = standIn.sessions.find((s) => isEarlier(s) && s.created_at === null)!;
      assert.ok(timeless, 'a session without timestamps');
      assert.deepEqual(await (await get(`/chat/sessions/${timeless.id}`)).json(), timeless);
      const history = (await (await get(`/chat/sessions/${timeless.id}/history`)).json()) as { items: RawSession[] };
      assert.deepEqual(history.items, generateHistory(timeless).slice(0, 20));
      assert.ok(standIn.matching({ status: timeless.status }).includes(timeless));
      assert.ok(!standIn.matching({ status: timeless.status, created_after: '1970-01-01T00:00:00Z' }).includes(timeless));
      assert.ok(!standIn.matching({ status: timeless.status, created_before: '2999-01-01T00:00:00Z' }).includes(timeless));
      assert.ok(generateHistory(standIn.sessions[0]!).every((item) => (item.event as { type: string }).type === 'message'), 'current sessions keep their messages');
    });
  });

  test('search matches contact name, email and phone and message text, case-insensitively; an empty q is 400', async () => {
    const withContact = standIn.sessions.find((session) => typeof (session.contact as { name?: unknown } | null)?.name === 'string')!;
    const contact = withContact.contact as { id: string; name: string; email: string | null; phone_number: string | null };
    const byName = (await (await get(`/chat/sessions/search?q=${encodeURIComponent(contact.name.toUpperCase())}`)).json()) as {
      contacts: { id: string; name: string }[];
      messages: { session_id: string; message: string }[];
    };
    assert.ok(byName.contacts.some((hit) => hit.id === contact.id && hit.name === contact.name), 'the contact, found by its name in upper case');
    assert.ok(Array.isArray(byName.messages));
    const byText = (await (await get('/chat/sessions/search?q=REFUND')).json()) as { messages: { session_id: string; message: string; type: string }[] };
    assert.ok(byText.messages.length > 0);
    assert.ok(byText.messages.every((hit) => /refund/i.test(hit.message) && hit.type === 'message' && standIn.sessions.some((session) => session.id === hit.session_id)));
    for (const q of ['', undefined]) {
      const response = await get(`/chat/sessions/search${q === undefined ? '' : `?q=${q}`}`);
      assert.equal(response.status, 400);
      assert.deepEqual(await response.json(), { statusCode: 400, message: 'q should not be empty', error: 'Bad Request' });
    }
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
  test('sessions added, changed and removed over HTTP while it runs; reset puts the seeded ones back', async () => {
    const control = (path: string, method: string, body?: unknown) =>
      fetch(`${standIn.url}/__stand-in/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    const firstIds = async (query: string) => ((await (await get(`/chat/sessions?${query}`)).json()) as { items: RawSession[] }).items.map((s) => s.id);
    const seeded = standIn.sessions.length;
    const seededFirst = standIn.sessions[0]!.id;
    const added = (await (await control('sessions', 'POST', { channel: { type: 'email' }, contact: { name: 'Arrived now' } })).json()) as RawSession;
    assert.equal(added.status, 'open');
    assert.equal((await firstIds('status=open&channel_type=email'))[0], added.id, 'the new session leads its lists');
    assert.equal((await control(`sessions/${added.id}`, 'PATCH', { status: 'closed_resolved' })).status, 200);
    assert.ok(!(await firstIds('status=open&channel_type=email')).includes(added.id), 'it left the list of its old status');
    assert.equal((await control(`sessions/${added.id}`, 'DELETE')).status, 200);
    assert.equal((await control(`sessions/${added.id}`, 'DELETE')).status, 404);
    standIn.addSession();
    assert.equal(standIn.sessions.length, seeded + 1);
    standIn.reset();
    assert.equal(standIn.sessions.length, seeded);
    assert.equal(standIn.sessions[0]!.id, seededFirst);
  });
});
