import * as assert from 'node:assert/strict';
import { parseSession } from '../../src/api/schemas';
import { formatAge, formatDate, formatTime, sessionDescription, sessionFacts, sessionLabel, setDisplayLocale } from '../../src/model/labels';
import { rawSession } from '../builders/sessions';

suite('session labels', () => {
  const base = rawSession({ ticket_number: 77 });

  test('contact name, else email, else phone, else the ticket number', () => {
    assert.equal(sessionLabel(parseSession({ ...base, contact: { name: 'Ada Lovelace', email: 'ada@example.com' } })), 'Ada Lovelace');
    assert.equal(sessionLabel(parseSession({ ...base, contact: { name: '  ', email: 'ada@example.com' } })), 'ada@example.com');
    assert.equal(sessionLabel(parseSession({ ...base, contact: { phone_number: '+15550001' } })), '+15550001');
    assert.equal(sessionLabel(parseSession({ ...base, contact: null })), '#77');
    assert.equal(sessionLabel(parseSession({ ...base, ticket_number: null })), 'Session 3c90c3cc');
  });

  test("the description says what the row's groups do not: status, channel (by name), age", () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    const session = parseSession({ ...base, channel: { type: 'phone_voice' }, created_at: '2026-11-30T09:00:00Z' });
    assert.equal(sessionDescription(session, { status: 'open', channel: 'phone_voice' }, now), '3h ago');
    assert.equal(sessionDescription(session, { channel: 'phone_voice' }, now), 'Open · 3h ago');
    assert.equal(sessionDescription(session, { status: 'open' }, now), 'Phone · 3h ago');
    assert.equal(sessionDescription(session, {}, now), 'Open · Phone · 3h ago');
  });

  test('dates and times in the display language; a tag Intl does not know falls back', () => {
    const iso = '2026-11-30T09:05:00Z';
    const expectedDe = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
    assert.equal(formatDate(iso, 'de-DE'), expectedDe);
    assert.match(formatDate(iso, 'de-DE'), /30\.11\.2026/);
    assert.notEqual(formatDate(iso, 'en-US'), formatDate(iso, 'de-DE'));
    assert.equal(formatDate(iso, 'qps-ploc!'), new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso)));
    assert.equal(formatDate('not a date', 'de-DE'), '');
    assert.equal(formatDate(null), '');
    assert.equal(formatTime(Date.parse(iso), 'de-DE'), new Intl.DateTimeFormat('de-DE', { timeStyle: 'medium' }).format(Date.parse(iso)));
  });

  test('description is channel and age', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    const session = parseSession({ ...base, created_at: '2026-11-30T09:00:00Z', updated_at: '2026-11-30T11:00:00Z' });
    assert.equal(sessionDescription(session, { status: 'open' }, now), 'Web · 3h ago');
    assert.equal(sessionDescription(parseSession({ ...base, created_at: null, updated_at: '2026-11-30T11:00:00Z' }), {}, now), 'Open · Web · 1h ago');
    assert.equal(sessionDescription(parseSession(base), {}, now), 'Open · Web');
    assert.equal(formatAge('2026-11-30T11:59:30Z', now), '30s ago');
    assert.equal(formatAge('2026-10-02T12:00:00Z', now), '59d ago');
    assert.equal(formatAge('2026-09-01T12:00:00Z', now), '3mo ago');
    assert.equal(formatAge('not a date', now), '');
  });

  suite('the earlier shape (2024 document)', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    // Only id, status, channel and both timestamps are required, and the timestamps may be null.
    const earlier = rawSession({ created_at: null, updated_at: null });
    const allNullContact = { id: null, email: null, phone_number: null, name: null, custom_data: null };

    test('no contact details and no ticket number: the session reads as its id', () => {
      assert.equal(sessionLabel(parseSession(earlier)), 'Session 3c90c3cc');
      assert.equal(sessionLabel(parseSession({ ...earlier, contact: allNullContact })), 'Session 3c90c3cc');
      assert.equal(sessionLabel(parseSession({ ...earlier, contact: { name: ' \n\t', email: 42, phone_number: '\u200B', non_verified_name: {} } })), 'Session 3c90c3cc');
      assert.equal(sessionLabel(parseSession({ ...earlier, contact: { email: ' ada@example.com ' } })), 'ada@example.com');
    });

    test('an id with nothing to show still gives a label', () => {
      // The schema lets only UUIDs through; the label does not count on it.
      assert.equal(sessionLabel({ ...parseSession(earlier), id: '   ' }), 'Session');
      assert.equal(sessionLabel({ ...parseSession(earlier), id: '  ab' }), 'Session ab');
    });

    test('no time, or no time that parses: the channel alone, without a dangling separator', () => {
      assert.equal(sessionDescription(parseSession(earlier), {}, now), 'Open · Web');
      assert.equal(sessionDescription(parseSession({ ...earlier, created_at: 'not a date' }), {}, now), 'Open · Web');
      assert.equal(sessionDescription(parseSession({ ...earlier, created_at: 'not a date', updated_at: '2026-11-30T11:00:00Z' }), {}, now), 'Open · Web · 1h ago');
      assert.equal(sessionDescription(parseSession({ ...earlier, channel: { type: ' ' }, created_at: '2026-11-30T09:00:00Z' }), {}, now), 'Open · 3h ago');
      assert.equal(sessionDescription(parseSession({ ...earlier, channel: { type: '' }, status: '' }), {}, now), '');
    });

    test('the facts a tooltip lists leave out what is absent, blank or not a time', () => {
      assert.deepEqual(sessionFacts(parseSession({ ...earlier, contact: allNullContact })), { status: 'Open', channel: 'Web' });
      const full = parseSession({
        ...earlier,
        status: 'closed_resolved',
        channel: { type: 'email' },
        ticket_number: 42,
        ai_closure_type: 'resolved',
        sentiment: ' ',
        assignee_id: 'agent-1',
        team: { name: '' },
        handoff: { summary: null },
        created_at: 'yesterday',
        updated_at: '2026-11-30T11:00:00Z',
      });
      assert.deepEqual(sessionFacts(full), {
        ticket: '#42',
        status: 'Closed · resolved',
        channel: 'Email',
        aiClosure: 'resolved',
        assignee: 'agent-1',
        handedOff: true,
        updated: '2026-11-30T11:00:00Z',
      });
    });
  });
});

suite('ages in the display language', () => {
  teardown(() => setDisplayLocale(undefined));

  test('the display language decides how an age reads; a time ahead reads as now; an unknown language falls back', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    setDisplayLocale('de');
    assert.equal(formatAge('2026-11-30T09:00:00Z', now), 'vor 3 Std.');
    setDisplayLocale('ja');
    assert.equal(formatAge('2026-11-28T12:00:00Z', now), '2日前');
    setDisplayLocale('en');
    assert.equal(formatAge('2026-11-30T12:05:00Z', now), 'now');
    assert.equal(formatAge('2024-01-01T00:00:00Z', now), '2y ago');
    setDisplayLocale('not a locale!');
    assert.match(formatAge('2026-11-30T09:00:00Z', now), /3/);
  });
});
