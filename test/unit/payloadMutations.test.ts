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
import { parseHistoryPage, parseSession, parseSessionPage, SchemaError, type HistoryEvent, type Session } from '../../src/api/schemas';
import { exactJsonOf, SentJson } from '../../src/api/exactJson';
import { SessionTreeModel } from '../../src/model/sessionTree';
import type { NoticeNode, SessionNode, TreeNode } from '../../src/model/treeNodes';
import { escapeHtml } from '../../src/views/page/html';
import { panelText } from '../../src/views/page/panelText';
import { renderSessionPage } from '../../src/views/page/sessionPage';
import { generateSessions, type Json, type RawSession } from '../server/data';
import { startStandIn, type StandIn } from '../server/server';
import { earlierHistoryItem, earlierSession } from './earlierShapeArbitraries';
import { EARLIER_SHAPES, HOSTILE_STRINGS, record, survives, survivesSync } from './faultReport';
import { assertReadsWell, isVisible } from './readableText';

const sessionsOf = (nodes: TreeNode[]) => nodes.filter((node): node is SessionNode => node.type === 'session');
const noticeOf = (nodes: TreeNode[], kind: NoticeNode['kind']) => nodes.find((node): node is NoticeNode => node.type === 'notice' && node.kind === kind);

const BASE_SESSIONS = generateSessions({ count: 40, seed: 99, anchor: new Date('2026-11-01T12:00:00Z') });
const NOW = Date.parse('2026-11-30T00:00:00Z');

const FIELD_PATHS = [
  'id', 'status', 'ai_closure_type', 'sentiment', 'channel', 'channel.type', 'ticket_number', 'assist_mode', 'created_at', 'updated_at',
  'contact', 'contact.id', 'contact.email', 'contact.phone_number', 'contact.name', 'contact.custom_data',
  'contact.non_verified_name', 'contact.non_verified_email', 'contact.non_verified_custom_data',
  'language', 'assignee_id', 'custom_data', 'team', 'team.id', 'team.name', 'team.description',
  'handoff', 'handoff.summary', 'handoff.sentiment', 'ticketing_system', 'ticketing_system.name', 'ticketing_system.external_id', 'ticketing_system.id_type',
];
/** Where extra fields can be added: the session itself ('') and its nested objects. */
const OBJECT_PATHS = ['', 'channel', 'contact', 'contact.custom_data', 'custom_data', 'team', 'handoff', 'ticketing_system'];
const ENUM_PATHS = ['status', 'channel.type', 'ai_closure_type', 'sentiment', 'handoff.sentiment', 'ticketing_system.id_type'];

const hostileString = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
  // Markup assembled from the pieces renderers trip on.
  { arbitrary: fc.array(fc.constantFrom('<', '>', '&', '"', "'", '`', '*', '_', '[', ']', '(', ')', '!', '#', '\\', '\n', 'a', 'b', 'img', 'script', '=', ' ', '/', ':'), { maxLength: 30 }).map((parts) => parts.join('')), weight: 2 },
);

/** Keys that collide with JavaScript's object machinery, or with the schema's own names. */
const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'raw', 'ID', 'id ', '', '<b>key</b>', 'x'.repeat(500)),
  fc.string({ maxLength: 12 }),
);

type Mutation =
  | { kind: 'drop'; path: string }
  | { kind: 'null'; path: string }
  | { kind: 'wrongType'; path: string; value: Json }
  | { kind: 'unknownEnum'; path: string; value: string }
  | { kind: 'extra'; path: string; key: string; value: Json }
  | { kind: 'deep'; path: string; depth: number; arrays: boolean }
  | { kind: 'huge'; path: string; length: number; unit: string }
  | { kind: 'hostile'; path: string; value: string };

const fieldPath = fc.constantFrom(...FIELD_PATHS);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('drop' as const), path: fieldPath }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('null' as const), path: fieldPath }), weight: 4 },
  {
    arbitrary: fc.record({
      kind: fc.constant('wrongType' as const),
      path: fieldPath,
      value: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant<Json>([]), fc.constant<Json>({}), fc.jsonValue({ maxDepth: 2 })) as fc.Arbitrary<Json>,
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('unknownEnum' as const), path: fc.constantFrom(...ENUM_PATHS), value: fc.oneof(fc.constantFrom('pending', 'OPEN', 'closed', 'telegram', 'escalated', ''), hostileString) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('extra' as const), path: fc.constantFrom(...OBJECT_PATHS), key: extraKey, value: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('deep' as const), path: fieldPath, depth: fc.integer({ min: 20, max: 250 }), arrays: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('huge' as const), path: fieldPath, length: fc.integer({ min: 10_000, max: 60_000 }), unit: fc.constantFrom('x', '<b>', '🙂', 'é ') }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('hostile' as const), path: fieldPath, value: hostileString }), weight: 4 },
);

