// CSV as RFC 4180 writes it (fields quoted when they hold a comma, a quote or a line break, rows
// ended by CRLF), with every text cell kept from running as a spreadsheet formula: the values are
// the server's and its customers', and a spreadsheet runs a cell that starts with `=` as code.

/** What makes a spreadsheet read a cell as a formula (or shift it to one), at its start. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet shows it and never runs it: one that starts like a formula gets a
 * leading apostrophe, which spreadsheets read as "this is text".
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted when it must be. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell's value: text is neutralised; numbers and booleans are written as they are; nothing is an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  return csvField(typeof value === 'string' ? neutralizeFormula(value) : String(value));
}

/** One row, CRLF included. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
