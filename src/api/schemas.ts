// Response schemas of the open.cx chat sessions API.
//
// Real payloads drift from the reference: optional fields arrive as null or go missing, enums gain
// values, new fields appear. These schemas validate only the fields the extension reads, and
// degrade a field of the wrong type to null instead of rejecting the session; the untouched server
// object is kept as `raw` so the JSON view and the copy commands show everything that was sent
// (and sentJson.ts keeps the text it came from, to show it exactly as sent).
// Every validated field costs time on every session of every page, so a field joins the schema
// when something starts reading it, not before. An item nested deeper than MAX_ITEM_DEPTH
// (jsonDepth.ts) cannot be read: the other items of its page are read all the same.
import * as z from 'zod/mini';
import { isSessionId } from './ids';
import { MAX_ITEM_DEPTH, nestsDeeperThan } from './jsonDepth';
import type { SentJson } from './sentJson';

export const SESSION_STATUSES = ['open', 'closed_resolved', 'closed_unresolved'] as const;
export const CHANNEL_TYPES = [
  'web',
  'email',
  'phone_voice',
  'slack',
  'sms',
  'whatsapp',
  'instagram',
  'messenger',
  'api',
  'web_voice',
] as const;

export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type ChannelType = (typeof CHANNEL_TYPES)[number];
/** A documented enum value, or whatever new value the server started sending. */
export type Open<T extends string> = T | (string & {});

/** Lenient fields: a field of the wrong type becomes null rather than failing the whole object. */
export const lenientText = z.catch(z.nullish(z.string()), null);
const lenientCount = z.catch(z.nullish(z.number()), null);
/** An id the API may send as a number (the 2024 document's agent ids) or as a string. */
export const lenientId = z.catch(z.nullish(z.union([z.string(), z.number()])), null);
const lenientObject = <T extends z.core.$ZodLooseShape>(shape: T) => z.catch(z.nullish(z.object(shape)), null);
/**
 * A session's id, strict: it names the session in requests, links, commands and titles, so an
 * item without a UUID there is unreadable rather than a way to put other text in those places.
 */
export const SessionIdSchema = z.string().check(z.refine(isSessionId, 'not a session id (a UUID)'));

/** The fields a session's label, description, icon, tooltip and panel header are made of. */
export const SessionSchema = z.object({
  id: SessionIdSchema,
  status: z.catch(z.string(), 'unknown'),
  ai_closure_type: lenientText,
  sentiment: lenientText,
  channel: z.catch(z.object({ type: z.catch(z.string(), 'unknown') }), { type: 'unknown' }),
  ticket_number: lenientCount,
  created_at: lenientText,
  updated_at: lenientText,
  contact: lenientObject({ name: lenientText, non_verified_name: lenientText, email: lenientText, non_verified_email: lenientText, phone_number: lenientText }),
  assignee_id: lenientText,
  team: lenientObject({ name: lenientText }),
  handoff: lenientObject({ summary: lenientText }),
});

type ParsedSession = z.infer<typeof SessionSchema>;

export interface Session extends Omit<ParsedSession, 'status' | 'channel' | 'ai_closure_type' | 'sentiment'> {
  status: Open<SessionStatus>;
  channel: { type: Open<ChannelType> };
  ai_closure_type?: Open<'assumed_resolved' | 'handed_off' | 'resolved'> | null;
  sentiment?: Open<'angry' | 'happy' | 'neutral'> | null;
  /**
   * The session object as JSON.parse made it, unknown fields included. JSON.parse rounds big
   * numbers, reorders integer-like keys and drops repeated ones: exactJsonOf shows it as sent.
   */
  raw: Record<string, unknown>;
}

/**
 * One history item. The current reference sends only messages; the 2024 document's events are a
 * union told apart by `type`: messages, handoffs to an `integration`, internal comments and an
 * agent joining or taking over (with `human_agent_id`), and the AI resolving the issue.
 */
const HistoryItemSchema = z.object({
  id: lenientId,
  created_at: lenientText,
  event: z.catch(
    z.nullish(
      z.object({
        type: lenientText,
        sender: lenientObject({ type: lenientText, name: lenientText }),
        content: lenientObject({ type: lenientText, text: lenientText }),
        attachments: z.catch(
          z.nullish(
            z.array(
              z.catch(z.object({ id: lenientText, name: lenientText, size: lenientCount, type: lenientText, url: lenientText }), {
                id: null,
                name: null,
                size: null,
                type: null,
                url: null,
              }),
            ),
          ),
          null,
        ),
        context: z.catch(z.unknown(), null),
        integration: lenientObject({ type: lenientText }),
        human_agent_id: lenientId,
      }),
    ),
    null,
  ),
});

