import * as assert from 'node:assert/strict';
import { parseSession, parseSessionPage } from '../../src/api/schemas';
import { exactJsonOf, SentJson } from '../../src/api/sentJson';

const SESSION = '{"id":"s1","status":"open","channel":{"type":"web"},"ticket_number":9007199254740993,"2":"two","a":1,"a":2}';
const SESSION_PRETTY = '{\n  "id": "s1",\n  "status": "open",\n  "channel": {\n    "type": "web"\n  },\n  "ticket_number": 9007199254740993,\n  "2": "two",\n  "a": 1,\n  "a": 2\n}';

suite('sent JSON', () => {
  test('a session read from a whole body (GET /chat/sessions/{id}) shows exactly as sent', () => {
    const exact = exactJsonOf(parseSession(JSON.parse(SESSION), new SentJson(` \n${SESSION}\n`)));
    assert.equal(exact.pretty, SESSION_PRETTY);
    assert.equal(exact.duplicateKeys, 1);
    assert.equal(exact.asSent, true);
    assert.equal(exact.node.kind === 'object' && exact.node.entries.find((entry) => entry.duplicate)?.key, 'a');
  });

  test('when "items" repeats, the items come from the last one, as with JSON.parse', () => {
    const text = `{"items":[{"id":"old","status":"open","channel":{"type":"web"}}],"next":null,"items":[${SESSION}]}`;
    const page = parseSessionPage(JSON.parse(text), new SentJson(text));
    assert.equal(page.items[0]!.id, 's1');
    assert.equal(exactJsonOf(page.items[0]!).pretty, SESSION_PRETTY);
  });

  test('the exact form is worked out once per item, and copies of the item share it', () => {
    const text = `{"items":[${SESSION}],"next":null}`;
    const [session] = parseSessionPage(JSON.parse(text), new SentJson(text)).items;
    const first = exactJsonOf(session!);
    assert.equal(exactJsonOf(session!), first);
    assert.equal(exactJsonOf({ ...session! }), first);
  });

  test('the page text does not travel with an item that is serialized or cloned', () => {
    const marker = 'only-in-the-other-session';
    const text = `{"items":[${SESSION},{"id":"s2","status":"open","channel":{"type":"web"},"note":"${marker}"}],"next":null}`;
    const [session] = parseSessionPage(JSON.parse(text), new SentJson(text)).items;
    assert.ok(!JSON.stringify(session).includes(marker));
    const clone = structuredClone(session!);
    assert.equal(exactJsonOf(clone).asSent, false);
  });

  test('an item whose text is not known shows what JSON.parse kept, and says so', () => {
    const session = parseSession(JSON.parse(SESSION));
    const exact = exactJsonOf(session);
    assert.equal(exact.asSent, false);
    assert.equal(exact.pretty, JSON.stringify(session.raw, null, 2));
    assert.equal(exact.duplicateKeys, 0);
  });
});
