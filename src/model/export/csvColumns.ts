// The columns of a CSV export: what a person wants of a session in a spreadsheet, one row each.
import type { Session } from '../../api/schemas';
import type { CsvValue } from './csv';

interface Column {
  readonly header: string;
  readonly value: (session: Session) => CsvValue;
}

/** The headers stay in English: scripts read them by name. */
const COLUMNS: readonly Column[] = [
  { header: 'id', value: (session) => session.id },
  { header: 'status', value: (session) => session.status },
  { header: 'channel', value: (session) => session.channel.type },
  { header: 'created_at', value: (session) => session.created_at },
  { header: 'updated_at', value: (session) => session.updated_at },
  { header: 'contact_name', value: (session) => session.contact?.name ?? session.contact?.non_verified_name },
  { header: 'contact_email', value: (session) => session.contact?.email ?? session.contact?.non_verified_email },
  { header: 'contact_phone', value: (session) => session.contact?.phone_number },
  { header: 'ticket_number', value: (session) => session.ticket_number },
  { header: 'sentiment', value: (session) => session.sentiment },
  { header: 'ai_closure', value: (session) => session.ai_closure_type },
  { header: 'handed_off', value: (session) => session.handoff != null },
  { header: 'handoff_summary', value: (session) => session.handoff?.summary },
  { header: 'assignee', value: (session) => session.assignee_id },
  { header: 'team', value: (session) => session.team?.name },
];

export const CSV_HEADERS: readonly string[] = COLUMNS.map((column) => column.header);

/** A session's cells, in the order of CSV_HEADERS. */
export function csvValues(session: Session): CsvValue[] {
  return COLUMNS.map((column) => column.value(session));
}

