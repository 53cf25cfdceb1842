// Where the items of a page lie in its text, found without parsing it: each item then keeps its
// own part of the text (sentJson.ts). Every page goes through this as it arrives, so it is a bare
// loop over character codes, with nothing built but the offsets.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** JSON's whitespace (space, tab, line feed, carriage return) is all at or below the space. */
const SPACE = 0x20;

/**
 * Where each element of the array under `key` of the top-level object lies in `text`: start and
 * end offsets, two per element. A repeated `key` counts by its last entry, as with JSON.parse.
 * Undefined when the text is not an object or `key` does not hold an array. Only for text
 * JSON.parse accepted: the tokens are counted, not checked.
 */
export function locateArrayItems(text: string, key: string): Int32Array | undefined {
  let at = 0;
  while (text.charCodeAt(at) <= SPACE) at++;
  if (text.charCodeAt(at) !== OPEN_BRACE) return undefined;
  let found: number[] | undefined;
  /** The spans of the array under `key`, while inside it. */
  let spans: number[] | undefined;
  let depth = 0;
  let name = '';
  let atValue = false;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code <= SPACE) {
      at++;
      continue;
    }
    const opens = code === OPEN_BRACE || code === OPEN_BRACKET;
    const closes = code === CLOSE_BRACE || code === CLOSE_BRACKET;
    const end = code === QUOTE ? stringEnd(text, at) : opens || closes || code === COMMA || code === COLON ? at + 1 : scalarEnd(text, at);
    if (depth === 1) {
      // The top-level object: "name": value, …
      if (code === COLON) atValue = true;
      else if (atValue) {
        atValue = false;
        if (name === key) found = spans = code === OPEN_BRACKET ? [] : undefined;
      } else if (code === QUOTE) name = stringValue(text, at, end);
    }
    // In the array: an item starts with a token at its depth, and ends with a scalar there or with
    // the token that closes the item's own container.
    if (spans && depth === 2 && code !== COMMA && !closes) spans.push(at);
    depth += opens ? 1 : closes ? -1 : 0;
    if (depth < 2) spans = undefined;
    else if (spans && depth === 2 && !opens && code !== COMMA) spans.push(end);
    at = end;
  }
  return found && Int32Array.from(found);
}

/** The offset just past the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  for (let from = start + 1; ; ) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** The offset just past the number, true, false or null that starts at `start`. */
function scalarEnd(text: string, start: number): number {
  let at = start + 1;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code <= SPACE || code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE) break;
  }
  return at;
}

/** The value of the string between `start` and `end`; a key seldom has escapes to undo. */
function stringValue(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return inner.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : inner;
}
