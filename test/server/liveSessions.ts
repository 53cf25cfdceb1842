// Sessions that arrive, change and go while the stand-in runs (test-only), so that watching is
// tested over real HTTP: `POST /__stand-in/sessions` adds one at the top of every list it belongs
// to, `PATCH /__stand-in/sessions/{id}` changes fields of one, `DELETE` removes one.
import { randomUUID } from 'node:crypto';
import type { Json, RawSession } from './data';

/** Fields a test may set on a new session, or change on one; the rest is made up. */
export type SessionChanges = Partial<Omit<RawSession, 'id'>> & { id?: string };

const iso = (time: number) => new Date(time).toISOString();

/**
 * The list as the stand-in keeps it: newest first by creation. A new session is created now (a
 * millisecond after the newest one, should the clock be behind it), so it comes first.
 */
export class LiveSessions {
  constructor(
    private readonly sessions: RawSession[],
    private readonly byId: Map<string, RawSession>,
  ) {}

  add(fields: SessionChanges = {}): RawSession {
    const newest = this.sessions.reduce((latest, session) => Math.max(latest, Date.parse(session.created_at ?? '') || 0), 0);
    const created = iso(Math.max(Date.now(), newest + 1));
    const ticket = this.sessions.reduce((max, session) => Math.max(max, typeof session.ticket_number === 'number' ? session.ticket_number : 0), 0) + 1;
    const session: RawSession = {
      id: randomUUID(),
      status: 'open',
      ai_closure_type: null,
      sentiment: null,
      channel: { type: 'web' },
      ticket_number: ticket,
      assist_mode: false,
      created_at: created,
      updated_at: created,
      contact: { id: randomUUID(), name: `New customer ${ticket}`, email: `customer${ticket}@example.com`, custom_data: {} },
      custom_data: {},
      ...(fields as { [key: string]: Json }),
    } as RawSession;
    if (this.byId.has(session.id)) throw new Error(`a session ${session.id} exists already`);
    this.sessions.unshift(session);
    this.byId.set(session.id, session);
    return session;
  }

  /** Changes fields of a session in place (its place in the lists stays); updated_at becomes now. */
  change(id: string, fields: SessionChanges): RawSession | undefined {
    const session = this.byId.get(id);
    if (!session) return undefined;
    Object.assign(session, { updated_at: iso(Date.now()) }, fields, { id });
    return session;
  }

  remove(id: string): boolean {
    const session = this.byId.get(id);
    if (!session) return false;
    this.sessions.splice(this.sessions.indexOf(session), 1);
    this.byId.delete(id);
    return true;
  }
}
