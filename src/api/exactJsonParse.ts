// Reads JSON text into a node tree (jsonNode.ts) exactly as sent. Accepts exactly what JSON.parse
// accepts. Strings are kept as their decoded value. The parser keeps its own stack instead of
// recursing.
import type { JsonEntry, JsonNode } from './jsonNode';
import { CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, isDigit, MINUS, OPEN_BRACE, OPEN_BRACKET, QUOTE, Reader } from './jsonReader';

interface ObjectFrame {
  readonly node: { kind: 'object'; entries: JsonEntry[] };
  readonly keys: Set<string>;
  key: string;
  duplicate: boolean;
}

interface ArrayFrame {
  readonly node: { kind: 'array'; items: JsonNode[] };
}

type Frame = ObjectFrame | ArrayFrame;

/** Reads the key of the next object entry and the colon after it; the reader is left at the value. */
function readKey(reader: Reader, frame: ObjectFrame): void {
  frame.key = reader.readString();
  frame.duplicate = frame.keys.has(frame.key);
  frame.keys.add(frame.key);
  reader.skipWhitespace();
  reader.expect(COLON);
  reader.skipWhitespace();
}

/**
 * Parses the JSON text between `from` and `to` (the whole text by default) into a node tree.
 * Accepts exactly what JSON.parse accepts (surrounding whitespace included) and throws an
 * ExactJsonError for anything else.
 */
export function parseExactJson(text: string, from = 0, to = text.length): JsonNode {
  const reader = new Reader(text, from, to);
  const stack: Frame[] = [];
  reader.skipWhitespace();
  for (;;) {
    // A value starts here: either a scalar, an empty container, or the first entry of a new one.
    let value: JsonNode;
    const code = reader.peek();
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      reader.pos++;
      reader.skipWhitespace();
      if (code === OPEN_BRACE) {
        const node = { kind: 'object' as const, entries: [] as JsonEntry[] };
        if (reader.peek() === CLOSE_BRACE) {
          reader.pos++;
          value = node;
        } else {
          const frame: ObjectFrame = { node, keys: new Set(), key: '', duplicate: false };
          stack.push(frame);
          readKey(reader, frame);
          continue;
        }
      } else {
        const node = { kind: 'array' as const, items: [] as JsonNode[] };
        if (reader.peek() === CLOSE_BRACKET) {
          reader.pos++;
          value = node;
        } else {
          stack.push({ node });
          continue;
        }
      }
    } else if (code === QUOTE) {
      value = { kind: 'string', value: reader.readString() };
    } else if (code === MINUS || isDigit(code)) {
      value = { kind: 'number', lexeme: reader.readNumber() };
    } else {
      value = reader.readLiteral();
    }

    // The value is complete: hand it to its container, closing every container it completes.
    for (;;) {
      const frame = stack.at(-1);
      if (!frame) {
        reader.skipWhitespace();
        if (reader.pos < reader.end) reader.fail();
        return value;
      }
      reader.skipWhitespace();
      const next = reader.peek();
      if ('keys' in frame) {
        frame.node.entries.push({ key: frame.key, value, duplicate: frame.duplicate });
        if (next === COMMA) {
          reader.pos++;
          reader.skipWhitespace();
          readKey(reader, frame);
          break;
        }
        if (next !== CLOSE_BRACE) reader.fail();
      } else {
        frame.node.items.push(value);
        if (next === COMMA) {
          reader.pos++;
          reader.skipWhitespace();
          break;
        }
        if (next !== CLOSE_BRACKET) reader.fail();
      }
      reader.pos++;
      stack.pop();
      value = frame.node;
    }
  }
}
