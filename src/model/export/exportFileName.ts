// The name a save dialog proposes for an export: what was exported and the day, such as
// open-web-handoffs-2026-12-06.jsonl for Open › Web with "handed off" in the filter, or
// open-web-session-3c90c3cc-2026-12-06.jsonl for one session from its panel.
import type { Session } from '../../api/schemas';
import type { SessionFilter } from '../tree/sessionFilter';
import type { GroupedBy } from '../tree/treeNodes';
import type { ExportFormatName } from './exportFormats';

/** What an export holds, as its name says it: a group, the view or a selection; or one session. */
export type ExportSubject = SessionsSubject | { session: Pick<Session, 'id' | 'status' | 'channel'> };

export interface SessionsSubject {
  /** The group's path; none for the whole view or a selection. */
  groupedBy?: GroupedBy;
  filter: SessionFilter;
  /** A selection of sessions, rather than a group or the view. */
  selection?: boolean;
}

/** The local calendar day, as the user's clock reads it. */
function day(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Past the extension's own words a session's status or channel could be anything, and long. */
const SESSION_WORD_CHARS = 24;

export function exportFileName(subject: ExportSubject, format: ExportFormatName, date = new Date()): string {
  const words = ('session' in subject ? sessionWords(subject.session) : sessionsWords(subject)).map(safeWord).filter(Boolean);
  return `${words.length > 0 ? words.join('-') : 'sessions'}-${day(date)}.${format}`;
}

/** A word as a name on every system may hold it. */
function safeWord(word: string): string {
  return word.replaceAll('_', '-').replace(/[^a-z0-9-]/gi, '');
}

/** One session: its status and channel (the server's text), "session" and the start of its id. */
function sessionWords(session: Pick<Session, 'id' | 'status' | 'channel'>): string[] {
  const given = [session.status, session.channel.type].map((word) => safeWord(word).slice(0, SESSION_WORD_CHARS));
  return [...given, 'session', session.id.slice(0, 8)];
}

function sessionsWords({ groupedBy = {}, filter, selection = false }: SessionsSubject): string[] {
  const words: string[] = [];
  if (selection) words.push('selected-sessions');
  else {
    words.push(...(groupedBy.status ? [groupedBy.status] : filter.statuses));
    words.push(...(groupedBy.channel ? [groupedBy.channel] : filter.channels));
    if (filter.handedOff !== undefined) words.push(filter.handedOff ? 'handoffs' : 'not-handed-off');
    if (filter.created?.preset) words.push(`created-${filter.created.preset}`);
    if (filter.updated?.preset) words.push(`updated-${filter.updated.preset}`);
  }
  return words;
}
