// Property-based payload mutations: pages of sessions whose objects lose fields, gain nulls,
// wrong types, unknown enum values, extra fields, deep nesting, huge and hostile strings, served
// by the stand-in to the real client and tree model, and sessions and history events of the
// vendor's 2024 document. Whatever arrives, the tree never fails to answer and never loses a
// session the server sent; what cannot be shown is counted; what is shown reads as words, never
// as "undefined", "null", "#NaN" or "Invalid Date".
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { RequestBudget } from '../../src/api/budget';
import { OpenCxClient } from '../../src/api/client';
import { isSessionId } from '../../src/api/ids';
import { MAX_ITEM_DEPTH } from '../../src/api/jsonDepth';
import { parseHistoryPage, parseSession, parseSessionPage, SchemaError, type HistoryEvent, type Session } from '../../src/api/schemas';
import { exactJsonOf } from '../../src/api/exactJson';
import { SentJson } from '../../src/api/sentJson';
import { SessionTreeModel } from '../../src/model/tree/sessionTree';
import { SESSION_ID } from '../builders/sessions';
import type { Json, RawSession } from '../server/data';
import { startStandIn, type StandIn } from '../server/server';
import { earlierHistoryItem, earlierSession } from './earlierShapeArbitraries';
import { EARLIER_SHAPES, record, survives, survivesSync } from './faultReport';
import { noticeOf, sessionsOf } from './faultTree';
import { assertReadsWell } from './readableText';
import { buildItems, isRecord, page } from './sessionMutations';

const NOW = Date.parse('2026-11-30T00:00:00Z');

/**
 * The stand-in's date filters read created_at and updated_at with Date.parse, which throws for an
 * object whose toString or valueOf is not a function: such a page would fail in the stand-in, not
 * in the extension (the parser-level properties below still get those objects).
 */
function servable(items: Record<string, Json>[]): Record<string, Json>[] {
  for (const item of items) {
    for (const field of ['created_at', 'updated_at']) {
      const value = item[field];
      if (isRecord(value)) for (const key of ['toString', 'valueOf']) delete value[key];
    }
  }
  return items;
}

/** What the tree must show: every item with a session id, in order (a repeated id is the same session, shown once). */
function expectedOf(items: unknown[]): { ids: string[]; first: Map<string, unknown>; unreadable: number } {
  const first = new Map<string, unknown>();
  let unreadable = 0;
  for (const item of items) {
    const id = isRecord(item) ? item.id : undefined;
    if (typeof id !== 'string' || !isSessionId(id)) unreadable++;
    else if (!first.has(id)) first.set(id, item);
  }
  return { ids: [...first.keys()], first, unreadable };
}

/** What the person sees of a session: tree label, description, tooltip facts and the panel page, all readable. */
function renderAll(session: Session, events: HistoryEvent[] = []): void {
  assertReadsWell(session, events, NOW);
}