function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object that holds `path`'s last key, created on the way when missing (a mutation may set below a dropped field). */
function parentOf(target: Record<string, Json>, path: string, create: boolean): [Record<string, Json>, string] | undefined {
  const keys = path.split('.');
  const last = keys.pop()!;
  let at = target;
  for (const key of keys) {
    if (!isRecord(at[key])) {
      if (!create) return undefined;
      at[key] = {};
    }
    at = at[key] as Record<string, Json>;
  }
  return [at, last];
}

/** The object at `path` ('' is the session), made an object if it is not one. */
function objectAt(session: Record<string, Json>, path: string): Record<string, Json> {
  if (path === '') return session;
  const [holder, key] = parentOf(session, path, true)!;
  if (!isRecord(holder[key])) setOwn(holder, key, {});
  return holder[key] as Record<string, Json>;
}

/** An own property even for '__proto__', so it reaches the JSON like any other key. */
function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function nest(depth: number, arrays: boolean): Json {
  let value: Json = 'bottom';
  for (let level = 0; level < depth; level++) value = arrays ? [value] : { nested: value };
  return value;
}

function applyMutation(session: Record<string, Json>, change: Mutation): void {
  if (change.kind === 'drop') {
    const found = parentOf(session, change.path, false);
    if (found) delete found[0][found[1]];
    return;
  }
  if (change.kind === 'extra') {
    setOwn(objectAt(session, change.path), change.key, structuredClone(change.value));
    return;
  }
  const [holder, key] = parentOf(session, change.path, true)!;
  const value: Json =
    change.kind === 'null' ? null
    : change.kind === 'deep' ? nest(change.depth, change.arrays)
    : change.kind === 'huge' ? change.unit.repeat(Math.ceil(change.length / change.unit.length))
    : structuredClone(change.value); // generated values can be shared between mutations: a copy each
  setOwn(holder, key, value);
}

/** What a mutated session starts from: a generated one, or one of the 2024 document. */
const baseSession: fc.Arbitrary<Record<string, Json>> = fc.oneof({ arbitrary: fc.constantFrom(...BASE_SESSIONS), weight: 4 }, { arbitrary: earlierSession, weight: 1 });
const page = fc.array(fc.record({ base: baseSession, mutations: fc.array(mutation, { maxLength: 6 }) }), { maxLength: 8 });

/** The items as the server sends them: mutated copies of sessions, through JSON as on the wire. */
function buildItems(spec: { base: Record<string, Json>; mutations: Mutation[] }[]): Record<string, Json>[] {
  const items = spec.map(({ base, mutations }) => {
    const session = structuredClone(base);
    for (const change of mutations) applyMutation(session, change);
    return session;
  });
  return JSON.parse(JSON.stringify(items)) as Record<string, Json>[];
}

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

/** What the tree must show: every item with a non-empty string id, in order (a repeated id is the same session, shown once). */
function expectedOf(items: unknown[]): { ids: string[]; first: Map<string, unknown>; unreadable: number } {
  const first = new Map<string, unknown>();
  let unreadable = 0;
  for (const item of items) {
    const id = isRecord(item) ? item.id : undefined;
    if (typeof id !== 'string' || id.length === 0) unreadable++;
    else if (!first.has(id)) first.set(id, item);
  }
  return { ids: [...first.keys()], first, unreadable };
}

