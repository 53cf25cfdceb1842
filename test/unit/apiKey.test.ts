import * as assert from 'node:assert/strict';
import { readApiKey } from '../../src/api/apiKey';

/** The problem reported for `typed`; fails when the key is accepted. */
function problemOf(typed: string): string {
  const reading = readApiKey(typed);
  assert.ok(!reading.ok, `${JSON.stringify(typed)} was accepted`);
  return reading.problem;
}

suite('reading a typed API key', () => {
  test('a key is accepted as typed, without the space around it', () => {
    assert.deepEqual(readApiKey('ocx_live_abc123'), { ok: true, key: 'ocx_live_abc123' });
    assert.deepEqual(readApiKey('  ocx_live_abc123\n'), { ok: true, key: 'ocx_live_abc123' });
    assert.deepEqual(readApiKey('\t\r\nocx_live_abc123\u00a0\ufeff'), { ok: true, key: 'ocx_live_abc123' });
  });

  test('any visible ASCII is accepted, so key formats other than ocx_live_ still work', () => {
    const everyVisible = Array.from({ length: 0x7e - 0x21 + 1 }, (_, index) => String.fromCharCode(0x21 + index)).join('');
    assert.deepEqual(readApiKey(everyVisible), { ok: true, key: everyVisible });
    assert.deepEqual(readApiKey('sk-live.AbC/+=~_9'), { ok: true, key: 'sk-live.AbC/+=~_9' });
  });

  test('an empty key says so', () => {
    for (const typed of ['', '   ', '\n\t']) assert.match(problemOf(typed), /The API key is empty/);
  });

  test('a zero-width space inside the key is named, with its position', () => {
    assert.equal(
      problemOf('ocx_live_ab\u200bc123'),
      'The API key contains an invisible character (U+200B ZERO WIDTH SPACE) at position 12. Paste the key again, without it.',
    );
  });

  test('line breaks, tabs, spaces, control and format characters are each named', () => {
    assert.match(problemOf('ocx_live\nabc'), /contains a line break at position 9\./);
    assert.match(problemOf('ocx_live\r\nabc'), /contains a line break at position 9\b/);
    assert.match(problemOf('ocx\u2028live'), /a line break at position 4/);
    assert.match(problemOf('ocx\tlive'), /a tab at position 4/);
    assert.match(problemOf('ocx live'), /a space at position 4/);
    assert.match(problemOf('ocx\u00a0live'), /a space character \(U\+00A0 NO-BREAK SPACE\) at position 4/);
    assert.match(problemOf('ocx\u0007live'), /a control character \(U\+0007\) at position 4/);
    assert.match(problemOf('ocx\u0000live'), /a control character \(U\+0000\) at position 4/);
    assert.match(problemOf('ocx\u00adlive'), /an invisible character \(U\+00AD SOFT HYPHEN\)/);
    assert.match(problemOf('ocx\u202elive'), /an invisible character \(U\+202E RIGHT-TO-LEFT OVERRIDE\)/);
    assert.match(problemOf('\u200bocx_live'), /an invisible character \(U\+200B ZERO WIDTH SPACE\) at position 1/);
  });

  test('characters outside ASCII are named by code point; positions count characters, not UTF-16 units', () => {
    assert.match(problemOf('ocx_live_abc\u2026'), /a character that is not plain ASCII \(U\+2026 HORIZONTAL ELLIPSIS\) at position 13/);
    assert.match(problemOf('\u201cocx_live\u201d'), /U\+201C LEFT DOUBLE QUOTATION MARK\) at position 1/);
    assert.match(problemOf('ocx_liv\u00e9'), /a character that is not plain ASCII \(U\+00E9\) at position 8/);
    assert.match(problemOf('🙂ab\u200bc'), /U\+1F642\) at position 1/);
    assert.match(problemOf('\ud83d\ude42ab\u200bc'), /and 1 more/);
    assert.match(problemOf('ab\ud800c'), /a broken character \(U\+D800\) at position 3/);
  });

  test('several problems: the first is named, the others counted', () => {
    assert.match(problemOf('a\u200bb\u200bc\nd'), /at position 2 \(and 2 more characters that cannot be part of a key\)\. Paste the key again, without them\./);
  });

  test('a key pasted with its "Bearer " prefix is told to drop it', () => {
    assert.equal(problemOf('Bearer ocx_live_abc123'), 'The API key starts with "Bearer ": paste only the key that follows it.');
    assert.equal(problemOf('bearer  ocx_live_abc123'), 'The API key starts with "Bearer ": paste only the key that follows it.');
  });

  test('no message echoes any part of the key', () => {
    const secret = 'ocx_live_SECRETVALUE42';
    for (const typed of [`${secret}\u200b`, `${secret.slice(0, 9)}\n${secret.slice(9)}`, `Bearer ${secret}`, `${secret} ${secret}`, `${secret}\u00e9`]) {
      const problem = problemOf(typed);
      for (let start = 0; start + 4 <= secret.length; start++) {
        assert.ok(!problem.includes(secret.slice(start, start + 4)), `${JSON.stringify(problem)} contains part of the key`);
      }
    }
  });
});
