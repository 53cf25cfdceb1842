// JSON read and printed without losing what JSON.parse loses: a number keeps the text it was sent
// as (9007199254740993, 1e400, -0 and 1.0 survive), an object keeps its entries in the order sent
// (JSON.parse moves integer-like keys such as "2" to the front) and keeps every entry of a key that
// repeats (JSON.parse keeps the last), flagging the repeats.
//
// Strings are kept as their decoded value and printed back the way JSON.stringify escapes them:
// the characters are exact, the escape spelling is canonical ("\u00e9" prints as "é", "\/" as "/").
//
// Nothing here recurses: the parser and the printer keep their own stacks, so a body nested
// hundreds of thousands of levels deep costs memory in proportion to its size, not call stack.

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

export interface JsonObject {
  readonly kind: 'object';
  /** In the order sent, repeated keys included. */
  readonly entries: readonly JsonEntry[];
}

export interface JsonEntry {
  readonly key: string;
  readonly value: JsonNode;
  /** The key repeats an earlier key of the same object: JSON.parse would have dropped the earlier one. */
  readonly duplicate: boolean;
}

export interface JsonArray {
  readonly kind: 'array';
  readonly items: readonly JsonNode[];
}

export interface JsonString {
  readonly kind: 'string';
  readonly value: string;
}

export interface JsonNumber {
  readonly kind: 'number';
  /** The number exactly as written in the JSON text, e.g. "9007199254740993", "1e400", "-0", "1.0". */
  readonly lexeme: string;
}

export interface JsonBoolean {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface JsonNull {
  readonly kind: 'null';
}

export class ExactJsonError extends SyntaxError {
  constructor(
    message: string,
    /** Offset in the text where reading stopped. */
    readonly position: number,
  ) {
    super(message);
    this.name = 'ExactJsonError';
  }
}

const TRUE: JsonBoolean = { kind: 'boolean', value: true };
const FALSE: JsonBoolean = { kind: 'boolean', value: false };
const NULL: JsonNull = { kind: 'null' };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

const isDigit = (code: number) => code >= DIGIT_0 && code <= DIGIT_9;
const isWhitespace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/** A cursor over `text` between `pos` and `end` that reads JSON tokens exactly as ECMA-404 defines them. */
class Reader {
  constructor(
    readonly text: string,
    public pos: number,
    readonly end: number,
  ) {}

  fail(message?: string): never {
    if (this.pos >= this.end) throw new ExactJsonError(message ?? 'Unexpected end of JSON text', this.pos);
    const found = JSON.stringify(this.text[this.pos]);
    throw new ExactJsonError(message ?? `Unexpected ${found} at position ${this.pos}`, this.pos);
  }

  peek(): number {
    return this.pos < this.end ? this.text.charCodeAt(this.pos) : -1;
  }

