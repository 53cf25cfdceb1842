import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  countDuplicateKeys,
  ExactJsonError,
  formatExactJson,
  locateArrayItems,
  MAX_INDENTED_DEPTH,
  nodeOfValue,
  parseExactJson,
  type JsonEntry,
  type JsonNode,
} from '../../src/api/jsonTree';
import { createRandom } from '../server/data';

const pretty = (text: string) => formatExactJson(parseExactJson(text));

/** Keys JavaScript objects list first, in numeric order, whatever order they were sent in. */
const isIndexKey = (key: string) => /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1;

function hasIndexKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasIndexKey);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, item]) => isIndexKey(key) || hasIndexKey(item));
}

// A JSON text as a server might write it: any number spelling, repeated keys, integer-like keys,
// strings with escapes spelled any way JSON allows, whitespace anywhere it may go.
type Model =
  | { t: 'number'; lexeme: string }
  | { t: 'string'; value: string }
  | { t: 'literal'; word: 'true' | 'false' | 'null' }
  | { t: 'array'; items: Model[] }
  | { t: 'object'; entries: [string, Model][] };

const lexeme = fc.oneof(
  fc.stringMatching(/^-?(0|[1-9][0-9]{0,30})(\.[0-9]{1,20})?([eE][+-]?[0-9]{1,4})?$/),
  fc.constantFrom('9007199254740993', '-9007199254740993', '1e400', '-1e400', '1E-400', '-0', '-0.0', '1.0', '0e0', '100000000000000000000000001'),
);
const key = fc.oneof(fc.constantFrom('a', 'b', 'id', 'items', '2', '10', '0', '01', '-1', '4294967294', '4294967295', '__proto__', ''), fc.string({ maxLength: 4 }));
const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  // Lone surrogates and the characters JSON.stringify escapes.
  fc.array(fc.constantFrom('\ud800', '\udfff', '\u2028', '\u0000', '\u001f', '"', '\\', '/', 'é', '😀'), { maxLength: 6 }).map((parts) => parts.join('')),
);
const { model, object } = fc.letrec<{ model: Model; array: Model; object: Model }>((tie) => ({
  model: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    lexeme.map((value) => ({ t: 'number' as const, lexeme: value })),
    text.map((value) => ({ t: 'string' as const, value })),
    fc.constantFrom('true', 'false', 'null').map((word) => ({ t: 'literal' as const, word })),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('model'), { maxLength: 5 }).map((items) => ({ t: 'array' as const, items })),
  object: fc.array(fc.tuple(key, tie('model')), { maxLength: 5 }).map((entries) => ({ t: 'object' as const, entries })),
}));

/** A string literal with each character written plainly or escaped, as `random` picks. */
function writeString(value: string, random: () => number): string {
  let out = '"';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code < 0x20 || random() < 0.2) {
      for (let index = 0; index < char.length; index++) {
        const hex = char.charCodeAt(index).toString(16).padStart(4, '0');
        out += `\\u${random() < 0.5 ? hex : hex.toUpperCase()}`;
      }
    } else if (char === '/' && random() < 0.5) out += '\\/';
    else out += char;
  }
  return `${out}"`;
}

function writeModel(value: Model, seed: number): string {
  const random = createRandom(seed);
  const space = () => [' ', '\n', '\t', '\r\n', '', '', ''][Math.floor(random() * 7)]!;
  const write = (node: Model): string => {
    switch (node.t) {
      case 'number':
        return node.lexeme;
      case 'string':
        return writeString(node.value, random);
      case 'literal':
        return node.word;
      case 'array':
        return `[${space()}${node.items.map((item) => `${write(item)}${space()}`).join(`,${space()}`)}]`;
      case 'object':
        return `{${space()}${node.entries.map(([name, item]) => `${writeString(name, random)}${space()}:${space()}${write(item)}${space()}`).join(`,${space()}`)}}`;
    }
  };
  return `${space()}${write(value)}${space()}`;
}

