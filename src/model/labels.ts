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

/** Values the server sent that this version does not know are shown as sent. */
export function statusLabel(status: string): string {
  return Object.hasOwn(STATUS_LABELS, status) ? STATUS_LABELS[status as SessionStatus] : status;
}

export function channelLabel(channel: string): string {
  return Object.hasOwn(CHANNEL_LABELS, channel) ? CHANNEL_LABELS[channel as ChannelType] : channel;
}

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** What a person recognises a conversation by: who it is with, else its ticket number. */
export function sessionLabel(session: Session): string {
  const contact = session.contact;
  const candidates = [contact?.name, contact?.non_verified_name, contact?.email, contact?.non_verified_email, contact?.phone_number];
  const found = candidates.find(present);
  if (found) return found.trim();
  if (session.ticket_number != null) return `#${session.ticket_number}`;
  return `Session ${session.id.slice(0, 8)}`;
}

/** "web · 3h ago": the channel and how long ago the session started (lists are newest first). */
export function sessionDescription(session: Session, now = Date.now()): string {
  const age = formatAge(session.created_at ?? session.updated_at, now);
  return age ? `${session.channel.type} · ${age}` : session.channel.type;
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
