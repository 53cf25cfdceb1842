// Exact JSON keeps what was sent: every digit and spelling of a number, the order of the keys, a
// repeated key's entries, each string's characters; it prints them as JSON that reads back the
// same, and a tree built from a value JSON.parse made as JSON.stringify would.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { countDuplicateKeys, formatExactJson, nodeOfValue, parseExactJson, type JsonNode } from '../../src/api/jsonTree';
import { expectedNode, model, modelOf, pretty, writeModel } from './exactJsonTexts';

/** Keys JavaScript objects list first, in numeric order, whatever order they were sent in. */
const isIndexKey = (key: string) => /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1;

function hasIndexKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasIndexKey);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, item]) => isIndexKey(key) || hasIndexKey(item));
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

  test('a tree built from a parsed value prints as JSON.stringify does, however deep', () => {
    const value = { b: 1, 2: [true, null, 'x', 1.5, -0, { y: undefined }], a: {} };
    assert.equal(formatExactJson(nodeOfValue(value)), JSON.stringify(value, null, 2));
    const deep = JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)) as unknown;
    assert.ok(formatExactJson(nodeOfValue(deep)) === pretty('['.repeat(10_000) + ']'.repeat(10_000)));
  });
});
