import * as assert from 'node:assert/strict';
import {
  clampRetryWait,
  parseRetryAfter,
  rateLimitWait,
  RETRY_WAIT_CEILING_MS,
  RETRY_WAIT_FLOOR_MS,
  UNKNOWN_RETRY_WAIT_MS,
} from '../../src/api/retryAfter';

suite('Retry-After', () => {
  const now = Date.parse('2026-11-30T00:00:00Z');

  test('delta-seconds: digits only', () => {
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter('3', now), 3_000);
    assert.equal(parseRetryAfter('0042', now), 42_000);
    assert.equal(parseRetryAfter('99999999999', now), 99_999_999_999_000);
    assert.equal(parseRetryAfter('9'.repeat(400), now), Number.MAX_VALUE, 'more digits than a number holds is still a long wait');
    assert.equal(rateLimitWait(parseRetryAfter('9'.repeat(400), now)), RETRY_WAIT_CEILING_MS);
  });

  test('an IMF-fixdate, in the future or the past (a past date means now)', () => {
    assert.equal(parseRetryAfter('Mon, 30 Nov 2026 00:00:10 GMT', now), 10_000);
    assert.equal(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now), 0);
    assert.equal(parseRetryAfter('Mon, 30 Nov 2026 00:00:00 GMT', now), 0);
  });

  test('anything else is unknown, including what Date.parse or Number would accept', () => {
    for (const value of [
      null, undefined, '', ' ', 'soon', '-1', '1 2', '+5', '3.5', '1e3', '0x10', ' 5', '5 ', 'Infinity', 'NaN',
      '2026-11-30T00:00:10Z', '30 Nov 2026 00:00:10 GMT', 'Monday, 30-Nov-26 00:00:10 GMT', 'Mon Nov 30 00:00:10 2026',
      'Mon, 31 Nov 2026 00:00:10 GMT', 'Mon, 30 Nov 2026 24:00:10 GMT', 'Mon, 30 Nov 2026 00:00:10 UTC', 'mon, 30 nov 2026 00:00:10 gmt',
    ]) {
      assert.equal(parseRetryAfter(value, now), undefined, JSON.stringify(value));
    }
  });

  test('an automatic wait is kept between the floor and the ceiling', () => {
    assert.equal(RETRY_WAIT_FLOOR_MS, 2_000);
    assert.equal(RETRY_WAIT_CEILING_MS, 300_000);
    assert.equal(clampRetryWait(0), RETRY_WAIT_FLOOR_MS);
    assert.equal(clampRetryWait(1_000), RETRY_WAIT_FLOOR_MS);
    assert.equal(clampRetryWait(4_200), 4_200);
    assert.equal(clampRetryWait(99_999_999_999_000), RETRY_WAIT_CEILING_MS);
    assert.equal(clampRetryWait(Number.POSITIVE_INFINITY), RETRY_WAIT_CEILING_MS);
    assert.equal(clampRetryWait(Number.NaN), UNKNOWN_RETRY_WAIT_MS);
  });

  test('the wait reported after a 429: the clamped Retry-After, or 30 s when it was absent or unreadable', () => {
    assert.equal(UNKNOWN_RETRY_WAIT_MS, 30_000);
    assert.equal(rateLimitWait(undefined), 30_000);
    assert.equal(rateLimitWait(0), 2_000);
    assert.equal(rateLimitWait(42_000), 42_000);
    assert.equal(rateLimitWait(1e14), 300_000);
  });

  test('Retry-After in seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter('Mon, 30 Nov 2026 00:00:10 GMT', now), 10_000);
  });
});
