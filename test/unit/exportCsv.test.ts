// CSV exports: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. Read back with
// a reader written here from the RFC, so that the writer is not checked against itself.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { csvRow, neutralizeFormula } from '../../src/model/export/csv';
import { CSV_HEADERS, csvValues } from '../../src/model/export/csvColumns';
import { exportFormat } from '../../src/model/export/exportFormats';
import { fullRawSession, parsedSession } from '../builders/sessions';
import { parseSession } from '../../src/api/schemas';

/** RFC 4180: records end with CRLF; a field in quotes may hold commas, CRLF and doubled quotes. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      at++;
      for (;;) {
        const quote = text.indexOf('"', at);
        assert.ok(quote >= 0, 'a quoted field is closed');
        field += text.slice(at, quote);
        at = quote + 1;
        if (text[at] !== '"') break;
        field += '"';
        at++;
      }
    } else {
      const end = /[,\r]/.exec(text.slice(at));
      field = text.slice(at, end ? at + end.index : text.length);
      assert.ok(!/["\n]/.test(field), `an unquoted field holds no quote or line feed: ${JSON.stringify(field)}`);
      at += field.length;
    }
    row.push(field);
    if (text[at] === ',') at++;
    else {
      assert.equal(text.slice(at, at + 2), '\r\n', 'a record ends with CRLF');
      at += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];
const cellText = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('=1+1', '+SUM(A1)', '-2', '@x', '\tx', '\rx', '"', ',', '\r\n', ''));

suite('export: CSV', () => {
  test('property: every cell of every row reads back, a formula start neutralised and nothing else changed', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 1, maxLength: 6 }), { maxLength: 5 }), (rows) => {
        const parsed = readCsv(rows.map(csvRow).join(''));
        assert.deepEqual(parsed, rows.map((row) => row.map((cell) => (DANGEROUS.some((start) => cell.startsWith(start)) ? `'${cell}` : cell))));
        for (const cell of parsed.flat()) assert.ok(!DANGEROUS.some((start) => cell.startsWith(start)), JSON.stringify(cell));
      }),
      { numRuns: 2000 },
    );
  });

  test('a formula a customer typed is text; numbers and booleans are written as they are', () => {
    assert.equal(neutralizeFormula('=HYPERLINK("http://x.test","click")'), `'=HYPERLINK("http://x.test","click")`);
    assert.equal(neutralizeFormula('Ada'), 'Ada');
    assert.equal(csvRow(['=1+1', -5, true, null, undefined, 'a,"b"']), `'=1+1,-5,true,,,"a,""b"""\r\n`);
  });

  test('the columns a person wants, from the session as the extension reads it', () => {
    assert.deepEqual(CSV_HEADERS, [
      'id', 'status', 'channel', 'created_at', 'updated_at', 'contact_name', 'contact_email', 'contact_phone',
      'ticket_number', 'sentiment', 'ai_closure', 'handed_off', 'handoff_summary', 'assignee', 'team',
    ]);
    const session = parseSession(fullRawSession({ contact: { name: null, non_verified_name: '@Ada', phone_number: '+15550000000' } }));
    const [header, row] = readCsv(exportFormat('csv').start().replace(/^\uFEFF/, '') + exportFormat('csv').session(session, 0));
    assert.deepEqual(header, CSV_HEADERS);
    assert.deepEqual(row, [
      '3c90c3cc-0d44-4b50-8888-8dd25736052a', 'closed_resolved', 'email', '2026-11-01T10:00:00Z', '2026-11-01T11:00:00Z',
      "'@Ada", '', "'+15550000000", '42', 'happy', 'resolved', 'true', 'Wants a refund.', 'agent-1', 'Billing',
    ]);
    assert.deepEqual(csvValues(parsedSession()).slice(9), [undefined, undefined, false, undefined, undefined, undefined]);
  });
});
