import * as assert from 'node:assert/strict';
import { sessionQueryParams } from '../../src/api/sessionQuery';
import { describeFilter, isFiltered, NO_FILTER, parseIsoDate, readFilter, groupQueries } from '../../src/model/tree/sessionFilter';

suite('session filter → server queries', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');

  test('the values a group fixes plus no filter are one query with only those values', () => {
    assert.deepEqual(groupQueries({ status: 'open', channel: 'web' }, NO_FILTER, now), [{ status: 'open', channel: 'web' }]);
    assert.deepEqual(groupQueries({}, NO_FILTER, now), [{}]);
  });

  test('multi-selected values of free dimensions become one query each (cross product)', () => {
    const queries = groupQueries({ status: 'open' }, { statuses: ['open'], channels: ['email', 'web'], handedOff: false }, now);
    assert.deepEqual(
      queries.map((query) => sessionQueryParams(query).toString()),
      ['status=open&channel_type=web&handed_off=false', 'status=open&channel_type=email&handed_off=false'],
    );
    assert.equal(groupQueries({}, { statuses: ['open', 'closed_resolved'], channels: ['sms', 'api', 'web'] }, now).length, 6);
  });

  test('date presets resolve relative to now; custom windows pass through', () => {
    const [query] = groupQueries({}, { ...NO_FILTER, created: { preset: '24h' }, updated: { after: '2026-01-01T00:00:00Z', before: '2026-02-01T00:00:00Z' } }, now);
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

  test('a stored preset named like a built-in property is dropped, and resolving it cannot throw', () => {
    for (const preset of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const filter = readFilter({ statuses: [], channels: [], created: { preset } });
      assert.equal(filter.created, undefined, preset);
      assert.deepEqual(groupQueries({}, { ...NO_FILTER, created: { preset: preset as never } }, now), [{}], preset);
    }
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
