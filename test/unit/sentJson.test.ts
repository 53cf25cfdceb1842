import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { OpenCxClient } from '../../src/api/client';
import { parseSession, parseSessionPage, type Session } from '../../src/api/schemas';
import { exactJsonOf } from '../../src/api/exactJson';
import { SentJson } from '../../src/api/sentJson';
import { sessionIdFor } from '../builders/sessions';
import { startStandIn, type StandIn } from '../server/server';
import { survives } from './faultReport';
import { settledHeapBytes } from './heap';

const S1 = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const SESSION = `{"id":"${S1}","status":"open","channel":{"type":"web"},"ticket_number":9007199254740993,"2":"two","a":1,"a":2}`;
const SESSION_PRETTY = `{\n  "id": "${S1}",\n  "status": "open",\n  "channel": {\n    "type": "web"\n  },\n  "ticket_number": 9007199254740993,\n  "2": "two",\n  "a": 1,\n  "a": 2\n}`;

suite('sent JSON', () => {
  test('a session read from a whole body (GET /chat/sessions/{id}) shows exactly as sent', () => {
    const exact = exactJsonOf(parseSession(JSON.parse(SESSION), new SentJson(` \n${SESSION}\n`)));
    assert.equal(exact.pretty, SESSION_PRETTY);
    assert.equal(exact.duplicateKeys, 1);
    assert.equal(exact.asSent, true);
    assert.equal(exact.node.kind === 'object' && exact.node.entries.find((entry) => entry.duplicate)?.key, 'a');
  });

  test('an item marked by one copy of the module is read exactly by another, as the core marks and the parts read', () => {
    const load = createRequire(__filename);
    const modules = ['../../src/api/sentJson', '../../src/api/exactJson', '../../src/api/jsonTree'].map((name) => load.resolve(name));
    const cached = modules.map((path) => load.cache[path]);
    for (const path of modules) delete load.cache[path];
    try {
      const copy = load('../../src/api/exactJson') as typeof import('../../src/api/exactJson');
      assert.notEqual(copy.exactJsonOf, exactJsonOf, 'a second copy of the modules');
      const session = parseSession(JSON.parse(SESSION), new SentJson(SESSION));
      assert.equal(copy.exactJsonOf(session).pretty, SESSION_PRETTY);
      assert.equal(copy.exactJsonOf(session).asSent, true);
    } finally {
      modules.forEach((path, index) => {
        if (cached[index]) load.cache[path] = cached[index];
      });
    }
  });

  test('when "items" repeats, the items come from the last one, as with JSON.parse', () => {
    const text = `{"items":[{"id":"9b2f3e6a-51c4-4d7e-a0f1-2c3d4e5f6a7b","status":"open","channel":{"type":"web"}}],"next":null,"items":[${SESSION}]}`;
    const page = parseSessionPage(JSON.parse(text), new SentJson(text));
    assert.equal(page.items[0]!.id, S1);
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
    const text = `{"items":[${SESSION},{"id":"9b2f3e6a-51c4-4d7e-a0f1-2c3d4e5f6a7b","status":"open","channel":{"type":"web"},"note":"${marker}"}],"next":null}`;
    const [session] = parseSessionPage(JSON.parse(text), new SentJson(text)).items;
    assert.ok(!JSON.stringify(session).includes(marker));
    const clone = structuredClone(session!);
    assert.equal(exactJsonOf(clone).asSent, false);
  });

  test('a session keeps only its own text: the text of its page goes once the page\'s other sessions are gone', () => {
    // Whatever else runs in the process can only add to a measurement: the least of three counts.
    const tries: { kept: Session; heldBytes: number }[] = [];
    for (let attempt = 0; attempt < 3 && !tries.some((done) => done.heldBytes < 2 ** 20); attempt++) {
      const before = settledHeapBytes();
      const session = oneSessionOfAPage({ sessions: 4_000, bytesEach: 2_000, keep: 1_234 });
      tries.push({ kept: session, heldBytes: settledHeapBytes() - before });
    }
    const { kept, heldBytes } = tries.reduce((least, done) => (done.heldBytes < least.heldBytes ? done : least));
    assert.ok(heldBytes < 2 ** 20, `${(heldBytes / 2 ** 20).toFixed(1)} MB held by one session of an 8 MB page`);
    const exact = exactJsonOf(kept);
    assert.equal(exact.asSent, true);
    assert.equal(exact.pretty, JSON.stringify(kept.raw, null, 2));
  });

  test('an item whose text is not known shows what JSON.parse kept, and says so', () => {
    const session = parseSession(JSON.parse(SESSION));
    const exact = exactJsonOf(session);
    assert.equal(exact.asSent, false);
    assert.equal(exact.pretty, JSON.stringify(session.raw, null, 2));
    assert.equal(exact.duplicateKeys, 0);
  });
});

/** One session of a page of `sessions` sessions of about `bytesEach` bytes; the page is gone on return. */
function oneSessionOfAPage({ sessions, bytesEach, keep }: { sessions: number; bytesEach: number; keep: number }): Session {
  const notes = 'n'.repeat(bytesEach);
  const items = Array.from({ length: sessions }, (_, index) => `{"id":"${sessionIdFor(`s${index}`)}","status":"open","channel":{"type":"web"},"notes":"${notes}"}`);
  const text = `{"items":[${items.join(',')}],"next":null}`;
  const page = parseSessionPage(JSON.parse(text), new SentJson(text));
  assert.equal(page.items.length, sessions, 'every session read');
  return page.items[keep]!;
}

suite('sent JSON, served by the stand-in and read by the client', function () {
  this.timeout(60_000);
  let standIn: StandIn;
  suiteSetup(async () => {
    standIn = await startStandIn({ count: 30, seed: 3, pageSize: 25, rateLimit: 0 });
  });
  suiteTeardown(() => standIn.close());

  test('numbers beyond 2^53 or in any spelling, integer-like and repeated keys: the page item prints exactly as sent', async () => {
    const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 0 });
    const key = fc.constantFrom('a', 'b', '2', '10', '0', 'ticket_number', 'x');
    const number = fc.constantFrom('9007199254740993', '-9007199254740993', '18446744073709551617', '1e400', '-0', '1.0', '1.50', '2E-7', '0.1', '123');
    const entries = fc.array(fc.tuple(key, number), { maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(entries, async (pairs) => {
        await survives('JSON that JSON.parse would change (big integers, number spellings, key order, repeated keys): shown as sent', async () => {
          const id = standIn.sessions[0]!.id;
          const extra = pairs.map(([name, value]) => `,"custom_${name}":${value},"${name}":${value}`).join('');
          const item = `{"id":"${id}","status":"open","channel":{"type":"web"}${extra}}`;
          standIn.setFaults({ bodyText: `{"items":[${item}],"next":null}`, times: 1 });
          const [session] = (await client.listSessions({})).items;
          const lines = [`"id": "${id}"`, '"status": "open"', '"channel": {\n    "type": "web"\n  }'];
          for (const [name, value] of pairs) lines.push(`"custom_${name}": ${value}`, `"${name}": ${value}`);
          assert.equal(exactJsonOf(session!).pretty, `{\n  ${lines.join(',\n  ')}\n}`);
        });
      }),
      { numRuns: 100 },
    );
  });
});
