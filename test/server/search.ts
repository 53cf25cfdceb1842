// GET /chat/sessions/search: contacts and messages that hold the words asked for.
import type { Json, RawHistoryEvent, RawSession } from './data';
import { HttpFailure } from './http';

/** Hits of each kind the stand-in's search answers with at most. */
export const SEARCH_LIMIT = 50;

/**
 * GET /chat/sessions/search as the reference describes it: case-insensitive matches over contact
 * name, email and phone and over message text; `q` required and not empty. The reference names
 * no limit; the stand-in answers at most SEARCH_LIMIT hits of each kind.
 */
export function searchSessions(
  sessions: readonly RawSession[],
  historyOf: (session: RawSession) => RawHistoryEvent[],
  q: string | undefined,
): { contacts: Json[]; messages: Json[] } {
  if (!q) throw new HttpFailure(400, 'q should not be empty');
  const needle = q.toLowerCase();
  const has = (value: Json | undefined) => typeof value === 'string' && value.toLowerCase().includes(needle);
  const contacts = new Map<string, Json>();
  for (const session of sessions) {
    const contact = session.contact as { [key: string]: Json } | null | undefined;
    if (!contact || typeof contact.id !== 'string' || contacts.has(contact.id)) continue;
    if (has(contact.name) || has(contact.email) || has(contact.phone_number)) {
      contacts.set(contact.id, { id: contact.id, name: contact.name ?? null, email: contact.email ?? null, phone: contact.phone_number ?? null });
    }
    if (contacts.size === SEARCH_LIMIT) break;
  }
  const messages: Json[] = [];
  for (const session of sessions) {
    for (const item of historyOf(session)) {
      const event = item.event as { type?: Json; content?: { text?: Json } | null } | null;
      const message = event?.content?.text;
      if (typeof message === 'string' && has(message)) messages.push({ id: item.id ?? null, session_id: session.id, message, type: event?.type ?? null });
      if (messages.length === SEARCH_LIMIT) break;
    }
    if (messages.length === SEARCH_LIMIT) break;
  }
  return { contacts: [...contacts.values()], messages };
}