const RESOURCES = { nonce: 'bm9uY2U=', script: '/* session.js */', style: '/* session.css */', lang: 'en' };

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

  test('2,000 mutated pages served by the stand-in: the tree always answers, shows every session with an id, in order, and counts the rest', async () => {
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
            assert.deepEqual(shown.map((node) => node.session.id), expected.ids, 'every session with an id, in order');
            assert.equal(noticeOf(children, 'error'), undefined, `no error item: ${noticeOf(children, 'error')?.error?.message}`);
            const unreadable = noticeOf(children, 'unreadable');
            assert.equal(unreadable?.unreadable ?? 0, expected.unreadable, 'items without an id are counted');
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

  test('a session nested 10,000 levels deep: the parser keeps it, and its page still renders', () => {
    // The random pages nest at most 250 levels to keep the run short; this is the deep end. JSON.parse
    // (what the client reads a body with) takes it; JSON.stringify in the stand-in would not, so the
    // body is parsed here directly.
    const body = `{"items":[{"id":"deep","status":"open","channel":{"type":"web"},"custom_data":${'{"nested":'.repeat(10_000)}1${'}'.repeat(10_000)}}],"next":null}`;
    survivesSync('deep nesting (10,000 levels)', () => {
      const [session] = parseSessionPage(JSON.parse(body)).items;
      assert.equal(session?.id, 'deep', 'the session is kept');
      renderAll(session);
      // And as sent: read from the text, without recursion.
      const [sent] = parseSessionPage(JSON.parse(body), new SentJson(body)).items;
      assert.ok(exactJsonOf(sent!).asSent);
      renderAll(sent);
    });
  });

  test('items of any JSON type, and any next cursor: the parser keeps every item with an id, in order, and counts the rest', () => {
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

// ---------------------------------------------------------------------------------------------
// The session page (webview) with hostile text in every string field it can show.

/** The page's own elements and attributes; anything else in the markup came from data. */
const PAGE_TAGS = new Set(['html', 'head', 'meta', 'style', 'title', 'body', 'header', 'h1', 'h2', 'p', 'code', 'div', 'button', 'main', 'section', 'span', 'pre', 'script', 'ol', 'ul', 'li', 'time']);
const PAGE_ATTRIBUTES = /^(?:lang|charset|http-equiv|content|name|id|class|tabindex|role|type|title|disabled|datetime|nonce|aria-[a-z]+|data-[a-z]+|data-session-id)$/;

/** Every tag of the page, with its attribute names; throws on a `<` that starts no well-formed tag. */
function tagsOf(html: string): { name: string; attributes: string[] }[] {
  const tags: { name: string; attributes: string[] }[] = [];
  const body = html.replace(/^<!DOCTYPE html>\n/, '');
  const tag = /<\/?([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/gy;
  for (let at = body.indexOf('<'); at !== -1; at = body.indexOf('<', at + 1)) {
    tag.lastIndex = at;
    const match = tag.exec(body);
    assert.ok(match, `a "<" that starts no tag of the page: ${JSON.stringify(body.slice(at, at + 60))}`);
    const attributes = [...match[2]!.matchAll(/\s+([a-z-]+)(?:="[^"]*")?/g)].map((attribute) => attribute[1]!);
    tags.push({ name: match[1]!, attributes });
  }
  return tags;
}

suite('hostile strings in the session page', function () {
  this.timeout(30_000);

  test('every string field, history and error text hostile: the page has only its own tags, and shows each string as text', () => {
    const hostileEverywhere = fc.record({
      session: fc.array(hostileString, { minLength: FIELD_PATHS.length, maxLength: FIELD_PATHS.length }),
      history: fc.array(hostileString, { minLength: 8, maxLength: 8 }),
      key: hostileString,
      error: hostileString,
    });
    fc.assert(
      fc.property(hostileEverywhere, ({ session: values, history, key, error }) => {
        const raw = structuredClone(BASE_SESSIONS[1]!) as Record<string, Json>;
        FIELD_PATHS.forEach((path, index) => {
          // Every string field gets hostile text; the id stays non-empty so the session is readable.
          if (!['ticket_number', 'assist_mode', 'channel', 'contact', 'team', 'handoff', 'ticketing_system', 'custom_data', 'contact.custom_data', 'contact.non_verified_custom_data'].includes(path)) {
            applyMutation(raw, { kind: 'hostile', path, value: path === 'id' ? `id:${values[index]!}` : values[index]! });
          }
        });
        // An extra field named like data; never one of the schema's own, which would just be another hostile value.
        setOwn(raw, FIELD_PATHS.includes(key) ? `${key}_extra` : key, key);
        const session = parseSession(JSON.parse(JSON.stringify(raw)));
        const [text, senderType, senderName, attachment, attachmentId, eventType, createdAt, eventId] = history as [string, string, string, string, string, string, string, string];
        const events = parseHistoryPage({
          items: [
            { id: eventId, created_at: createdAt, event: { type: eventType, sender: { type: senderType, name: senderName }, content: { type: 'text', text }, attachments: [{ id: attachmentId, name: attachment }] } },
            { id: null, created_at: null, event: { type: eventType, sender: null, content: null, attachments: [{ id: attachmentId, name: null }] } },
          ],
          next: 'older',
        }).items;
        const html = renderSessionPage(
          {
            session,
            refreshing: false,
            error: { message: error, canSetToken: true },
            history: { events, loaded: true, hasOlder: true, busy: false, unreadable: 1, error: { message: error, canSetToken: false } },
          },
          RESOURCES,
          { text: panelText(), now: NOW },
        );
        survivesSync('hostile strings in the session page', () => {
          for (const { name, attributes } of tagsOf(html)) {
            assert.ok(PAGE_TAGS.has(name), `<${name}> is not one of the page's elements`);
            for (const attribute of attributes) assert.match(attribute, PAGE_ATTRIBUTES, `<${name} ${attribute}> is not one of the page's attributes`);
          }
          assert.equal(html.match(/<script\b/g)?.length, 1, 'only the extension script');
          assert.equal(html.match(/<style\b/g)?.length, 1, 'only the extension stylesheet');
          // As text: every string of the session is in the JSON view, escaped.
          const strings: string[] = [];
          JSON.stringify(session.raw, function (this: unknown, name: string, value: unknown) {
            if (name && !Array.isArray(this)) strings.push(name);
            if (typeof value === 'string') strings.push(value);
            return value;
          });
          for (const value of strings) assert.ok(html.includes(escapeHtml(JSON.stringify(value))), `${JSON.stringify(value)} is shown in the JSON view`);
          // Text a person would not see is said to be missing rather than shown as an empty line.
          if (isVisible(text)) assert.ok(html.includes(`<div class="text">${escapeHtml(text)}</div>`), 'the message is shown as text');
          assert.ok(html.includes(`<span class="message">${escapeHtml(error)}</span>`), 'the error is shown as text');
        });
      }),
      { numRuns: 300 },
    );
  });
});

