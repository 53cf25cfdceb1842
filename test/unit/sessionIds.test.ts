import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findSessionIds, sessionIdAt } from '../../src/model/links/sessionIds';

const ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const ids = (text: string) => findSessionIds(text).map((found) => found.id);

suite('session ids in text', () => {
  test('found in logs, quotes, URLs, JSON, words and upper case, at their exact place', () => {
    for (const text of [
      `ERROR session=${ID} failed`,
      `"${ID}"`,
      `'${ID}',`,
      `https://platform.open.cx/inbox/${ID}?tab=1`,
      `{"session_id":"${ID}"}`,
      `session_${ID}_retry`,
      `(${ID.toUpperCase()})`,
      `${ID}\n`,
    ]) {
      assert.deepEqual(ids(text), [ID], text);
      const [found] = findSessionIds(text);
      assert.equal(text.slice(found!.start, found!.end).toLowerCase(), ID, text);
    }
    assert.deepEqual(ids(`${ID} and ${ID.replace('3c90', 'ffff')}`), [ID, ID.replace('3c90', 'ffff')]);
  });

  test('not inside longer hex strings or dashed identifiers', () => {
    for (const text of [`a${ID}`, `${ID}f`, `0${ID}0`, `${ID}-1`, `x-${ID.slice(0, 35)}`, `${ID.replace(/-/g, '')}`, `sha256:${'ab'.repeat(32)}`]) {
      assert.deepEqual(ids(text), [], text);
    }
  });

  test('the id under a cursor: on it, or right after it', () => {
    const text = `see ${ID} now`;
    assert.equal(sessionIdAt(text, 4)?.id, ID);
    assert.equal(sessionIdAt(text, 20)?.id, ID);
    assert.equal(sessionIdAt(text, 40)?.id, ID);
    assert.equal(sessionIdAt(text, 2), undefined);
    assert.equal(sessionIdAt(text, 42), undefined);
  });

  test('for any text: exactly the UUIDs that stand alone, as a plain regular expression finds them', () => {
    const reference = /(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])/g;
    const piece = fc.oneof(fc.constantFrom(ID, ID.toUpperCase(), '-', 'a', 'F', '0', '"', ' ', '_', 'g', '\n', `${ID.slice(0, 14)}`, ID.slice(9)), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const expected = [...text.matchAll(reference)].map((match) => [match.index, match[0].toLowerCase()]);
        assert.deepEqual(findSessionIds(text).map((found) => [found.start, found.id]), expected, JSON.stringify(text));
      }),
      { numRuns: 3_000 },
    );
  });
});
