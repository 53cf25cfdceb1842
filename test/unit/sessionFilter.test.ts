import * as assert from 'node:assert/strict';
import { toSearchParams } from '../../src/api/filters';
import { describeFilter, isFiltered, NO_FILTER, parseIsoDate, readFilter, sliceQueries } from '../../src/model/filters';
import { formatAge, sessionDescription, sessionLabel } from '../../src/model/labels';
import { parseSession } from '../../src/api/schemas';

suite('session filter → server queries', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');

  test('a slice fixed by the tree plus no filter is one query with only the fixed values', () => {
    assert.deepEqual(sliceQueries({ status: 'open', channel: 'web' }, NO_FILTER, now), [{ status: 'open', channel: 'web' }]);
    assert.deepEqual(sliceQueries({}, NO_FILTER, now), [{}]);
  });

  test('multi-selected values of free dimensions become one query each (cross product)', () => {
    const queries = sliceQueries({ status: 'open' }, { statuses: ['open'], channels: ['email', 'web'], handedOff: false }, now);
    assert.deepEqual(
      queries.map((query) => toSearchParams(query).toString()),
      ['status=open&channel_type=web&handed_off=false', 'status=open&channel_type=email&handed_off=false'],
    );
    assert.equal(sliceQueries({}, { statuses: ['open', 'closed_resolved'], channels: ['sms', 'api', 'web'] }, now).length, 6);
  });

  test('date presets resolve relative to now; custom windows pass through', () => {
    const [query] = sliceQueries({}, { ...NO_FILTER, created: { preset: '24h' }, updated: { after: '2026-01-01T00:00:00Z', before: '2026-02-01T00:00:00Z' } }, now);
    assert.deepEqual(query, {
      createdAfter: '2026-11-29T12:00:00.000Z',
      updatedAfter: '2026-01-01T00:00:00Z',
      updatedBefore: '2026-02-01T00:00:00Z',
    });
  });

  test('the view description summarises the active filter', () => {
    assert.equal(describeFilter(NO_FILTER), '');
    assert.equal(
      describeFilter({ statuses: ['open'], channels: ['web', 'email'], handedOff: true, created: { preset: '7d' } }),
      'open · web, email · handed off · created 7d',
    );
    assert.equal(describeFilter({ ...NO_FILTER, updated: { after: '2026-01-01T00:00:00Z' } }), 'updated after 2026-01-01');
    assert.equal(isFiltered(NO_FILTER), false);
    assert.equal(isFiltered({ ...NO_FILTER, handedOff: false }), true);
  });

  test('a stored filter is read defensively', () => {
    assert.deepEqual(readFilter(undefined), NO_FILTER);
    assert.deepEqual(readFilter({ statuses: ['open', 'snoozed'], channels: 'web', handedOff: 'yes', created: { preset: '2y' }, updated: { after: 'soon' } }), {
      statuses: ['open'],
      channels: [],
      handedOff: undefined,
      created: undefined,
      updated: undefined,
    });
    const stored = { statuses: ['closed_unresolved'], channels: ['sms'], handedOff: true, created: { preset: '30d' }, updated: { after: '2026-01-01T00:00:00Z' } };
    assert.deepEqual(readFilter(JSON.parse(JSON.stringify(stored))), { ...stored, updated: { after: '2026-01-01T00:00:00Z', before: undefined } });
  });
});

suite('ISO 8601 date validation', () => {
  test('accepts dates and date-times, normalised to UTC', () => {
    assert.deepEqual(parseIsoDate('2026-11-30'), { value: '2026-11-30T00:00:00Z' });
    assert.deepEqual(parseIsoDate(' 2026-11-30T14:05 '), { value: '2026-11-30T14:05:00Z' });
    assert.deepEqual(parseIsoDate('2026-11-30T14:05:09.123Z'), { value: '2026-11-30T14:05:09.123Z' });
    assert.deepEqual(parseIsoDate('2026-11-30T14:00:00+02:00'), { value: '2026-11-30T12:00:00Z' });
    assert.deepEqual(parseIsoDate('2024-02-29'), { value: '2024-02-29T00:00:00Z' });
  });

  test('explains what is wrong with a bad date', () => {
    const error = (text: string) => {
      const result = parseIsoDate(text);
      assert.ok('error' in result, `${text} must be refused`);
      return result.error;
    };
    assert.match(error('yesterday'), /not an ISO 8601 date.*e\.g\. 2026-11-30/);
    assert.match(error('30/11/2026'), /not an ISO 8601 date/);
    assert.match(error('2026-13-01'), /month must be 01 to 12/);
    assert.match(error('2026-02-30'), /2026-02 has 28 days/);
    assert.match(error('2026-11-30T25:00'), /time is out of range/);
  });
});

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
