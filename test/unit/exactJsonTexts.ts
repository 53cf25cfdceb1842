// What the exact JSON suites share: random JSON texts as servers write them, and the tree the
// reader must give for each.
import fc from 'fast-check';
import { formatExactJson, parseExactJson, type JsonEntry, type JsonNode } from '../../src/api/jsonTree';
import { createRandom } from '../server/data';

/** A text read exactly and printed again. */
export const pretty = (text: string) => formatExactJson(parseExactJson(text));

// A JSON text as a server might write it: any number spelling, repeated keys, integer-like keys,
// strings with escapes spelled any way JSON allows, whitespace anywhere it may go.
export type Model =
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
export const { model, object } = fc.letrec<{ model: Model; array: Model; object: Model }>((tie) => ({
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

export function writeModel(value: Model, seed: number): string {
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
export function expectedNode(value: Model): JsonNode {
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

/** The model of a value JSON.parse made; its numbers in JSON.stringify's spelling. */
export function modelOf(value: unknown): Model {
  if (value === null || typeof value === 'boolean') return { t: 'literal', word: String(value) as 'true' | 'false' | 'null' };
  if (typeof value === 'number') return { t: 'number', lexeme: JSON.stringify(value) };
  if (typeof value === 'string') return { t: 'string', value };
  if (Array.isArray(value)) return { t: 'array', items: value.map(modelOf) };
  return { t: 'object', entries: Object.entries(value as object).map(([name, item]) => [name, modelOf(item)]) };
}
