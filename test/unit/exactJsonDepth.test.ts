// Exact JSON however deep a text nests: read and printed without running out of stack, and deep
// containers printed on one line so that the text does not grow with the square of the depth.
import * as assert from 'node:assert/strict';
import { countDuplicateKeys, formatExactJson, MAX_INDENTED_DEPTH, parseExactJson } from '../../src/api/jsonTree';
import { pretty } from './exactJsonTexts';

suite('exact JSON', () => {
  test('nesting 10,000 and 100,000 levels deep is read and printed without running out of stack', () => {
    for (const depth of [10_000, 100_000]) {
      const arrays = '['.repeat(depth) + ']'.repeat(depth);
      const objects = '{"a":'.repeat(depth) + '{"a":1,"a":2}' + '}'.repeat(depth);
      assert.doesNotThrow(() => JSON.stringify(pretty(arrays)));
      const node = parseExactJson(objects);
      assert.equal(countDuplicateKeys(node), 1);
      assert.ok(formatExactJson(node).endsWith('}'));
    }
  });

  test(`containers deeper than ${MAX_INDENTED_DEPTH} levels go on one line, so the text grows with the depth, not its square`, () => {
    const shallow = '['.repeat(MAX_INDENTED_DEPTH + 1) + ']'.repeat(MAX_INDENTED_DEPTH + 1);
    assert.equal(pretty(shallow), JSON.stringify(JSON.parse(shallow), null, 2));

    const depth = 10_000;
    const flat = depth - MAX_INDENTED_DEPTH;
    const opening = Array.from({ length: MAX_INDENTED_DEPTH }, (_, level) => `[\n${'  '.repeat(level + 1)}`).join('');
    const closing = Array.from({ length: MAX_INDENTED_DEPTH }, (_, level) => `\n${'  '.repeat(MAX_INDENTED_DEPTH - 1 - level)}]`).join('');
    assert.equal(pretty('['.repeat(depth) + ']'.repeat(depth)), opening + '['.repeat(flat) + ']'.repeat(flat) + closing);
    assert.equal(pretty(`${'{"k":'.repeat(MAX_INDENTED_DEPTH + 1)}[1,2]${'}'.repeat(MAX_INDENTED_DEPTH + 1)}`).includes('{"k":[1,2]}'), true);
  });
});
