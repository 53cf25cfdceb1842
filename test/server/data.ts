// Deterministic seeded data for the local open.cx stand-in: the same seed and anchor always give
// the same sessions and histories, spread over every status, channel, handoff state, sentiment
// and age, with the nulls and missing fields the real API is allowed to send, and sessions and
// history events of the vendor's earlier (2024) document, as servers that lag behind still send.
import { CHANNEL_TYPES } from '../../src/api/schemas';
import { earlierEvents, earlierSessions } from './earlierShape';
import { createRandom, DAY, iso, pick, uuid, weighted, type Random } from './generators';
import { FIRST_NAMES, LAST_NAMES, MESSAGES, PHONE_CHANNELS, SUMMARIES, TEAMS } from './vocabulary';

export { createRandom } from './generators';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type RawSession = { [key: string]: Json } & {
  id: string;
  status: string;
  channel: { type: string };
  /** Null only in sessions of the 2024 document, which requires both timestamps but allows null. */
  created_at: string | null;
  updated_at: string | null;
  handoff?: Json;
};
export type RawHistoryEvent = { [key: string]: Json };

const CHANNEL_WEIGHTS: Record<(typeof CHANNEL_TYPES)[number], number> = {
  web: 30, email: 18, phone_voice: 8, slack: 6, sms: 6, whatsapp: 12, instagram: 5, messenger: 5, api: 6, web_voice: 4,
};

export interface DataOptions {
  /** Number of sessions. */
  count?: number;
  seed?: number;
  /** "Now" of the data set: every session is created before it. */
  anchor?: Date;
  /**
   * Make the newest session (open, web) hostile and drifted (markup in customer-controlled text,
   * an unknown enum value, unknown fields), as real data can be. Default true.
   */
  edgeCases?: boolean;
  /**
   * Add sessions of the vendor's 2024 document, one for every 16 current ones (1 in 17 of all),
   * after the current ones, which stay exactly as they would be without them. Default true.
   */
  earlierShape?: boolean;
}

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
export const HOSTILE_SUMMARY = '**urgent** [click me](command:opencx.signOut) <script>alert(2)</script>';


export function generateSessions({ count = 3000, seed = 1, anchor = new Date(), edgeCases = true, earlierShape = true }: DataOptions = {}): RawSession[] {
  const random = createRandom(seed);
  const now = anchor.getTime();
  const sessions: RawSession[] = [];
  for (let index = 0; index < count; index++) {
    // Ages skew recent: many sessions today, a long tail over 120 days.
    const created = now - Math.floor(random() ** 2.2 * 120 * DAY) - 60_000;
    const updated = created + Math.floor(random() * random() * Math.min(3 * DAY, now - created));
    const status = weighted(random, { open: 30, closed_resolved: 45, closed_unresolved: 25 });
    const channel = weighted(random, CHANNEL_WEIGHTS);
    const handedOff = random() < 0.3;
    const sentiment = weighted(random, { angry: 2, happy: 3, neutral: 4, null: 2 });
    const session: RawSession = {
      id: uuid(random),
      status,
      ai_closure_type:
        status === 'open'
          ? handedOff ? 'handed_off' : null
          : handedOff ? 'handed_off' : pick(random, ['resolved', 'assumed_resolved']),
      sentiment: sentiment === 'null' ? null : sentiment,
      channel: { type: channel },
      ticket_number: 0,
      assist_mode: random() < 0.2,
      created_at: iso(created),
      updated_at: iso(updated),
    };
    const contactRoll = random();
    if (contactRoll < 0.88) session.contact = makeContact(random, channel);
    else if (contactRoll < 0.94) session.contact = null;
    if (random() < 0.7) session.language = pick(random, ['en', 'de', 'fr', 'es', 'pt']);
    if (random() < 0.6) session.assignee_id = uuid(random);
    else if (random() < 0.5) session.assignee_id = null;
    session.custom_data = random() < 0.3 ? { plan: pick(random, ['free', 'pro', 'enterprise']), account_age_days: Math.floor(random() * 900) } : {};
    if (random() < 0.6) session.team = { id: uuid(random), ...pick(random, TEAMS) };
    if (handedOff) {
      session.handoff = { summary: pick(random, SUMMARIES), sentiment: pick(random, ['angry', 'neutral', 'happy', null]) };
    }
    if (random() < 0.2) {
      session.ticketing_system = { name: pick(random, ['dynamics365', 'zendesk', 'jira']), external_id: `EXT-${Math.floor(random() * 1e6)}`, id_type: 'conversation_id' };
    }
    sessions.push(session);
  }
  // Newest first, as a support inbox lists them; ticket numbers follow creation order.
  sessions.sort((a, b) => (a.created_at! < b.created_at! ? 1 : a.created_at! > b.created_at! ? -1 : a.id.localeCompare(b.id)));
  sessions.forEach((session, index) => (session.ticket_number = count - index));
  // The newest session of all: first in every list that can hold it.
  const edge = edgeCases ? sessions[0] : undefined;
  if (edge) {
    edge.status = 'open';
    edge.channel = { type: 'web' };
    edge.ai_closure_type = 'handed_off';
    edge.contact = { id: uuid(random), name: HOSTILE_NAME, email: 'mallory@example.com', custom_data: { note: '</script><b>x</b>' } };
    edge.sentiment = 'confused';
    edge.handoff = { summary: HOSTILE_SUMMARY, sentiment: 'angry' };
    edge.x_experimental_routing = { queue: 'priority', weights: [0.2, 0.8] };
    edge.tags = ['vip', '"quoted"'];
  }
  if (earlierShape) sessions.push(...earlierSessions(Math.floor(count / 16), seed, now));
  return sessions;
}

