// A cursor over JSON text that reads its tokens exactly as ECMA-404 defines them, for the exact
// parser (exactJsonParse.ts) and the page item finder (jsonItems.ts).
import { FALSE, NULL, TRUE, type JsonBoolean, type JsonNull } from './jsonNode';

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

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export const isDigit = (code: number) => code >= DIGIT_0 && code <= DIGIT_9;
export const isWhitespace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/** A cursor over `text` between `pos` and `end` that reads JSON tokens exactly as ECMA-404 defines them. */
export class Reader {
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
