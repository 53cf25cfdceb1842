import * as assert from 'node:assert/strict';
import { sessionQueryParams } from '../../src/api/sessionQuery';

suite('session query → query parameters', () => {
  test('every documented filter maps to its documented parameter', () => {
    const params = sessionQueryParams(
      {
        status: 'closed_unresolved',
        channel: 'phone_voice',
        handedOff: false,
        createdAfter: '2026-01-01T00:00:00Z',
        createdBefore: '2026-02-01T00:00:00Z',
        updatedAfter: '2026-01-15T00:00:00Z',
        updatedBefore: '2026-01-16T00:00:00Z',
      },
      'abc',
    );
    assert.deepEqual(Object.fromEntries(params), {
      status: 'closed_unresolved',
      channel_type: 'phone_voice',
      handed_off: 'false',
      created_after: '2026-01-01T00:00:00Z',
      created_before: '2026-02-01T00:00:00Z',
      updated_after: '2026-01-15T00:00:00Z',
      updated_before: '2026-01-16T00:00:00Z',
      cursor: 'abc',
    });
  });

  test('unset filters send nothing', () => {
    assert.equal(sessionQueryParams({}).toString(), '');
    assert.equal(sessionQueryParams({ handedOff: true }).toString(), 'handed_off=true');
  });
});