export interface HistoryEvent extends z.infer<typeof HistoryItemSchema> {
  raw: Record<string, unknown>;
}

/**
 * The envelope every cursor-paged endpoint shares; items are validated one by one. A `next` that
 * is absent, null or "" ends the list; any other non-string cannot be followed, and reading it as
 * the end would show a partial list as complete.
 */
const PageSchema = z.object({
  items: z.array(z.unknown()),
  next: z.nullish(z.string()),
});

export interface Page<T> {
  items: T[];
  /** Cursor of the next page; null on the last page. */
  next: string | null;
  /** Items the server sent that cannot be shown (not an object, without a session id, nested too deep). */
  unreadable: number;
}

export class SchemaError extends Error {}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value's type as a sentence names it: "a number", "an array", "null". */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Fields whose expected type reads better in the API's own terms. */
const EXPECTED: Record<string, string> = { next: 'a cursor string or null' };

/** The first problem zod found in `input`, naming what arrived there and what was expected. */
export function describeIssue(error: z.core.$ZodError, input: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected shape';
  const path = issue.path.join('.');
  const where = path ? `'${path}'` : 'the body';
  if (issue.code !== 'invalid_type') return `${where}: ${issue.message}`;
  // zod does not keep the input in its issues; the path leads back to it.
  const found = issue.path.reduce<unknown>((at, key) => (typeof at === 'object' && at !== null ? (at as Record<PropertyKey, unknown>)[key] : undefined), input);
  if (found === undefined) return `${where} is missing`;
  const expected = EXPECTED[path] ?? (issue.expected === 'array' || issue.expected === 'object' ? `an ${issue.expected}` : `a ${issue.expected}`);
  return `${where} is ${typeOf(found)}, expected ${expected}`;
}

/** `sent`: the text `value` was parsed from, for exactJsonOf. */
export function parseSession(value: unknown, sent?: SentJson): Session {
  if (nestsDeeperThan(value, MAX_ITEM_DEPTH)) throw new SchemaError(`the session nests deeper than ${MAX_ITEM_DEPTH} levels`);
  const parsed = SessionSchema.safeParse(value);
  if (!parsed.success || !isRecord(value)) {
    throw new SchemaError(parsed.success ? 'the session is not an object' : describeIssue(parsed.error, value));
  }
  // The parsed object is zod's fresh copy, so it can carry the raw one without another copy.
  const session = Object.assign(parsed.data, { raw: value });
  sent?.rememberBody(session);
  return session;
}

function parseHistoryEvent(value: unknown): HistoryEvent {
  if (nestsDeeperThan(value, MAX_ITEM_DEPTH)) throw new SchemaError(`the event nests deeper than ${MAX_ITEM_DEPTH} levels`);
  const parsed = HistoryItemSchema.safeParse(value);
  if (!parsed.success || !isRecord(value)) throw new SchemaError('the event is not an object');
  return { ...parsed.data, raw: value };
}

function parsePage<T extends object>(body: unknown, parseItem: (item: unknown) => T, sent: SentJson | undefined): Page<T> {
  const envelope = PageSchema.safeParse(body);
  if (!envelope.success) throw new SchemaError(describeIssue(envelope.error, body));
  const items: T[] = [];
  let unreadable = 0;
  const received = envelope.data.items;
  for (let index = 0; index < received.length; index++) {
    const item = received[index];
    try {
      const parsed = parseItem(item);
      // The index is the item's place in the body, unreadable items included.
      sent?.rememberItem(parsed, index);
      items.push(parsed);
    } catch {
      unreadable++;
    }
  }
  return { items, next: envelope.data.next || null, unreadable };
}

/** `sent`: the text `body` was parsed from, for exactJsonOf. */
export const parseSessionPage = (body: unknown, sent?: SentJson): Page<Session> => parsePage(body, parseSession, sent);
export const parseHistoryPage = (body: unknown, sent?: SentJson): Page<HistoryEvent> => parsePage(body, parseHistoryEvent, sent);
