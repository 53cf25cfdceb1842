// A JSON value as a tree that keeps what JSON.parse loses: a number keeps the text it was sent as
// (9007199254740993, 1e400, -0 and 1.0 survive), an object keeps its entries in the order sent
// (JSON.parse moves integer-like keys such as "2" to the front) and every entry of a key that
// repeats (JSON.parse keeps the last), flagging the repeats.
//
// The text is read with jsonc-parser's scanner, in strict JSON: comments, trailing commas and
// anything else JSON.parse rejects are errors. Not with its parseTree: that recurses a few frames
// per level and runs out of stack on nesting that JSON.parse reads without trouble. Here the
// containers being read are on a stack of our own, as they are when printing, so a deeply nested
// body costs memory in proportion to its size, not call stack.
import { createScanner, ScanError, SyntaxKind, type JSONScanner } from 'jsonc-parser';
import { FALSE, NULL, TRUE, type JsonArray, type JsonEntry, type JsonNode, type JsonObject } from './jsonNodes';

export type { JsonArray, JsonBoolean, JsonEntry, JsonNode, JsonNull, JsonNumber, JsonObject, JsonString } from './jsonNodes';

const OPEN_BRACE = SyntaxKind.OpenBraceToken;
const CLOSE_BRACE = SyntaxKind.CloseBraceToken;
const OPEN_BRACKET = SyntaxKind.OpenBracketToken;
const CLOSE_BRACKET = SyntaxKind.CloseBracketToken;
const COMMA = SyntaxKind.CommaToken;
const COLON = SyntaxKind.ColonToken;
const NULL_WORD = SyntaxKind.NullKeyword;
const TRUE_WORD = SyntaxKind.TrueKeyword;
const FALSE_WORD = SyntaxKind.FalseKeyword;
const STRING = SyntaxKind.StringLiteral;
const NUMBER = SyntaxKind.NumericLiteral;
const LINE_COMMENT = SyntaxKind.LineCommentTrivia;
const BLOCK_COMMENT = SyntaxKind.BlockCommentTrivia;
const LINE_BREAK = SyntaxKind.LineBreakTrivia;
const SPACE = SyntaxKind.Trivia;
const UNKNOWN = SyntaxKind.Unknown;
const END = SyntaxKind.EOF;
const NO_ERROR = ScanError.None;

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

type ObjectFrame = { node: { kind: 'object'; entries: JsonEntry[] }; keys: Set<string>; key: string };
type ArrayFrame = { node: { kind: 'array'; items: JsonNode[] } };

/**
 * The tokens of a JSON text, in strict JSON: whitespace is skipped, and a comment or anything else
 * JSON.parse rejects throws an ExactJsonError at its position.
 */
class StrictTokens {
  private readonly scanner: JSONScanner;

  /** `part` is the text read, `from` its offset in the whole text (for the error's position). */
  constructor(
    private readonly part: string,
    private readonly from: number,
  ) {
    this.scanner = createScanner(part);
  }

  /** The next token that is not whitespace, checked. */
  next(): SyntaxKind {
    let token = this.scanner.scan();
    while (token === SPACE || token === LINE_BREAK) token = this.scanner.scan();
    if (token === UNKNOWN || token === LINE_COMMENT || token === BLOCK_COMMENT || this.scanner.getTokenError() !== NO_ERROR) this.fail();
    return token;
  }

  /** The current token's value: a string unescaped, a number as written. */
  value(): string {
    return this.scanner.getTokenValue();
  }

  /** Reads an object's key, `token`, and the colon after it. */
  readKey(token: SyntaxKind): string {
    if (token !== STRING) this.fail();
    const key = this.scanner.getTokenValue();
    if (this.next() !== COLON) this.fail();
    return key;
  }

  fail(): never {
    const offset = this.scanner.getTokenOffset();
    const token = this.scanner.getToken();
    const what =
      token === END ? 'Unexpected end of JSON text'
      : token === LINE_COMMENT || token === BLOCK_COMMENT ? 'Comment'
      : `Unexpected ${JSON.stringify(this.part.slice(offset, offset + this.scanner.getTokenLength()))}`;
    throw new ExactJsonError(`${what} at position ${this.from + offset}`, this.from + offset);
  }
}

/**
 * Parses the JSON text between `from` and `to` (the whole text by default) into a tree. Accepts
 * exactly what JSON.parse accepts (surrounding whitespace included) and throws an ExactJsonError
 * for anything else, comments and trailing commas included.
 */
export function parseExactJson(text: string, from = 0, to = text.length): JsonNode {
  const tokens = new StrictTokens(text.slice(from, to), from);
  const stack: (ObjectFrame | ArrayFrame)[] = [];
  let token = tokens.next();
  for (;;) {
    // `token` starts a value: a scalar, an empty container, or the first entry of a new one.
    let value: JsonNode;
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      const object = token === OPEN_BRACE;
      token = tokens.next();
      if (token === (object ? CLOSE_BRACE : CLOSE_BRACKET)) value = object ? { kind: 'object', entries: [] } : { kind: 'array', items: [] };
      else if (!object) {
        stack.push({ node: { kind: 'array', items: [] } });
        continue;
      } else {
        const frame: ObjectFrame = { node: { kind: 'object', entries: [] }, keys: new Set(), key: tokens.readKey(token) };
        stack.push(frame);
        token = tokens.next();
        continue;
      }
    } else if (token === STRING) value = { kind: 'string', value: tokens.value() };
    else if (token === NUMBER) value = { kind: 'number', lexeme: tokens.value() };
    else if (token === TRUE_WORD) value = TRUE;
    else if (token === FALSE_WORD) value = FALSE;
    else if (token === NULL_WORD) value = NULL;
    else return tokens.fail();

    // The value is complete: hand it to its container, closing every container it completes.
    for (;;) {
      const frame = stack.at(-1);
      token = tokens.next();
      if (!frame) return token === END ? value : tokens.fail();
      if ('keys' in frame) {
        frame.node.entries.push({ key: frame.key, value, duplicate: frame.keys.has(frame.key) });
        frame.keys.add(frame.key);
      } else frame.node.items.push(value);
      if (token === COMMA) {
        token = tokens.next();
        if ('keys' in frame) {
          frame.key = tokens.readKey(token);
          token = tokens.next();
        }
        break;
      }
      if (token !== ('keys' in frame ? CLOSE_BRACE : CLOSE_BRACKET)) tokens.fail();
      stack.pop();
      value = frame.node;
    }
  }
}