suite('payload mutations', function () {
  this.timeout(120_000);
  let standIn: StandIn;
  let client: OpenCxClient;

  suiteSetup(async () => {
    standIn = await startStandIn({ sessions: [], pageSize: 100, rateLimit: 0 });
    // A budget that never waits: thousands of requests in seconds are the point here.
    client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 0, timeoutMs: 10_000, budget: new RequestBudget(1e9, 1) });
  });
  suiteTeardown(() => standIn.close());

  test('2,000 mutated pages served by the stand-in: the tree always answers, shows every session with a session id, in order, and counts the rest', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (spec) => {
        const items = servable(buildItems(spec));
        standIn.reset();
        standIn.sessions.splice(0, standIn.sessions.length, ...(items as RawSession[]));
        const model = new SessionTreeModel({ client: async () => client, grouping: 'none' });
        try {
          await survives('payload mutation (served, through client and tree)', async () => {
            const children = await model.children(); // a rejection fails the property
            const expected = expectedOf(items);
            const shown = sessionsOf(children);
            assert.deepEqual(shown.map((node) => node.session.id), expected.ids, 'every session with a session id, in order');
            assert.equal(noticeOf(children, 'error'), undefined, `no error item: ${noticeOf(children, 'error')?.error?.message}`);
            const unreadable = noticeOf(children, 'unreadable');
            assert.equal(unreadable?.unreadable ?? 0, expected.unreadable, 'items without a session id are counted');
            assert.equal(new Set(children.map((node) => node.id)).size, children.length, 'unique tree ids');
            for (const node of shown) {
              assert.deepEqual(node.session.raw, expected.first.get(node.session.id), 'the JSON view gets what was sent');
              renderAll(node.session);
            }
          });
        } finally {
          model.dispose();
        }
      }),
      { numRuns: 2_000 },
    );
  });

  test(`a session nested ${MAX_ITEM_DEPTH} levels deep, the most an item may: the parser keeps it, and its page still renders`, () => {
    // The random pages nest at most 250 levels below a field; this is the deep end (deeper items are
    // unreadable: deepSessions.test.ts). The session is level 1, custom_data's objects the others.
    const nested = MAX_ITEM_DEPTH - 1;
    const body = `{"items":[{"id":"${SESSION_ID}","status":"open","channel":{"type":"web"},"custom_data":${'{"nested":'.repeat(nested)}1${'}'.repeat(nested)}}],"next":null}`;
    survivesSync(`deep nesting (${MAX_ITEM_DEPTH} levels)`, () => {
      const [session] = parseSessionPage(JSON.parse(body)).items;
      assert.equal(session?.id, SESSION_ID, 'the session is kept');
      renderAll(session);
      // And as sent: read from the text.
      const [sent] = parseSessionPage(JSON.parse(body), new SentJson(body)).items;
      assert.ok(exactJsonOf(sent!).asSent);
      renderAll(sent);
    });
  });

  test('items of any JSON type, and any next cursor: the parser keeps every item with a session id, in order, and counts the rest', () => {
    const anyItem = fc.oneof(fc.jsonValue({ maxDepth: 3 }), page.map((spec) => buildItems(spec)[0] ?? null));
    fc.assert(
      fc.property(fc.array(anyItem, { maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), (items, next) => {
        const body = JSON.parse(JSON.stringify({ items, next })) as { items: unknown[]; next: unknown };
        survivesSync('items of any JSON type (parser)', () => {
          // A cursor that is not a string cannot be followed: the page is unreadable, not the last.
          if (body.next !== null && typeof body.next !== 'string') {
            assert.throws(() => parseSessionPage(body), (error: unknown) => error instanceof SchemaError && /^'next' is /.test(error.message));
            return;
          }
          const parsed = parseSessionPage(body);
          const expected = expectedOf(body.items);
          // The parser keeps repeated ids (the tree merges them); every readable item is there.
          assert.deepEqual([...new Set(parsed.items.map((session) => session.id))], expected.ids);
          assert.equal(parsed.unreadable, expected.unreadable);
          assert.equal(parsed.items.length + parsed.unreadable, body.items.length);
          assert.ok(parsed.next === null || (typeof parsed.next === 'string' && parsed.next.length > 0));
        });
      }),
      { numRuns: 500 },
    );
  });

  test('sessions and history events of the 2024 document: every one kept, and all that shows reads as words, no entry empty', () => {
    fc.assert(
      fc.property(earlierSession, fc.array(earlierHistoryItem, { maxLength: 12 }), (sent, items) => {
        const session = parseSession(JSON.parse(JSON.stringify(sent)));
        const history = parseHistoryPage(JSON.parse(JSON.stringify({ items, next: null })));
        survivesSync(EARLIER_SHAPES, () => {
          assert.equal(history.items.length, items.length, 'every event is kept');
          renderAll(session, history.items);
        });
      }),
      { numRuns: 1_000 },
    );
  });

  test('any JSON body: a page or a SchemaError, never another failure', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (body) => {
        let outcome = 'threw something else';
        try {
          const parsed = parseSessionPage(body);
          outcome = Array.isArray(parsed.items) ? 'page' : 'not a page';
        } catch (error) {
          if (error instanceof SchemaError) outcome = 'SchemaError';
        }
        record('any JSON body (parser)', outcome === 'page' || outcome === 'SchemaError');
        assert.ok(outcome === 'page' || outcome === 'SchemaError', outcome);
      }),
      { numRuns: 300 },
    );
  });
});
