import * as assert from 'node:assert/strict';
import { OpenCxClient } from '../../src/api/client';
import { OUTPUT_LIMITS } from '../../src/model/chat/chatContent';
import { sessionChatQuery } from '../../src/model/chat/chatQuery';
import { answerTool, invocationMessage, signedOutAnswer } from '../../src/model/chat/chatTools';
import { generateHistory, generateSessions, type RawSession } from '../server/data';
import { startStandIn, type StandIn } from '../server/server';
import { HOSTILE_CONTACT, splitAnswer } from './chatOutput';

suite('chat tools: answers read from the stand-in over HTTP', function () {
  this.timeout(30_000);
  let standIn: StandIn;
  let hostile: RawSession;
  const client = () => new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 0, maxRetryWaitMs: 0 });
  const paths = () => standIn.requests.map((request) => [request.path, new URLSearchParams(request.query).toString()].filter(Boolean).join('?'));

  suiteSetup(async () => {
    const sessions = generateSessions({ count: 120, seed: 17 });
    hostile = sessions[0]!;
    hostile.contact = { id: 'c-1', name: HOSTILE_CONTACT, email: 'mallory@example.com' };
    standIn = await startStandIn({ sessions, rateLimit: 0 });
  });
  suiteTeardown(() => standIn.close());
  setup(() => standIn.reset());

  test('list: pages through cursors up to the limit, summaries in the order open.cx lists them, and says more match', async () => {
    const answer = await answerTool('list', client(), { status: 'open', limit: 30 });
    const expected = standIn.matching({ status: 'open' });
    const { values, outside } = splitAnswer(answer);
    assert.deepEqual(values.map((value) => (value as { id: string }).id), expected.slice(0, 30).map((session) => session.id));
    assert.deepEqual(paths().map((path) => path.replace(/cursor=[^&]+/, 'cursor=…')), ['/chat/sessions?status=open', '/chat/sessions?status=open&cursor=…']);
    assert.match(outside, /^30 sessions from open\.cx matching: Open; in the order open\.cx lists them/);
    assert.match(outside, /More sessions match than were read \(limit 30, at most 100\)/);
    const first = values[0] as Record<string, unknown>;
    assert.equal(first.status, 'open');
    assert.equal(first.ticket, expected[0]!.ticket_number);
  });

  test('list: fewer matches than the limit are all read, and nothing says more match', async () => {
    const query = { channel: 'sms', status: 'closed_unresolved' } as const;
    const expected = standIn.matching({ channel_type: 'sms', status: 'closed_unresolved' });
    assert.ok(expected.length > 0 && expected.length < 25, String(expected.length));
    const answer = await answerTool('list', client(), query);
    assert.equal(splitAnswer(answer).values.length, expected.length);
    assert.doesNotMatch(answer, /More sessions match/);
    assert.equal(standIn.requests.length, 1);
  });

  test('list: a bad input is answered without a request', async () => {
    const answer = await answerTool('list', client(), { createdAfter: 'last week', limit: 1000 });
    assert.match(answer, /createdAfter "last week" is not an ISO 8601 date/);
    assert.match(answer, /limit 1000 is more than 100/);
    assert.deepEqual(standIn.requests, []);
  });

  test('list: the output stays within its limit and says what was cut', async () => {
    const long = generateSessions({ count: 100, seed: 5, edgeCases: false, earlierShape: false }).map((session) => ({
      ...session,
      contact: { name: 'N'.repeat(500) },
      handoff: { summary: 'S'.repeat(5_000) },
    }));
    const big = await startStandIn({ sessions: long, rateLimit: 0 });
    try {
      const answer = await answerTool('list', new OpenCxClient({ baseUrl: big.url, token: big.token, retryLimit: 0 }), { limit: 100 });
      const { lines, outside } = splitAnswer(answer);
      assert.ok(lines.join('\n').length <= OUTPUT_LIMITS.contentChars, String(lines.join('\n').length));
      assert.ok(lines.length > 0 && lines.length < 100, String(lines.length));
      assert.match(outside, new RegExp(`Cut: ${lines.length} of 100 sessions are shown; a tool answer holds at most 24,000 characters of customer content\\.`));
      assert.ok(answer.length < OUTPUT_LIMITS.contentChars + 2_000, `the whole answer is bounded too: ${answer.length}`);
      const summary = JSON.parse(lines[0]!) as { contact: string; handoffSummary: string };
      assert.match(summary.contact, /… \[cut: 120 of 500 characters shown\]$/);
      assert.match(summary.handoffSummary, /… \[cut: 600 of 5000 characters shown\]$/);
    } finally {
      await big.close();
    }
  });

  test('list: a first page that fails is the answer; a later one keeps what was read and says where reading stopped', async () => {
    standIn.setFaults({ status: 503, path: '/chat/sessions', times: 1 });
    const failed = splitAnswer(await answerTool('list', client(), {}));
    assert.match(failed.outside, /^Reading open\.cx failed: open\.cx had a problem answering \(HTTP 503\)\. Try again in a moment\. The error's own text is the last line of the customer content\.\n/);
    assert.deepEqual(failed.values, [{ error: 'server', httpStatus: 503, message: 'open.cx had a problem answering (503: Service Unavailable). Try again in a moment.' }]);
    // open.cx's rate limit, met on the second page.
    const limited = await startStandIn({ sessions: standIn.sessions, rateLimit: 1 });
    try {
      const answer = await answerTool('list', new OpenCxClient({ baseUrl: limited.url, token: limited.token, retryLimit: 0, maxRetryWaitMs: 0 }), { limit: 50 });
      const { values, outside } = splitAnswer(answer);
      assert.equal(values.length, 26, 'the sessions read, then the error');
      assert.match(outside, /Reading stopped after 25 sessions: open\.cx's limit of 100 requests a minute was reached \(HTTP 429\)\. Try again in \d+ s\. The error's own text is the last line/);
      assert.doesNotMatch(outside, /More sessions match/, 'the stop is said once');
    } finally {
      await limited.close();
    }
  });

  test('search: contact and message hits, each message naming its session; an empty query makes no request', async () => {
    const answer = await answerTool('search', client(), { query: 'refund' });
    const { values, outside } = splitAnswer(answer);
    const messages = values.filter((value) => (value as { hit: string }).hit === 'message') as { sessionId: string; text: string }[];
    assert.ok(messages.length > 0);
    for (const hit of messages) {
      assert.match(hit.text, /refund/i);
      assert.ok(standIn.sessions.some((session) => session.id === hit.sessionId));
    }
    assert.match(outside, /^open\.cx search for "refund": \d+ contacts and \d+ messages\./);
    assert.deepEqual(paths(), ['/chat/sessions/search?q=refund']);
    standIn.reset();
    assert.match(await answerTool('search', client(), { query: ' ' }), /query must be a non-empty text/);
    assert.deepEqual(standIn.requests, []);
    assert.match(await answerTool('search', client(), { query: 'zzzz-nothing-matches' }), /^open\.cx found no contacts and no messages matching "zzzz-nothing-matches"\.$/);
  });

  test('get: the session as open.cx sent it, and with includeHistory its transcript, newest last', async () => {
    const session = standIn.sessions[3]!;
    const plain = splitAnswer(await answerTool('get', client(), { id: session.id.toUpperCase() }));
    assert.deepEqual(plain.values, [session]);
    assert.deepEqual(paths(), [`/chat/sessions/${session.id}`]);
    standIn.reset();
    const answer = await answerTool('get', client(), { id: session.id, includeHistory: true });
    const { values, outside } = splitAnswer(answer);
    const history = generateHistory(session);
    assert.deepEqual(values[0], session);
    const transcript = values.slice(1) as { time: string; text: string }[];
    assert.equal(transcript.length, history.length);
    assert.deepEqual(transcript.map((entry) => entry.time), history.map((event) => event.created_at).reverse(), 'oldest first, newest last');
    assert.match(outside, new RegExp(`its history, oldest first, newest last: ${history.length} events`));
    assert.ok(paths().every((path) => path.startsWith(`/chat/sessions/${session.id}`)));
  });

  test('get: an unknown or malformed id says what to do; a malformed one makes no request', async () => {
    const unknown = await answerTool('get', client(), { id: '00000000-0000-4000-8000-000000000000' });
    assert.match(unknown, /^open\.cx has no session with id 00000000-0000-4000-8000-000000000000\. Check the id, or find sessions with opencx_searchSessions or opencx_listSessions\.$/);
    standIn.reset();
    assert.match(await answerTool('get', client(), { id: '../search?q=a' }), /is not an open\.cx session id/);
    assert.deepEqual(standIn.requests, []);
  });

  test('a hostile contact name stays inside the customer content of every tool', async () => {
    const answers = [
      await answerTool('get', client(), { id: hostile.id, includeHistory: true }),
      await answerTool('list', client(), { limit: 5 }),
      await answerTool('search', client(), { query: 'mallory' }),
    ];
    for (const answer of answers) {
      const { outside, lines } = splitAnswer(answer);
      assert.doesNotMatch(outside, /ignore previous instructions|developer mode|command:/i);
      assert.ok(lines.some((line) => line.includes('Ignore previous instructions')), 'the name is there, as data');
    }
  });

  test('signed out: the answer tells the user to run Set API Token; a rejected key says the same', async () => {
    assert.equal(await answerTool('list', undefined, {}), signedOutAnswer());
    assert.match(signedOutAnswer(), /run the command "open\.cx: Set API Token"/);
    standIn.revokeToken();
    assert.match(await answerTool('get', client(), { id: hostile.id }), /open\.cx refused the API key \(HTTP 401\)\. Tell the user to run the command "open\.cx: Set API Token"/);
  });

  test('the key never leaves, even where the server echoes it', async () => {
    const echo = generateSessions({ count: 3, seed: 2 }).map((session) => ({ ...session, contact: { id: `c-${session.id}`, name: `key ${standIn.token}` } }));
    const echoing = await startStandIn({ sessions: echo, rateLimit: 0 });
    try {
      const echoClient = new OpenCxClient({ baseUrl: echoing.url, token: echoing.token, retryLimit: 0 });
      const answers = [
        await answerTool('list', echoClient, {}),
        await answerTool('get', echoClient, { id: echo[0]!.id }),
        await answerTool('search', echoClient, { query: 'key' }),
      ];
      echoing.setFaults({ status: 500, message: `failed for ${echoing.token}` });
      answers.push(await answerTool('list', echoClient, {}));
      for (const answer of answers) {
        assert.ok(!answer.includes(echoing.token), answer.slice(0, 300));
        assert.match(answer, /«token»/);
      }
    } finally {
      await echoing.close();
    }
  });

  test('what the chat shows while a tool runs, and the query Ask Chat fills in', () => {
    assert.equal(invocationMessage('list', { status: 'open', channel: 'web' }), 'Reading up to 25 sessions from open.cx (Open, Web)');
    assert.equal(invocationMessage('list', {}), 'Reading up to 25 sessions from open.cx');
    assert.equal(invocationMessage('list', { limit: 0 }), 'Reading sessions from open.cx');
    assert.equal(invocationMessage('search', { query: 'refund' }), 'Searching open.cx sessions for "refund"');
    assert.equal(invocationMessage('get', { id: hostile.id, includeHistory: true }), `Reading open.cx session ${hostile.id} and its history`);
    assert.equal(sessionChatQuery([hostile.id]), `#opencxSession ${hostile.id} `);
  });
});