/**
 * Containers nested deeper than this are printed on one line. Indenting every level would make
 * the text grow with the square of the depth: 10,000 levels would take 200 million spaces.
 */
export const MAX_INDENTED_DEPTH = 100;
const LINE_STARTS = Array.from({ length: MAX_INDENTED_DEPTH + 1 }, (_, depth) => `\n${'  '.repeat(depth)}`);

/**
 * Pretty JSON with 2-space indentation: for a tree read from JSON.parse-able text without
 * big or unusually written numbers, integer-like keys or repeated keys, the same text as
 * JSON.stringify(JSON.parse(text), null, 2). Numbers are printed as written, entries in the order
 * sent, repeated keys included (so JSON.parse of the result gives back JSON.parse of the source);
 * strings as JSON.stringify escapes them ("\u00e9" prints as "é", "\/" as "/").
 * `rootDepth` is how deep `root` sits in a larger tree printed the same way.
 */
export function formatExactJson(root: JsonNode, rootDepth = 0): string {
  let out = '';
  const stack: { node: JsonObject | JsonArray; depth: number; next: number }[] = [];
  let node: JsonNode | undefined = root;
  for (;;) {
    if (node?.kind === 'object' || node?.kind === 'array') {
      const empty = node.kind === 'object' ? node.entries.length === 0 : node.items.length === 0;
      if (empty) out += node.kind === 'object' ? '{}' : '[]';
      else {
        out += node.kind === 'object' ? '{' : '[';
        stack.push({ node, depth: rootDepth + stack.length, next: 0 });
      }
    } else if (node) {
      out += node.kind === 'string' ? JSON.stringify(node.value) : node.kind === 'number' ? node.lexeme : node.kind === 'null' ? 'null' : String(node.value);
    }
    node = undefined;
    const frame = stack.at(-1);
    if (!frame) return out;
    const oneLine = frame.depth >= MAX_INDENTED_DEPTH;
    const parent = frame.node;
    if (frame.next < (parent.kind === 'object' ? parent.entries : parent.items).length) {
      if (frame.next > 0) out += ',';
      if (!oneLine) out += LINE_STARTS[frame.depth + 1];
      if (parent.kind === 'object') {
        const entry = parent.entries[frame.next]!;
        out += JSON.stringify(entry.key) + (oneLine ? ':' : ': ');
        node = entry.value;
      } else node = parent.items[frame.next];
      frame.next++;
    } else {
      if (!oneLine) out += LINE_STARTS[frame.depth];
      out += parent.kind === 'object' ? '}' : ']';
      stack.pop();
    }
  }
}

/** Entries flagged `duplicate` anywhere in the tree. */
export function countDuplicateKeys(root: JsonNode): number {
  let count = 0;
  const pending: JsonNode[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.kind === 'array') pending.push(...node.items);
    else if (node.kind === 'object') {
      for (const entry of node.entries) {
        if (entry.duplicate) count++;
        pending.push(entry.value);
      }
    }
  }
  return count;
}

/**
 * A tree for a value JSON.parse produced, for when the text it came from is gone. Numbers are
 * whatever JSON.parse made of them (printed as JSON.stringify prints them, non-finite as null);
 * what JSON.stringify leaves out of objects is left out here too. Not JSON.stringify itself: it
 * recurses, and runs out of stack near 10,000 levels.
 */
export function nodeOfValue(root: unknown): JsonNode {
  let result: JsonNode = NULL;
  const pending: [unknown, (node: JsonNode) => void][] = [[root, (node) => (result = node)]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, put] = next;
    if (typeof value === 'string') put({ kind: 'string', value });
    else if (typeof value === 'boolean') put(value ? TRUE : FALSE);
    else if (typeof value === 'number') put(Number.isFinite(value) ? { kind: 'number', lexeme: JSON.stringify(value) } : NULL);
    else if (typeof value === 'bigint') put({ kind: 'number', lexeme: String(value) });
    else if (Array.isArray(value)) {
      const items: JsonNode[] = Array.from({ length: value.length });
      put({ kind: 'array', items });
      for (let index = 0; index < value.length; index++) pending.push([value[index], (node) => (items[index] = node)]);
    } else if (typeof value === 'object' && value !== null) {
      const kept = Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol');
      const entries: JsonEntry[] = Array.from({ length: kept.length });
      put({ kind: 'object', entries });
      kept.forEach(([key, item], index) => pending.push([item, (node) => (entries[index] = { key, value: node, duplicate: false })]));
    } else put(NULL);
  }
  return result;
}