  skipWhitespace(): void {
    while (this.pos < this.end && isWhitespace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  expect(code: number): void {
    if (this.peek() !== code) this.fail();
    this.pos++;
  }

  readString(): string {
    const { text, end } = this;
    this.expect(QUOTE);
    let pos = this.pos;
    let start = pos;
    let value = '';
    for (;;) {
      if (pos >= end) {
        this.pos = pos;
        this.fail('Unterminated string in JSON text');
      }
      const code = text.charCodeAt(pos);
      if (code === QUOTE) {
        this.pos = pos + 1;
        return value + text.slice(start, pos);
      }
      if (code < 0x20) {
        this.pos = pos;
        this.fail(`Bad control character in string at position ${pos}`);
      }
      if (code !== BACKSLASH) {
        pos++;
        continue;
      }
      value += text.slice(start, pos);
      const escape = text[pos + 1];
      if (escape === 'u') {
        const hex = text.slice(pos + 2, pos + 6);
        if (pos + 6 > end || !/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.pos = pos;
          this.fail(`Bad Unicode escape at position ${pos}`);
        }
        value += String.fromCharCode(parseInt(hex, 16));
        pos += 6;
      } else {
        const decoded = escape === undefined || pos + 1 >= end ? undefined : SIMPLE_ESCAPES[escape];
        if (decoded === undefined) {
          this.pos = pos;
          this.fail(`Bad escaped character at position ${pos}`);
        }
        value += decoded;
        pos += 2;
      }
      start = pos;
    }
  }

  /** The lexeme of a number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
  readNumber(): string {
    const start = this.pos;
    if (this.peek() === MINUS) this.pos++;
    if (this.peek() === DIGIT_0) this.pos++;
    else this.digits();
    if (this.peek() === DOT) {
      this.pos++;
      this.digits();
    }
    const exponent = this.peek();
    if (exponent === 0x65 || exponent === 0x45) {
      this.pos++;
      const sign = this.peek();
      if (sign === PLUS || sign === MINUS) this.pos++;
      this.digits();
    }
    return this.text.slice(start, this.pos);
  }

  private digits(): void {
    if (!isDigit(this.peek())) this.fail(this.pos < this.end ? `No number after minus sign or in fraction or exponent at position ${this.pos}` : undefined);
    while (isDigit(this.peek())) this.pos++;
  }

  readLiteral(): JsonBoolean | JsonNull {
    for (const [word, node] of [['true', TRUE], ['false', FALSE], ['null', NULL]] as const) {
      if (this.text.startsWith(word, this.pos) && this.pos + word.length <= this.end) {
        this.pos += word.length;
        return node;
      }
    }
    return this.fail();
  }
}

/** The position after the closing quote of the string that opens at `pos`. */
function endOfString(text: string, pos: number): number {
  // indexOf is far faster than stepping through the characters; a quote is the end unless an
  // odd number of backslashes escapes it.
  for (let quote = text.indexOf('"', pos + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return text.length;
}

/**
 * Moves past one value without reading it: only for text JSON.parse accepted, where brackets
 * outside strings pair up, so counting them is enough.
 */
function stepOver(reader: Reader): void {
  const { text, end } = reader;
  let pos = reader.pos;
  let depth = 0;
  do {
    const code = text.charCodeAt(pos);
    if (code === QUOTE) {
      pos = endOfString(text, pos);
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      pos++;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
      pos++;
    } else if (depth > 0) {
      pos++;
    } else {
      // A number or literal on its own: it ends where the next comma, bracket or space starts.
      while (pos < end && !isWhitespace(text.charCodeAt(pos)) && !STRUCTURAL.has(text.charCodeAt(pos))) pos++;
    }
  } while (depth > 0 && pos < end);
  reader.pos = Math.min(pos, end);
}

const STRUCTURAL = new Set([COMMA, COLON, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET]);

/**
 * Where each element of the array under `key` of the top-level object lies in `text`: start and
 * end offsets, two per element. A repeated `key` counts by its last entry, as with JSON.parse.
 * Undefined when the text is not an object or `key` does not hold an array. Only for text
 * JSON.parse accepted: values are stepped over, not checked, so that finding one session of a page
 * costs a scan of the page rather than a parse of it.
 */
export function locateArrayItems(text: string, key: string): Int32Array | undefined {
  const reader = new Reader(text, 0, text.length);
  reader.skipWhitespace();
  if (reader.peek() !== OPEN_BRACE) return undefined;
  reader.pos++;
  reader.skipWhitespace();
  if (reader.peek() === CLOSE_BRACE) return undefined;
  let found: number[] | undefined;
  for (;;) {
    const name = reader.readString();
    reader.skipWhitespace();
    reader.expect(COLON);
    reader.skipWhitespace();
    if (name === key && reader.peek() === OPEN_BRACKET) {
      found = locateItems(reader);
    } else {
      if (name === key) found = undefined;
      stepOver(reader);
    }
    reader.skipWhitespace();
    if (reader.peek() !== COMMA) break;
    reader.pos++;
    reader.skipWhitespace();
  }
  reader.expect(CLOSE_BRACE);
  return found && Int32Array.from(found);
}

function locateItems(reader: Reader): number[] {
  const spans: number[] = [];
  reader.expect(OPEN_BRACKET);
  reader.skipWhitespace();
  if (reader.peek() === CLOSE_BRACKET) {
    reader.pos++;
    return spans;
  }
  for (;;) {
    const start = reader.pos;
    stepOver(reader);
    spans.push(start, reader.pos);
    reader.skipWhitespace();
    if (reader.peek() !== COMMA) break;
    reader.pos++;
    reader.skipWhitespace();
  }
  reader.expect(CLOSE_BRACKET);
  return spans;
}

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

/** Entries flagged `duplicate` anywhere in the tree. */
export function countDuplicateKeys(root: JsonNode): number {
  let count = 0;
  const pending: JsonNode[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.kind === 'array') {
      pending.push(...node.items);
    } else if (node.kind === 'object') {
      for (const entry of node.entries) {
        if (entry.duplicate) count++;
        pending.push(entry.value);
      }
    }
  }
  return count;
}

/**
 * Containers nested deeper than this are printed on one line. Indenting every level would make
 * the text grow with the square of the depth: 10,000 levels would take 200 million spaces.
 */
export const MAX_INDENTED_DEPTH = 100;
const INDENT = '  ';
const LINE_STARTS = Array.from({ length: MAX_INDENTED_DEPTH + 1 }, (_, depth) => `\n${INDENT.repeat(depth)}`);

interface PrintFrame {
  readonly node: JsonObject | JsonArray;
  readonly depth: number;
  /** Index of the next entry or item to print. */
  next: number;
}

function printScalar(node: JsonString | JsonNumber | JsonBoolean | JsonNull): string {
  switch (node.kind) {
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      return node.lexeme;
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'null':
      return 'null';
  }
}

/**
 * Pretty JSON with 2-space indentation: for a tree read from JSON.parse-able text without
 * big or unusually written numbers, integer-like keys or repeated keys, the same text as
 * JSON.stringify(JSON.parse(text), null, 2). Numbers are printed as written, entries in the order
 * sent, repeated keys included (so JSON.parse of the result gives back JSON.parse of the source).
 */
export function formatExactJson(root: JsonNode): string {
  let out = '';
  const stack: PrintFrame[] = [];
  let node: JsonNode | undefined = root;
  for (;;) {
    if (node) {
      if (node.kind === 'object' || node.kind === 'array') {
        const empty = node.kind === 'object' ? node.entries.length === 0 : node.items.length === 0;
        const open = node.kind === 'object' ? '{' : '[';
        if (empty) out += node.kind === 'object' ? '{}' : '[]';
        else {
          out += open;
          stack.push({ node, depth: stack.length, next: 0 });
        }
      } else {
        out += printScalar(node);
      }
      node = undefined;
    }
    const frame = stack.at(-1);
    if (!frame) return out;
    const oneLine = frame.depth >= MAX_INDENTED_DEPTH;
    const parent = frame.node;
    const size = parent.kind === 'object' ? parent.entries.length : parent.items.length;
    if (frame.next < size) {
      if (frame.next > 0) out += ',';
      if (!oneLine) out += LINE_STARTS[frame.depth + 1];
      if (parent.kind === 'object') {
        const entry = parent.entries[frame.next]!;
        out += JSON.stringify(entry.key) + (oneLine ? ':' : ': ');
        node = entry.value;
      } else {
        node = parent.items[frame.next]!;
      }
      frame.next++;
    } else {
      if (!oneLine) out += LINE_STARTS[frame.depth];
      out += parent.kind === 'object' ? '}' : ']';
      stack.pop();
    }
  }
}

/**
 * A node tree for a value JSON.parse produced, for when the text it came from is gone. Numbers
 * are whatever JSON.parse made of them (printed as JSON.stringify prints them, non-finite as
 * null); what JSON.stringify leaves out of objects is left out here too.
 */
export function nodeOfValue(root: unknown): JsonNode {
  const convert = (value: unknown, pending: [unknown, JsonEntry[] | JsonNode[], string | undefined][]): JsonNode => {
    if (value === null) return NULL;
    if (typeof value === 'boolean') return value ? TRUE : FALSE;
    if (typeof value === 'string') return { kind: 'string', value };
    if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', lexeme: JSON.stringify(value) } : NULL;
    if (typeof value === 'bigint') return { kind: 'number', lexeme: String(value) };
    if (Array.isArray(value)) {
      const items: JsonNode[] = [];
      // Reversed onto the stack, so that items are converted (and pushed) in order.
      for (let index = value.length - 1; index >= 0; index--) pending.push([value[index], items, undefined]);
      return { kind: 'array', items };
    }
    if (typeof value === 'object') {
      const entries: JsonEntry[] = [];
      const kept = Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol');
      for (let index = kept.length - 1; index >= 0; index--) pending.push([kept[index]![1], entries, kept[index]![0]]);
      return { kind: 'object', entries };
    }
    return NULL;
  };
  const pending: [unknown, JsonEntry[] | JsonNode[], string | undefined][] = [];
  const node = convert(root, pending);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, into, key] = next;
    const child = convert(value, pending);
    if (key === undefined) (into as JsonNode[]).push(child);
    else (into as JsonEntry[]).push({ key, value: child, duplicate: false });
  }
  return node;
}
