// GET /chat/sessions/search: contacts (name, email, phone) and messages that match a text. Both
// lists are required; each hit is validated alone, so one odd hit does not lose the others, and
// keeps the server's object as `raw`.
import * as z from 'zod/mini';
import { MAX_ITEM_DEPTH, nestsDeeperThan } from './jsonDepth';
import { describeIssue, isRecord, lenientId, lenientText, SchemaError, SessionIdSchema } from './schemas';

const ContactHitSchema = z.object({ id: lenientId, name: lenientText, email: lenientText, phone: lenientText });
/** A message hit names its session; without a session id it cannot be opened and is not kept. */
const MessageHitSchema = z.object({ id: lenientId, session_id: SessionIdSchema, message: lenientText, type: lenientText });

export interface ContactHit extends z.infer<typeof ContactHitSchema> {
  raw: Record<string, unknown>;
}

export interface MessageHit extends z.infer<typeof MessageHitSchema> {
  raw: Record<string, unknown>;
}

export interface SearchResult {
  contacts: ContactHit[];
  messages: MessageHit[];
  /** Hits the server sent that cannot be shown (not an object, a message without a session id, nested too deep). */
  unreadable: number;
}

const EnvelopeSchema = z.object({ contacts: z.array(z.unknown()), messages: z.array(z.unknown()) });

function hits<T>(values: unknown[], schema: z.ZodMiniType<T>): { items: (T & { raw: Record<string, unknown> })[]; unreadable: number } {
  const items: (T & { raw: Record<string, unknown> })[] = [];
  let unreadable = 0;
  for (const value of values) {
    const parsed = nestsDeeperThan(value, MAX_ITEM_DEPTH) ? undefined : schema.safeParse(value);
    if (parsed?.success && isRecord(value)) items.push({ ...parsed.data, raw: value });
    else unreadable++;
  }
  return { items, unreadable };
}

export function parseSearchResult(body: unknown): SearchResult {
  const envelope = EnvelopeSchema.safeParse(body);
  if (!envelope.success) throw new SchemaError(describeIssue(envelope.error, body));
  const contacts = hits(envelope.data.contacts, ContactHitSchema);
  const messages = hits(envelope.data.messages, MessageHitSchema);
  return { contacts: contacts.items, messages: messages.items, unreadable: contacts.unreadable + messages.unreadable };
}
