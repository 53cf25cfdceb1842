// Exact JSON reads strict JSON: it refuses what JSON.parse refuses, comments and trailing commas
// included, and says where reading stopped.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ExactJsonError, formatExactJson, parseExactJson } from '../../src/api/jsonTree';
import { model, writeModel } from './exactJsonTexts';

suite('exact JSON', () => {
  test('text JSON.parse rejects is rejected, with where reading stopped', () => {
    const invalid = [
      '', ' ', '01', '-', '+1', '.5', '1.', '1e', '1e+', '0x10', 'NaN', 'Infinity', '-Infinity',
      '[1,]', '[,1]', '{"a":1,}', '{,}', '{"a"}', '{"a" 1}', '{a:1}', "{'a':1}", '[1 2]', '{"a":1 "b":2}',
      '"\t"', '"\n"', '"\u0000"', '"abc', '"\\x"', '"\\u12"', '"\\u12g4"', '"\\', 'tru', 'nul', 'True', 'undefined',
      '"\u001f"', '"\u007f\u001f"', '[', ']', '{', '}', '[1}', '{"a":1]', '[{]}', '[1]]', '{}}', '1 2', '\ufeff1', '\u00a01', '[1]x', '"a"b',
    ];
    for (const source of invalid) {
      assert.throws(() => JSON.parse(source), SyntaxError, `JSON.parse accepts ${JSON.stringify(source)}`);
      assert.throws(
        () => parseExactJson(source),
        (error: unknown) => error instanceof ExactJsonError && error.position >= 0 && error.position <= source.length,
        JSON.stringify(source),
      );
    }
  });

  test('strict JSON, not JSONC: a comment or a trailing comma is refused like any other malformed text, where it stands', () => {
    const refused: [string, number][] = [
      ['{"a":1 // note\n}', 7],
      ['{"a":1 /* note */}', 7],
      ['/* note */ {"a":1}', 0],
      ['{"a":1}\n// note', 8],
      ['[1, 2 /* unterminated', 6],
      ['[1,]', 3],
      ['[1,\n]', 4],
      ['{"a":1,}', 7],
      ['{"a":[1,2,],"b":1}', 10],
      ['{"items":[{"id":"s1"},]}', 22],
      // Spaces JSON has no place for, which a JSONC reader might take.
      ['\v1', 0],
      ['\f1', 0],
      ['[1,\u00a02]', 3],
    ];
    for (const [source, position] of refused) {
      assert.throws(() => JSON.parse(source), SyntaxError, `JSON.parse accepts ${JSON.stringify(source)}`);
      assert.throws(
        () => parseExactJson(source),
        (error: unknown) => error instanceof ExactJsonError && error instanceof SyntaxError && error.position === position,
        JSON.stringify(source),
      );
    }
    assert.throws(() => parseExactJson('[1 // note\n]'), /^ExactJsonError: Comment at position 3$/);
    assert.throws(() => parseExactJson('[1,]'), /^ExactJsonError: Unexpected "]" at position 3$/);
    // Within a part of a text, the position is still an offset in the whole text.
    assert.throws(
      () => parseExactJson('{"items":[[1,],2]}', 10, 14),
      (error: unknown) => error instanceof ExactJsonError && error.position === 13,
    );
  });

  test('property: accepts exactly what JSON.parse accepts', () => {
    const alphabet = fc.constantFrom(...'{}[]",:0123456789.-+eEtrufalsn \n\t\\/u\u0000\u001f'.split(''));
    const mutated = fc
      .tuple(model, fc.nat(), fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), alphabet)
      .map(([value, seed, at, how, char]) => {
        const source = writeModel(value, seed);
        const position = at % (source.length + 1);
        const rest = source.slice(how === 'insert' ? position : position + 1);
        return source.slice(0, position) + (how === 'delete' ? '' : char) + rest;
      });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ unit: alphabet, maxLength: 20 })), (source) => {
        let accepted = true;
        try {
          JSON.parse(source);
        } catch {
          accepted = false;
        }
        if (accepted) parseExactJson(source);
        else assert.throws(() => parseExactJson(source), ExactJsonError);
      }),
      { numRuns: 3000 },
    );
  });

  test('property: what a JSONC reader would take (comments, trailing commas, other spaces) anywhere in a text: accepted exactly when JSON.parse accepts it', () => {
    const lenient = fc.constantFrom('// c\n', '/* c */', '/**/', '/*', '//', ',', ', ', '\v', '\f', '\u00a0', '\ufeff', '\u2028');
    fc.assert(
      fc.property(model, fc.nat(), fc.nat(), lenient, (value, seed, at, insert) => {
        const source = writeModel(value, seed);
        const position = at % (source.length + 1);
        const changed = source.slice(0, position) + insert + source.slice(position);
        let accepted = true;
        try {
          JSON.parse(changed);
        } catch {
          accepted = false;
        }
        if (accepted) assert.deepEqual(JSON.parse(formatExactJson(parseExactJson(changed))), JSON.parse(changed));
        else assert.throws(() => parseExactJson(changed), ExactJsonError);
      }),
      { numRuns: 2000 },
    );
  });
});
