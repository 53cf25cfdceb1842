import * as assert from 'node:assert/strict';
import { parseSession } from '../../src/api/schemas';
import { formatAge, sessionDescription, sessionLabel } from '../../src/model/labels';

suite('session labels', () => {
  const base = { id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', status: 'open', channel: { type: 'web' }, ticket_number: 77 };

  test('contact name, else email, else phone, else the ticket number', () => {
    assert.equal(sessionLabel(parseSession({ ...base, contact: { name: 'Ada Lovelace', email: 'ada@example.com' } })), 'Ada Lovelace');
    assert.equal(sessionLabel(parseSession({ ...base, contact: { name: '  ', email: 'ada@example.com' } })), 'ada@example.com');
    assert.equal(sessionLabel(parseSession({ ...base, contact: { phone_number: '+15550001' } })), '+15550001');
    assert.equal(sessionLabel(parseSession({ ...base, contact: null })), '#77');
    assert.equal(sessionLabel(parseSession({ ...base, ticket_number: null })), 'Session 3c90c3cc');
  });

  test('description is channel and age', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    const session = parseSession({ ...base, created_at: '2026-11-30T09:00:00Z', updated_at: '2026-11-30T11:00:00Z' });
    assert.equal(sessionDescription(session, now), 'web · 3h ago');
    assert.equal(sessionDescription(parseSession({ ...base, created_at: null, updated_at: '2026-11-30T11:00:00Z' }), now), 'web · 1h ago');
    assert.equal(sessionDescription(parseSession(base), now), 'web');
    assert.equal(formatAge('2026-11-30T11:59:30Z', now), '30s ago');
    assert.equal(formatAge('2026-10-02T12:00:00Z', now), '59d ago');
    assert.equal(formatAge('2026-09-01T12:00:00Z', now), '3mo ago');
    assert.equal(formatAge('not a date', now), '');
  });
});
