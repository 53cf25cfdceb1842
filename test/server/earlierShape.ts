// Sessions and history events of the vendor's earlier (2024) document, as servers that lag
// behind still send them: fewer fields, fewer channels, nullable timestamps, senders without names.
import type { Json, RawSession } from './data';
import { createRandom, DAY, iso, pick, uuid, weighted, type Random } from './generators';
import { FIRST_NAMES, LAST_NAMES, MESSAGES, NOTES, PHONE_CHANNELS, SUMMARIES } from './vocabulary';

/** The 2024 document's channels: no slack, instagram or messenger yet. */
const EARLIER_CHANNEL_WEIGHTS = { web: 30, email: 18, phone_voice: 8, sms: 6, whatsapp: 12, api: 6, web_voice: 4 };

/**
 * Sessions as the 2024 document has them: no ticket number, assist mode, sentiment or AI closure;
 * its channels only; a quarter without either timestamp and a quarter without an update time; a
 * third with a contact whose fields are all null, a third with none. They are older than every
 * current session, or have no time, so they come last: newest first, those without a time by id.
 * Their own random sequence leaves the current sessions as they would be without them.
 */
export function earlierSessions(count: number, seed: number, now: number): RawSession[] {
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

/**
 * The `event`s of a 2024 history, oldest first: messages whose sender has only a type (contact,
 * ai, human_agent); for a handed-off session, the handoff to Zendesk, an agent joining, an
 * internal comment and the takeover, after which the agent answers instead of the AI; for one
 * resolved without a handoff, the AI resolving the issue last.
 */
export function earlierEvents(random: Random, length: number, session: RawSession): Json[] {
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
