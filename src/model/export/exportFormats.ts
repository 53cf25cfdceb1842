// The three forms a export takes: JSON Lines (a session a line, as sent), CSV (a row a session)
// and JSON (one array). Each is written a piece at a time, so that nothing holds the whole export.
import type { HistoryEvent, Session } from '../../api/schemas';
import { csvRow } from './csv';
import { CSV_HEADERS, csvValues } from './csvColumns';
import { sessionLine } from './oneLineJson';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'json'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

export interface ExportFormat {
  readonly name: ExportFormatName;
  /** Whether a session's history has a place in it. */
  readonly takesHistory: boolean;
  /** What comes before the first session. */
  start(): string;
  /** One session; `index` counts from 0. */
  session(session: Session, index: number, history?: readonly HistoryEvent[]): string;
  /** What comes after the last session: the file is complete only with it. */
  end(): string;
}

const JSON_LINES: ExportFormat = {
  name: 'jsonl',
  takesHistory: true,
  start: () => '',
  session: (session, _index, history) => `${sessionLine(session, history)}\n`,
  end: () => '',
};

const CSV: ExportFormat = {
  name: 'csv',
  takesHistory: false,
  // A byte order mark: without it, spreadsheets read UTF-8 as the system's legacy code page.
  start: () => `\uFEFF${csvRow(CSV_HEADERS)}`,
  session: (session) => csvRow(csvValues(session)),
  end: () => '',
};

const JSON_ARRAY: ExportFormat = {
  name: 'json',
  takesHistory: true,
  start: () => '[',
  session: (session, index, history) => `${index === 0 ? '' : ','}\n${sessionLine(session, history)}`,
  end: () => '\n]\n',
};

export function exportFormat(name: ExportFormatName): ExportFormat {
  return name === 'csv' ? CSV : name === 'json' ? JSON_ARRAY : JSON_LINES;
}
