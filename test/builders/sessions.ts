// Sessions as the open.cx API sends them, for tests that need one or a few made by hand (the
// stand-in's seeded data is test/server/data.ts). Each builder starts from fixed defaults and
// takes overrides, so a test spells out only the fields its assertions depend on.
import { createHash } from 'node:crypto';
import { parseSession, type Session } from '../../src/api/schemas';
import type { RawSession } from '../server/data';

/** The id the reference's examples use; a session made without an id has it. */
export const SESSION_ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

/**
 * A session id (a UUID, as the API sends them) made from `name`, always the same for the same
 * name: tests name their sessions ("a", "null:contact") while the ids stay what the API sends.
 */
export function sessionIdFor(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A session with only what the reference requires (id, status, channel): open, on the web. */
export function rawSession(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: SESSION_ID, status: 'open', channel: { type: 'web' }, ...fields };
}

/** `rawSession` as the extension reads it. */
export function parsedSession(fields: Record<string, unknown> = {}): Session {
  return parseSession(rawSession(fields));
}

/**
 * A session with every field of the reference set and none null: a closed email session, handed
 * off, with a contact, a team and a ticketing system. Tests null or replace fields one at a time.
 */
export function fullRawSession(fields: Partial<RawSession> = {}): RawSession {
  return {
    id: SESSION_ID,
    status: 'closed_resolved',
    ai_closure_type: 'resolved',
    sentiment: 'happy',
    channel: { type: 'email' },
    ticket_number: 42,
    assist_mode: false,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T11:00:00Z',
    contact: {
      id: 'c-1', email: 'ada@example.com', phone_number: '+15550000000', name: 'Ada Abara', custom_data: { crm_id: 'C-1' },
      non_verified_name: 'Ada', non_verified_email: 'ada@mail.test', non_verified_custom_data: { source: 'widget' },
    },
    language: 'en',
    assignee_id: 'agent-1',
    custom_data: { plan: 'pro' },
    team: { id: 't-1', name: 'Billing', description: 'Invoices' },
    handoff: { summary: 'Wants a refund.', sentiment: 'neutral' },
    ticketing_system: { name: 'zendesk', external_id: 'EXT-1', id_type: 'conversation_id' },
    ...fields,
  };
}
