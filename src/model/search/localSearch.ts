// Finding sessions among those already loaded, as the user types, without a request: by contact
// name, email or phone, ticket number (`#1234` or `1234`) or session id. Plain TypeScript.
import type { Session } from '../../api/schemas';

const digits = (text: string) => text.replace(/\D/g, '');

/** The loaded sessions `query` names, each once, in the order given; at most `limit`. */
export function matchLoadedSessions(sessions: readonly Session[], query: string, limit = 50): Session[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const ticket = /^#?(\d+)$/.exec(needle)?.[1];
  const phoneDigits = digits(needle);
  const contains = (value: string | null | undefined) => typeof value === 'string' && value.toLowerCase().includes(needle);
  const matches = (session: Session) => {
    const contact = session.contact;
    if (ticket !== undefined && session.ticket_number != null && String(session.ticket_number) === ticket) return true;
    if (contains(session.id)) return true;
    if (!contact) return false;
    if ([contact.name, contact.non_verified_name, contact.email, contact.non_verified_email, contact.phone_number].some(contains)) return true;
    // "+1 555 0100" finds "+15550100": phone numbers are written with and without separators.
    return phoneDigits.length >= 4 && typeof contact.phone_number === 'string' && digits(contact.phone_number).includes(phoneDigits);
  };
  const seen = new Set<string>();
  const found: Session[] = [];
  for (const session of sessions) {
    if (found.length === limit) break;
    if (seen.has(session.id) || !matches(session)) continue;
    seen.add(session.id);
    found.push(session);
  }
  return found;
}

/**
 * The part of `text` around the first match of `query`, about `width` characters, on one line,
 * with "…" where it was cut; the start of the text when `query` is not in it.
 */
export function snippetAround(text: string, query: string, width = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const at = flat.toLowerCase().indexOf(query.trim().toLowerCase());
  const center = at < 0 ? 0 : at + Math.floor(query.trim().length / 2);
  const start = Math.max(0, Math.min(center - Math.floor(width / 2), flat.length - width));
  const end = Math.min(flat.length, start + width);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}