/** The tree the parser must give for the text of a model. */
function expectedNode(value: Model): JsonNode {
  switch (value.t) {
    case 'number':
      return { kind: 'number', lexeme: value.lexeme };
    case 'string':
      return { kind: 'string', value: value.value };
    case 'literal':
      return value.word === 'null' ? { kind: 'null' } : { kind: 'boolean', value: value.word === 'true' };
    case 'array':
      return { kind: 'array', items: value.items.map(expectedNode) };
    case 'object': {
      const seen = new Set<string>();
      const entries: JsonEntry[] = value.entries.map(([name, item]) => {
        const duplicate = seen.has(name);
        seen.add(name);
        return { key: name, value: expectedNode(item), duplicate };
      });
      return { kind: 'object', entries };
    }
  }
}

function collectLexemes(node: JsonNode, into: string[] = []): string[] {
  if (node.kind === 'number') into.push(node.lexeme);
  if (node.kind === 'array') node.items.forEach((item) => collectLexemes(item, into));
  if (node.kind === 'object') node.entries.forEach((entry) => collectLexemes(entry.value, into));
  return into;
}

suite('exact JSON', () => {
  test('an integer beyond 2^53 keeps every digit', () => {
    assert.equal(JSON.stringify(JSON.parse('9007199254740993')), '9007199254740992', 'what JSON.parse does to it');
    assert.deepEqual(parseExactJson('9007199254740993'), { kind: 'number', lexeme: '9007199254740993' });
    assert.equal(pretty('{"ticket_number": 9007199254740993}'), '{\n  "ticket_number": 9007199254740993\n}');
  });

  test('1e400, -0 and 1.0 are printed as written', () => {
    assert.equal(pretty('[1e400, -0, 1.0, 1E+2, 0.10, -1e-400]'), '[\n  1e400,\n  -0,\n  1.0,\n  1E+2,\n  0.10,\n  -1e-400\n]');
    assert.equal(JSON.stringify(JSON.parse('[1e400, -0, 1.0]')), '[null,0,1]', 'what JSON.parse and JSON.stringify make of them');
  });

  test('entries keep the order sent, integer-like keys included', () => {
    const node = parseExactJson('{"b":1,"2":2,"a":3}');
    assert.equal(node.kind, 'object');
    assert.deepEqual(node.kind === 'object' && node.entries.map((entry) => entry.key), ['b', '2', 'a']);
    assert.equal(formatExactJson(node), '{\n  "b": 1,\n  "2": 2,\n  "a": 3\n}');
    assert.deepEqual(Object.keys(JSON.parse('{"b":1,"2":2,"a":3}')), ['2', 'b', 'a'], 'what JSON.parse does to them');
  });

  test('a repeated key keeps both entries and flags the later one', () => {
    const node = parseExactJson('{"a":1,"a":2}');
    assert.deepEqual(node, {
      kind: 'object',
      entries: [
        { key: 'a', value: { kind: 'number', lexeme: '1' }, duplicate: false },
        { key: 'a', value: { kind: 'number', lexeme: '2' }, duplicate: true },
      ],
    });
    assert.equal(formatExactJson(node), '{\n  "a": 1,\n  "a": 2\n}');
    assert.equal(countDuplicateKeys(node), 1);
    // Repeats are per object: the same key in sibling or nested objects is not a repeat.
    assert.equal(countDuplicateKeys(parseExactJson('{"a":{"a":1,"b":[{"a":2},{"a":3,"a":4,"a":5}]},"b":0}')), 2);
  });

  test('strings are decoded exactly and printed with the escapes JSON.stringify uses', () => {
    const node = parseExactJson('"\\u00e9\\/\\n\\ud83d\\ude00\\ud800 \\"\\\\ \u2028"');
    assert.deepEqual(node, { kind: 'string', value: 'é/\n😀\ud800 "\\ \u2028' });
    assert.equal(formatExactJson(node), JSON.stringify('é/\n😀\ud800 "\\ \u2028'));
  });

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

  test('property: without big numbers, repeated or integer-like keys, the text is JSON.stringify(JSON.parse(text), null, 2)', () => {
    const ordinary = fc.jsonValue({ maxDepth: 5, stringUnit: 'binary' }).filter((value) => !hasIndexKey(value));
    fc.assert(
      fc.property(ordinary, fc.nat(), fc.constantFrom<string | number>(0, 1, 2, 4, '\t'), (value, seed, indent) => {
        // Written by JSON.stringify (numbers in its own spelling), then re-spaced and re-escaped.
        const canonical = JSON.stringify(value, null, indent);
        const respelled = writeModel(modelOf(JSON.parse(canonical)), seed);
        for (const source of [canonical, respelled]) {
          assert.equal(pretty(source), JSON.stringify(JSON.parse(source), null, 2));
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('property: any JSON text is read exactly, and printed as JSON that reads back the same', () => {
    fc.assert(
      fc.property(model, fc.nat(), (value, seed) => {
        const source = writeModel(value, seed);
        const node = parseExactJson(source);
        assert.deepEqual(node, expectedNode(value));
        const printed = formatExactJson(node);
        assert.deepEqual(parseExactJson(printed), node, 'printing loses nothing');
        assert.deepEqual(JSON.parse(printed), JSON.parse(source), 'JSON.parse sees the same value');
        assert.deepEqual(collectLexemes(parseExactJson(printed)), collectLexemes(expectedNode(value)));
      }),
      { numRuns: 1000 },
    );
  });

  test('the items of a page are located without parsing the page; the last "items" counts, as for JSON.parse', () => {
    const page = '{"next":"c","items":[{"a":"]\\"}"} , 1e5,"x" ,[[]],true],"items" : [ {"id":1} ,\n{"id":[2,{"x":"}"}]} ],"after":{"items":[]}}';
    const spans = locateArrayItems(page, 'items')!;
    const items = Array.from({ length: spans.length / 2 }, (_, index) => page.slice(spans[2 * index], spans[2 * index + 1]));
    assert.deepEqual(items, ['{"id":1}', '{"id":[2,{"x":"}"}]}']);
    assert.equal(locateArrayItems('{"items":{"a":[1]}}', 'items'), undefined);
    assert.equal(locateArrayItems('[{"items":[1]}]', 'items'), undefined);
    assert.equal(locateArrayItems(' {} ', 'items'), undefined);
    assert.equal(locateArrayItems('{"items":[1],"items":null}', 'items'), undefined);
    assert.deepEqual(Array.from(locateArrayItems('{"items":[]}', 'items')!), []);
    assert.deepEqual(Array.from(locateArrayItems('{"it\\u0065ms":[7]}', 'items')!), [15, 16]);
    assert.deepEqual(Array.from(locateArrayItems('{"items":["\\\\",1]}', 'items')!), [10, 14, 15, 16]);
  });

  test('property: the located items are the items JSON.parse finds', () => {
    const page = fc.tuple(object, fc.array(model, { maxLength: 4 }), fc.nat()).map(([envelope, items, at]): Model => {
      if (envelope.t !== 'object') return envelope;
      const entries = [...envelope.entries];
      entries.splice(at % (entries.length + 1), 0, ['items', { t: 'array', items }]);
      return { t: 'object', entries };
    });
    fc.assert(
      fc.property(page, fc.nat(), (value, seed) => {
        const source = writeModel(value, seed);
        const expected = (JSON.parse(source) as { items?: unknown }).items;
        const spans = locateArrayItems(source, 'items');
        if (!Array.isArray(expected)) return assert.equal(spans, undefined);
        const located = Array.from({ length: spans!.length / 2 }, (_, index) => JSON.parse(source.slice(spans![2 * index], spans![2 * index + 1])) as unknown);
        assert.deepEqual(located, expected);
      }),
      { numRuns: 1000 },
    );
  });

  test('a tree built from a parsed value prints as JSON.stringify does, however deep', () => {
    const value = { b: 1, 2: [true, null, 'x', 1.5, -0, { y: undefined }], a: {} };
    assert.equal(formatExactJson(nodeOfValue(value)), JSON.stringify(value, null, 2));
    const deep = JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)) as unknown;
    assert.ok(formatExactJson(nodeOfValue(deep)) === pretty('['.repeat(10_000) + ']'.repeat(10_000)));
  });
});

/** The model of a value JSON.parse made; its numbers in JSON.stringify's spelling. */
function modelOf(value: unknown): Model {
  if (value === null || typeof value === 'boolean') return { t: 'literal', word: String(value) as 'true' | 'false' | 'null' };
  if (typeof value === 'number') return { t: 'number', lexeme: JSON.stringify(value) };
  if (typeof value === 'string') return { t: 'string', value };
  if (Array.isArray(value)) return { t: 'array', items: value.map(modelOf) };
  return { t: 'object', entries: Object.entries(value as object).map(([name, item]) => [name, modelOf(item)]) };
}