function makeContact(random: Random, channel: string): { [key: string]: Json } {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const contact: { [key: string]: Json } = { id: uuid(random) };
  if (random() < 0.75) contact.name = `${first} ${last}`;
  else if (random() < 0.5) contact.name = null;
  if (channel === 'email' || random() < 0.5) {
    contact.email = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '') + '@example.com';
  }
  if (PHONE_CHANNELS.includes(channel) || random() < 0.15) {
    contact.phone_number = `+1555${String(Math.floor(random() * 1e7)).padStart(7, '0')}`;
  }
  contact.custom_data = random() < 0.3 ? { crm_id: `C-${Math.floor(random() * 1e5)}` } : {};
  if (random() < 0.2) contact.non_verified_name = `${first}`;
  if (random() < 0.1) contact.non_verified_email = `${first.toLowerCase()}@mail.test`;
  if (random() < 0.1) contact.non_verified_custom_data = { source: 'widget' };
  return contact;
}

/** The history of one session, newest event first; derived from the session, so stable. */
export function generateHistory(session: RawSession, seed = 1): RawHistoryEvent[] {
  const random = createRandom(seed ^ parseInt(session.id.slice(0, 8), 16));
  const length = 3 + Math.floor(random() * 40);
  const created = Date.parse(session.created_at ?? '');
  const updated = Date.parse(session.updated_at ?? '');
  // A session without a time still has events with one: somewhere in the 2024 document's year.
  const start = Number.isNaN(created) ? Date.parse('2024-01-01T00:00:00Z') + Math.floor(random() * 365 * DAY) : created;
  const end = Math.max(start + 1000, Number.isNaN(updated) ? start + 3_600_000 : updated);
  // The 2024 document has no ticket numbers: a session without one gets a history of that document.
  if (!('ticket_number' in session)) {
    const events = earlierEvents(random, length, session);
    return events.map((event, index) => ({ id: uuid(random), created_at: new Date(start + Math.floor(((end - start) * index) / events.length)).toISOString(), event })).reverse();
  }
  const contact = session.contact as { name?: string } | null | undefined;
  const events: RawHistoryEvent[] = [];
  for (let index = 0; index < length; index++) {
    const senderType = index === 0 ? 'contact' : pick(random, ['contact', 'ai', 'ai', 'agent']);
    const attachments: Json[] =
      random() < 0.1 ? [{ id: uuid(random), name: pick(random, ['screenshot.png', 'invoice.pdf', 'log.txt']), size: Math.floor(random() * 500_000), type: 'file', url: 'https://files.example.com/a' }] : [];
    events.push({
      id: uuid(random),
      created_at: new Date(start + Math.floor(((end - start) * index) / length)).toISOString(),
      event: {
        type: 'message',
        sender: {
          type: senderType,
          name: senderType === 'contact' ? (contact?.name ?? null) : senderType === 'ai' ? 'open.cx AI' : 'Support agent',
        },
        content: { type: 'text', text: pick(random, MESSAGES) },
        attachments,
        context: null,
      },
    });
  }
  return events.reverse();
}
