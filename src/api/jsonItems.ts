// Finds where each item of a page's array lies in the page's text, without parsing the items: the
// exact view of one session costs a scan of its page, not a parse of it.
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, isWhitespace, OPEN_BRACE, OPEN_BRACKET, QUOTE, Reader } from './jsonReader';

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
