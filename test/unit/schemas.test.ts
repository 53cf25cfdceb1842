import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseHistoryPage, parseSession, parseSessionPage, SchemaError } from '../../src/api/schemas';
import { exactJsonOf } from '../../src/api/exactJson';
import { SentJson } from '../../src/api/sentJson';

/** Session ids as the API sends them. */
const A = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const B = '9b2f3e6a-51c4-4d7e-a0f1-2c3d4e5f6a7b';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, '../../../test/fixtures', name), 'utf8'));

suite('schemas', () => {
  test('the reference example page parses verbatim, invalid example email included', () => {
    const body = fixture('list-chat-sessions.json') as { items: Record<string, unknown>[] };
    const page = parseSessionPage(body);
    assert.equal(page.items.length, 1);
    assert.equal(page.next, '<string>');
    assert.equal(page.unreadable, 0);
    const session = page.items[0]!;
    assert.equal(session.id, '3c90c3cc-0d44-4b50-8888-8dd25736052a');
    assert.equal(session.status, 'open');
    assert.equal(session.channel.type, 'web');
    assert.equal(session.ticket_number, 123);
    assert.equal(session.contact?.email, '[email protected]');
    assert.equal(session.handoff?.summary, '<string>');
    assert.equal(session.team?.name, '<string>');
    assert.deepEqual(session.raw, body.items[0]);
  });

  test('unknown enum values are kept as strings, not rejected', () => {
    const session = parseSession({
      id: A,
      status: 'snoozed',
      sentiment: 'confused',
      ai_closure_type: 'escalated',
      channel: { type: 'carrier_pigeon' },
    });
    assert.equal(session.status, 'snoozed');
    assert.equal(session.sentiment, 'confused');
    assert.equal(session.ai_closure_type, 'escalated');
    assert.equal(session.channel.type, 'carrier_pigeon');
  });

  test('unknown fields are preserved in raw, exactly as sent', () => {
    const sent = { id: A, status: 'open', channel: { type: 'web', region: 'eu' }, priority: 'p1', tags: ['x'] };
    const session = parseSession(sent);
    assert.equal(session.raw, sent);
    assert.deepEqual(session.raw.tags, ['x']);
    assert.deepEqual(session.raw.channel, { type: 'web', region: 'eu' });
  });

  test('nulls, missing fields and wrong types degrade to null instead of dropping the session', () => {
    const session = parseSession({
      id: B,
      status: null,
      channel: null,
      ticket_number: '12',
      assist_mode: 'yes',
      created_at: 12345,
      contact: { name: null, email: 42, custom_data: 'nope' },
      team: 'Billing',
      handoff: null,
      custom_data: [],
    });
    // Fields the extension does not read are not validated: they stay in raw as sent.
    assert.equal(session.status, 'unknown');
    assert.equal(session.channel.type, 'unknown');
    assert.equal(session.ticket_number, null);
    assert.equal(session.created_at, null);
    assert.equal(session.contact?.name, null);
    assert.equal(session.contact?.email, null);
    assert.equal(session.team, null);
    assert.equal(session.updated_at, undefined);
    assert.equal(session.raw.assist_mode, 'yes');
    assert.deepEqual(session.raw.custom_data, []);
    assert.deepEqual(session.raw.contact, { name: null, email: 42, custom_data: 'nope' });
  });

  test('a session without an id cannot be shown and is counted, not silently lost', () => {
    const page = parseSessionPage({ items: [{ id: A, status: 'open', channel: { type: 'web' } }, { status: 'open' }, 'text', null, { id: '' }], next: null });
    assert.deepEqual(page.items.map((item) => item.id), [A]);
    assert.equal(page.unreadable, 4);
    assert.throws(() => parseSession({ status: 'open' }), SchemaError);
  });

  test('an id that is not a session id (a UUID) is counted as unreadable, whatever it holds', () => {
    const notIds = ['ok', '[Open](command:workbench.action.openSettings)', `{${A}}`, ` ${A}`, `${A}x`, A.replace(/-/g, ''), 42];
    const page = parseSessionPage({ items: [...notIds.map((id) => ({ id, status: 'open', channel: { type: 'web' } })), { id: A.toUpperCase(), status: 'open' }], next: null });
    assert.deepEqual(page.items.map((item) => item.id), [A.toUpperCase()], 'a UUID in upper case is still one');
    assert.equal(page.unreadable, notIds.length);
    assert.throws(() => parseSession({ id: 'deep', status: 'open' }), (error: unknown) => error instanceof SchemaError && error.message === "'id': not a session id (a UUID)");
  });

  test('a wrong envelope is a typed error', () => {
    assert.throws(() => parseSessionPage({ data: [] }), (error: unknown) => error instanceof SchemaError && /'items' is missing/.test(error.message));
    assert.throws(() => parseSessionPage([]), SchemaError);
    assert.throws(() => parseSessionPage({ items: 'many' }), SchemaError);
  });

  test('an absent, null or empty next cursor means the last page', () => {
    for (const next of [undefined, null, '']) {
      assert.equal(parseSessionPage({ items: [], next }).next, null);
      assert.equal(parseHistoryPage({ items: [], next }).next, null);
    }
    assert.equal(parseSessionPage({ items: [] }).next, null);
  });

  test('a next cursor that is not a string is an unreadable page, not a silent last page', () => {
    for (const [next, kind] of [
      [7, 'a number'],
      [0, 'a number'],
      [{ cursor: 'c2' }, 'an object'],
      [['c2'], 'an array'],
      [true, 'a boolean'],
      [false, 'a boolean'],
    ] as const) {
      for (const parse of [parseSessionPage, parseHistoryPage]) {
        assert.throws(
          () => parse({ items: [], next }),
          (error: unknown) => error instanceof SchemaError && error.message === `'next' is ${kind}, expected a cursor string or null`,
          JSON.stringify(next),
        );
      }
    }
  });

  test('the envelope names what arrived instead of what was expected', () => {
    const problem = (body: unknown) => {
      try {
        parseSessionPage(body);
      } catch (error) {
        assert.ok(error instanceof SchemaError);
        return error.message;
      }
      assert.fail('parsed');
    };
    assert.equal(problem({ data: [] }), "'items' is missing");
    assert.equal(problem({ items: 'many' }), "'items' is a string, expected an array");
    assert.equal(problem({ items: null }), "'items' is null, expected an array");
    assert.equal(problem([]), 'the body is an array, expected an object');
    assert.equal(problem(null), 'the body is null, expected an object');
  });

  test('history events parse leniently and keep their raw form', () => {
    const page = parseHistoryPage({
      items: [
        {
          id: 'e1',
          created_at: '2023-11-07T05:31:56Z',
          event: {
            type: 'message',
            sender: { type: 'contact', name: 'Ada' },
            content: { type: 'text', text: 'Hi' },
            attachments: [{ id: 'f', name: 'a.png', size: 10, type: 'file', url: 'https://x' }, 'junk'],
            context: { page: '/pricing' },
            reactions: ['👍'],
          },
        },
        { id: 'e2', event: null },
      ],
      next: 'c2',
    });
    assert.equal(page.items.length, 2);
    assert.equal(page.items[0]!.event?.content?.text, 'Hi');
    assert.equal(page.items[0]!.event?.attachments?.[0]?.name, 'a.png');
    assert.equal(page.items[0]!.event?.attachments?.[1]?.name, null);
    assert.deepEqual((page.items[0]!.raw.event as { reactions: string[] }).reactions, ['👍']);
    assert.equal(page.items[1]!.event, null);
    assert.equal(page.next, 'c2');
  });
});

