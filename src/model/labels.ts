// How sessions, statuses and channels read to a person. Plain TypeScript, shared by the tree,
// the tooltips and the JSON view.
import type { ChannelType, Session, SessionStatus } from '../api/schemas';

export const STATUS_LABELS: Record<SessionStatus, string> = {
  open: 'Open',
  closed_resolved: 'Closed · resolved',
  closed_unresolved: 'Closed · unresolved',
};

export const CHANNEL_LABELS: Record<ChannelType, string> = {
  web: 'Web',
  email: 'Email',
  phone_voice: 'Phone',
  slack: 'Slack',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  instagram: 'Instagram',
  messenger: 'Messenger',
  api: 'API',
  web_voice: 'Web voice',
};

/** Systems a session can be handed off to, by the names their makers use. */
export const INTEGRATION_LABELS: Record<string, string> = {
  zendesk: 'Zendesk',
};

/** Values the server sent that this version does not know are shown as sent. */
export function statusLabel(status: string): string {
  return Object.hasOwn(STATUS_LABELS, status) ? STATUS_LABELS[status as SessionStatus] : status;
}

export function channelLabel(channel: string): string {
  return Object.hasOwn(CHANNEL_LABELS, channel) ? CHANNEL_LABELS[channel as ChannelType] : channel;
}

/** "zendesk" → "Zendesk"; one this version does not know by its type, humanised; nothing for a blank one. */
export function integrationLabel(type: string | null | undefined): string | undefined {
  if (!visible(type)) return undefined;
  return Object.hasOwn(INTEGRATION_LABELS, type) ? INTEGRATION_LABELS[type] : humanize(type);
}

/** "csat_survey_sent" → "Csat survey sent": an API name a person can read, for values no table knows. */
export function humanize(name: string): string {
  const words = name.replace(/[\s_-]+/g, ' ').trim();
  const first = words.codePointAt(0);
  if (first === undefined) return '';
  const initial = String.fromCodePoint(first);
  return initial.toUpperCase() + words.slice(initial.length);
}

/**
 * Whether a person would see anything of `value`: a string of only white space, control or format
 * characters (a zero-width space, a direction mark) shows as nothing, and a label made of it is blank.
 */
export function visible(value: unknown): value is string {
  return typeof value === 'string' && /[^\s\p{Cc}\p{Cf}]/u.test(value);
}

/** "#4521"; nothing for a ticket number that is absent or not a number a person could look up. */
function ticketLabel(ticket: number | null | undefined): string | undefined {
  return typeof ticket === 'number' && Number.isFinite(ticket) ? `#${ticket}` : undefined;
}

/** The timestamp as sent, when it is one; a value no date can be read from is not shown at all. */
function timestamp(iso: string | null | undefined): string | undefined {
  return visible(iso) && !Number.isNaN(Date.parse(iso)) ? iso.trim() : undefined;
}

/** The first of `isos` that is a time, e.g. the last update, else the creation. */
export function firstTime(...isos: (string | null | undefined)[]): string | undefined {
  return isos.map(timestamp).find((iso) => iso !== undefined);
}

/**
 * What a person recognises a conversation by: who it is with, else its ticket number, else its id.
 * Sessions of the 2024 document have no ticket number, and their contact's fields may all be null.
 */
export function sessionLabel(session: Session): string {
  const contact = session.contact;
  const candidates = [contact?.name, contact?.non_verified_name, contact?.email, contact?.non_verified_email, contact?.phone_number];
  const found = candidates.find(visible);
  if (found) return found.trim();
  const ticket = ticketLabel(session.ticket_number);
  if (ticket) return ticket;
  // By code point: a cut through a surrogate pair would show as a broken character.
  const short = [...session.id.trim()].slice(0, 8).join('');
  return visible(short) ? `Session ${short}` : 'Session';
}

/** "web · 3h ago": the channel and how long ago the session started (lists are newest first). */
export function sessionDescription(session: Session, now = Date.now()): string {
  const age = formatAge(session.created_at, now) || formatAge(session.updated_at, now);
  return [session.channel.type, age].filter(visible).map((part) => part.trim()).join(' · ');
}

/**
 * What the tooltip lists about a session, as it reads: a field that is absent, blank or not a time
 * is left out rather than shown as "null" or "Invalid Date". Sessions of the 2024 document lack
 * the ticket, AI closure and sentiment, and may have neither timestamp.
 */
export interface SessionFacts {
  ticket?: string;
  status?: string;
  channel?: string;
  aiClosure?: string;
  sentiment?: string;
  assignee?: string;
  team?: string;
  /** The handoff's summary; a session handed off without one has only `handedOff`. */
  handoff?: string;
  handedOff?: true;
  created?: string;
  updated?: string;
}

export function sessionFacts(session: Session): SessionFacts {
  const facts: SessionFacts = {};
  const put = (key: Exclude<keyof SessionFacts, 'handedOff'>, value: string | null | undefined) => {
    if (visible(value)) facts[key] = value.trim();
  };
  put('ticket', ticketLabel(session.ticket_number));
  put('status', statusLabel(session.status));
  put('channel', channelLabel(session.channel.type));
  put('aiClosure', session.ai_closure_type);
  put('sentiment', session.sentiment);
  put('assignee', session.assignee_id);
  put('team', session.team?.name);
  put('handoff', session.handoff?.summary);
  if (session.handoff) facts.handedOff = true;
  put('created', timestamp(session.created_at));
  put('updated', timestamp(session.updated_at));
  return facts;
}

export function formatAge(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const seconds = Math.round((now - time) / 1000);
  if (seconds < 0) return 'just now';
  if (seconds < 60) return `${seconds}s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ago`;
  const days = Math.floor(hours / 24);
  if (days < 60) return `${days}d ago`;
  const months = Math.floor(days / 30);
  return months < 24 ? `${months}mo ago` : `${Math.floor(days / 365)}y ago`;
}
