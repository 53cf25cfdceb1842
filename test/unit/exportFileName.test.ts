// The name the save dialog proposes for an export.
import * as assert from 'node:assert/strict';
import { exportFileName } from '../../src/model/export/exportFileName';
import { NO_FILTER } from '../../src/model/tree/sessionFilter';

const DAY = new Date(2026, 11, 6, 23, 30);

suite('export: file name', () => {
  test('a group with the handed-off filter: its status, channel, "handoffs" and the day', () => {
    const filter = { ...NO_FILTER, handedOff: true };
    assert.equal(exportFileName({ groupedBy: { status: 'open', channel: 'web' }, filter }, 'jsonl', DAY), 'open-web-handoffs-2026-12-06.jsonl');
  });

  test('the whole view names its filter; no filter says "sessions"; a selection says so', () => {
    const filter = { statuses: ['closed_resolved' as const], channels: ['whatsapp' as const, 'sms' as const], handedOff: false, created: { preset: '7d' as const } };
    assert.equal(exportFileName({ filter }, 'csv', DAY), 'closed-resolved-whatsapp-sms-not-handed-off-created-7d-2026-12-06.csv');
    assert.equal(exportFileName({ filter: NO_FILTER }, 'json', DAY), 'sessions-2026-12-06.json');
    assert.equal(exportFileName({ filter, selection: true }, 'jsonl', DAY), 'selected-sessions-2026-12-06.jsonl');
  });

  test('a group fixes its own status and channel over the filter\'s', () => {
    const filter = { ...NO_FILTER, statuses: ['open' as const, 'closed_resolved' as const] };
    assert.equal(exportFileName({ groupedBy: { status: 'closed_resolved' }, filter }, 'csv', DAY), 'closed-resolved-2026-12-06.csv');
  });

  test('a session from its panel: its status, channel, "session", the start of its id and the day', () => {
    const session = { id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', status: 'open', channel: { type: 'web' } };
    assert.equal(exportFileName({ session }, 'jsonl', DAY), 'open-web-session-3c90c3cc-2026-12-06.jsonl');
    const odd = { ...session, status: '../../<b>x</b>'.repeat(20), channel: { type: 'C:\\con' } };
    assert.equal(exportFileName({ session: odd }, 'csv', DAY), `${'bxb'.repeat(10).slice(0, 24)}-Ccon-session-3c90c3cc-2026-12-06.csv`);
  });
});