suite('schemas: items keep the text they were sent as', () => {
  test('each session of a page shows exactly as sent, unreadable items before it notwithstanding', () => {
    const text =
      '{"items":[' +
      `{"id":"${A}","status":"open","channel":{"type":"web"},"ticket_number":9007199254740993},` +
      '"junk",{"status":"open"},' +
      `{"id":"${B}","status":"open","channel":{"type":"web"},"custom_data":{"b":1,"2":2,"a":3},"score":1e400,"tag":"x","tag":"y"}` +
      '],"next":null}';
    const page = parseSessionPage(JSON.parse(text), new SentJson(text));
    assert.deepEqual(page.items.map((session) => session.id), [A, B]);
    assert.equal(page.unreadable, 2);
    const [a, b] = page.items.map(exactJsonOf);
    assert.equal(a!.pretty, `{\n  "id": "${A}",\n  "status": "open",\n  "channel": {\n    "type": "web"\n  },\n  "ticket_number": 9007199254740993\n}`);
    assert.equal(
      b!.pretty,
      `{\n  "id": "${B}",\n  "status": "open",\n  "channel": {\n    "type": "web"\n  },\n  "custom_data": {\n    "b": 1,\n    "2": 2,\n    "a": 3\n  },\n` +
        '  "score": 1e400,\n  "tag": "x",\n  "tag": "y"\n}',
    );
    assert.deepEqual([a!.duplicateKeys, b!.duplicateKeys], [0, 1]);
    assert.ok(a!.asSent && b!.asSent);
    assert.equal(page.items[0]!.ticket_number, 9007199254740992, 'the fields the extension reads are JSON.parse values, as before');
  });

  test("events of the 2024 document: the integration's type and the agent id are read; a wrong type is null, never a lost event", () => {
    const sent = [
      { id: 1, created_at: null, event: { type: 'handoff', integration: { type: 'zendesk', ticket: 7 } } },
      { id: 2, event: { type: 'human_agent_comment', human_agent_id: 12, content: { type: 'text', text: 'Refund approved' } } },
      { id: 3, event: { type: 'human_agent_joined', human_agent_id: 'agent-7' } },
      { id: 4, event: { type: 'human_agent_takeover', human_agent_id: { id: 12 } } },
      { id: 5, event: { type: 'handoff', integration: 'zendesk' } },
      { id: 6, event: { type: 'handoff', integration: { type: ['zendesk'] } } },
      { id: 7, event: { type: 'ai_resolved_issue' } },
    ];
    const page = parseHistoryPage({ items: sent, next: null });
    assert.equal(page.unreadable, 0);
    const events = page.items.map((item) => item.event);
    assert.equal(events[0]?.integration?.type, 'zendesk');
    assert.equal(events[1]?.human_agent_id, 12);
    assert.equal(events[1]?.content?.text, 'Refund approved');
    assert.equal(events[2]?.human_agent_id, 'agent-7');
    assert.equal(events[3]?.human_agent_id, null);
    assert.equal(events[4]?.integration, null);
    assert.equal(events[5]?.integration?.type, null);
    assert.equal(events[6]?.type, 'ai_resolved_issue');
    assert.deepEqual(page.items.map((item) => item.raw), sent, 'raw keeps everything, the integration ticket too');
  });

  test('each history event of a page shows exactly as sent', () => {
    const text = '{"items":[{"id":12345678901234567890,"event":{"type":"message","10":"ten","1":"one"}},{"id":"e2","event":null}],"next":"c"}';
    const page = parseHistoryPage(JSON.parse(text), new SentJson(text));
    assert.equal(exactJsonOf(page.items[0]!).pretty, '{\n  "id": 12345678901234567890,\n  "event": {\n    "type": "message",\n    "10": "ten",\n    "1": "one"\n  }\n}');
    assert.equal(exactJsonOf(page.items[1]!).pretty, '{\n  "id": "e2",\n  "event": null\n}');
  });
});
