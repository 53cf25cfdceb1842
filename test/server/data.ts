// Deterministic seeded data for the local open.cx stand-in: the same seed and anchor always give
// the same sessions and histories, spread over every status, channel, handoff state, sentiment
// and age, with the nulls and missing fields the real API is allowed to send, and sessions and
// history events of the vendor's earlier (2024) document, as servers that lag behind still send.
import { CHANNEL_TYPES } from '../../src/api/schemas';

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

/** mulberry32: small, fast, good enough for test data, and reproducible. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(random: Random, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

function weighted<T extends string>(random: Random, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let roll = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const FIRST_NAMES = ['Ada', 'Björn', 'Chloé', 'Dmitri', 'Emeka', 'Fatima', 'Grace', 'Hiro', 'Inés', 'Jonas', 'Kavya', 'Liam', 'Mei', 'Noah', 'Olga', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoë'];
const LAST_NAMES = ['Abara', 'Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Ivanova', 'Jensen', 'Kim', 'Lopez', 'Müller', 'Nakamura', "O'Brien", 'Patel', 'Rossi', 'Schmidt', 'Tanaka', 'Weber'];
const TEAMS = [
  { name: 'Billing', description: 'Invoices, refunds and plans' },
  { name: 'Technical Support', description: 'Integrations and bugs' },
  { name: 'Onboarding', description: null },
  { name: 'VIP', description: 'Enterprise accounts' },
];
const SUMMARIES = [
  'Customer asks for a refund of a duplicate charge.',
  'Widget does not load on Safari; customer shared a console error.',
  'Wants to upgrade to the annual plan and needs a quote.',
  'Password reset email never arrives.',
  'Asked to speak with a human about a cancelled order.',
];
const MESSAGES = [
  'Hi, I need help with my order.',
  'Can you check the status of my refund?',
  'The app crashes when I open settings.',
  'Thanks, that fixed it!',
  'I would like to talk to a person, please.',
  'Let me look into that for you.',
  'Could you share your order number?',
  'I have escalated this to our billing team.',
];
const CHANNEL_WEIGHTS: Record<(typeof CHANNEL_TYPES)[number], number> = {
  web: 30, email: 18, phone_voice: 8, slack: 6, sms: 6, whatsapp: 12, instagram: 5, messenger: 5, api: 6, web_voice: 4,
};
/** The 2024 document's channels: no slack, instagram or messenger yet. */
const EARLIER_CHANNEL_WEIGHTS = { web: 30, email: 18, phone_voice: 8, sms: 6, whatsapp: 12, api: 6, web_voice: 4 };
const PHONE_CHANNELS = ['phone_voice', 'sms', 'whatsapp'];
const NOTES = [
  'Customer is on the annual plan; the refund needs approval.',
  'Checked the payment logs: the card was charged twice.',
  'Escalating to billing. Do not promise a date.',
  'Known issue, linked to the Safari widget bug.',
];

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

const DAY = 86_400_000;

/** An API timestamp: ISO 8601 in UTC, without milliseconds when they are zero. */
const iso = (time: number) => new Date(time).toISOString().replace('.000Z', 'Z');

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

/**
 * Sessions as the 2024 document has them: no ticket number, assist mode, sentiment or AI closure;
 * its channels only; a quarter without either timestamp and a quarter without an update time; a
 * third with a contact whose fields are all null, a third with none. They are older than every
 * current session, or have no time, so they come last: newest first, those without a time by id.
 * Their own random sequence leaves the current sessions as they would be without them.
 */
function earlierSessions(count: number, seed: number, now: number): RawSession[] {
  const random = createRandom(seed ^ 0x2024);
  const sessions: RawSession[] = [];
  for (let index = 0; index < count; index++) {
    const created = now - 121 * DAY - Math.floor(random() * 365 * DAY);
    const channel = weighted(random, EARLIER_CHANNEL_WEIGHTS);
    const session: RawSession = {
      id: uuid(random),
      status: weighted(random, { open: 20, closed_resolved: 50, closed_unresolved: 30 }),
      channel: { type: channel },
      created_at: index % 4 === 0 ? null : iso(created),
      updated_at: index % 2 === 0 ? null : iso(created + Math.floor(random() * 2 * DAY)),
    };
    if (index % 3 === 0) session.contact = { id: null, email: null, phone_number: null, name: null, custom_data: null };
    else if (index % 3 === 1) session.contact = earlierContact(random, channel);
    if (random() < 0.6) session.language = pick(random, ['en', 'de', 'fr', 'es', 'pt']);
    if (random() < 0.5) session.assignee_id = uuid(random);
    if (index % 2 === 1) session.handoff = { summary: pick(random, SUMMARIES), sentiment: pick(random, ['angry', 'neutral', 'happy', null]) };
    sessions.push(session);
  }
  const time = (session: RawSession) => (session.created_at === null ? -Infinity : Date.parse(session.created_at));
  return sessions.sort((a, b) => time(b) - time(a) || a.id.localeCompare(b.id));
}

/** The 2024 document's contact: every field present, each of them nullable. */
function earlierContact(random: Random, channel: string): { [key: string]: Json } {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  return {
    id: uuid(random),
    email: channel === 'email' || random() < 0.4 ? `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '') + '@example.com' : null,
    phone_number: PHONE_CHANNELS.includes(channel) ? `+1555${String(Math.floor(random() * 1e7)).padStart(7, '0')}` : null,
    name: random() < 0.6 ? `${first} ${last}` : null,
    custom_data: random() < 0.3 ? { crm_id: `C-${Math.floor(random() * 1e5)}` } : null,
  };
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

/**
 * The `event`s of a 2024 history, oldest first: messages whose sender has only a type (contact,
 * ai, human_agent); for a handed-off session, the handoff to Zendesk, an agent joining, an
 * internal comment and the takeover, after which the agent answers instead of the AI; for one
 * resolved without a handoff, the AI resolving the issue last.
 */
function earlierEvents(random: Random, length: number, session: RawSession): Json[] {
  const agent = 1 + Math.floor(random() * 40);
  const handoffAt = session.handoff != null ? 1 + Math.floor(random() * (length - 1)) : length;
  const events: Json[] = [];
  for (let index = 0; index < length; index++) {
    if (index === handoffAt) {
      events.push(
        { type: 'handoff', integration: { type: 'zendesk' } },
        { type: 'human_agent_joined', human_agent_id: agent },
        { type: 'human_agent_comment', human_agent_id: agent, content: { type: 'text', text: pick(random, NOTES) } },
        { type: 'human_agent_takeover', human_agent_id: agent },
      );
    }
    const sender = index === 0 ? 'contact' : pick(random, index >= handoffAt ? ['contact', 'human_agent'] : ['contact', 'ai', 'ai']);
    events.push({ type: 'message', sender: { type: sender }, content: { type: 'text', text: pick(random, MESSAGES) } });
  }
  if (session.handoff == null && session.status === 'closed_resolved') events.push({ type: 'ai_resolved_issue' });
  return events;
}
