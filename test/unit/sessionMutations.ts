// Mutations of sessions as the server sends them, for the property-based payload tests: fields
// dropped, nulled, of the wrong type, unknown enum values, extra fields, deep nesting, huge and
// hostile strings, applied to generated sessions and to sessions of the vendor's 2024 document.
import fc from 'fast-check';
import { generateSessions, type Json } from '../server/data';
import { earlierSession } from './earlierShapeArbitraries';
import { HOSTILE_STRINGS } from './faultReport';

export const BASE_SESSIONS = generateSessions({ count: 40, seed: 99, anchor: new Date('2026-11-01T12:00:00Z') });

export const FIELD_PATHS = [
  'id', 'status', 'ai_closure_type', 'sentiment', 'channel', 'channel.type', 'ticket_number', 'assist_mode', 'created_at', 'updated_at',
  'contact', 'contact.id', 'contact.email', 'contact.phone_number', 'contact.name', 'contact.custom_data',
  'contact.non_verified_name', 'contact.non_verified_email', 'contact.non_verified_custom_data',
  'language', 'assignee_id', 'custom_data', 'team', 'team.id', 'team.name', 'team.description',
  'handoff', 'handoff.summary', 'handoff.sentiment', 'ticketing_system', 'ticketing_system.name', 'ticketing_system.external_id', 'ticketing_system.id_type',
];
/** Where extra fields can be added: the session itself ('') and its nested objects. */
const OBJECT_PATHS = ['', 'channel', 'contact', 'contact.custom_data', 'custom_data', 'team', 'handoff', 'ticketing_system'];
const ENUM_PATHS = ['status', 'channel.type', 'ai_closure_type', 'sentiment', 'handoff.sentiment', 'ticketing_system.id_type'];

export const hostileString = fc.oneof(
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

export function isRecord(value: unknown): value is Record<string, Json> {
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
export function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function nest(depth: number, arrays: boolean): Json {
  let value: Json = 'bottom';
  for (let level = 0; level < depth; level++) value = arrays ? [value] : { nested: value };
  return value;
}

export function applyMutation(session: Record<string, Json>, change: Mutation): void {
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
export const page = fc.array(fc.record({ base: baseSession, mutations: fc.array(mutation, { maxLength: 6 }) }), { maxLength: 8 });

/** The items as the server sends them: mutated copies of sessions, through JSON as on the wire. */
export function buildItems(spec: { base: Record<string, Json>; mutations: Mutation[] }[]): Record<string, Json>[] {
  const items = spec.map(({ base, mutations }) => {
    const session = structuredClone(base);
    for (const change of mutations) applyMutation(session, change);
    return session;
  });
  return JSON.parse(JSON.stringify(items)) as Record<string, Json>[];
}
