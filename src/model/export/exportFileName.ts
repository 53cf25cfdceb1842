// The name a save dialog proposes for an export: what was exported and the day, such as
// open-web-handoffs-2026-12-06.jsonl for Open › Web with "handed off" in the filter.
import type { SessionFilter } from '../tree/sessionFilter';
import type { GroupedBy } from '../tree/treeNodes';
import type { ExportFormatName } from './exportFormats';

/** What an export holds, as its name says it. */
export interface ExportSubject {
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

export function exportFileName({ groupedBy = {}, filter, selection = false }: ExportSubject, format: ExportFormatName, date = new Date()): string {
  const words: string[] = [];
  if (selection) words.push('selected-sessions');
  else {
    words.push(...(groupedBy.status ? [groupedBy.status] : filter.statuses));
    words.push(...(groupedBy.channel ? [groupedBy.channel] : filter.channels));
    if (filter.handedOff !== undefined) words.push(filter.handedOff ? 'handoffs' : 'not-handed-off');
    if (filter.created?.preset) words.push(`created-${filter.created.preset}`);
    if (filter.updated?.preset) words.push(`updated-${filter.updated.preset}`);
  }
  if (words.length === 0) words.push('sessions');
  // Statuses and channels are the extension's own words, but keep the name safe on every system.
  const name = words.join('-').replaceAll('_', '-').replace(/[^a-z0-9-]/gi, '');
  return `${name}-${day(date)}.${format}`;
}
