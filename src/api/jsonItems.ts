// Where the items of a page lie in its text: each item then keeps its own part of the text
// (sentJson.ts). Read with jsonc-parser's scanner, which only counts the tokens; nothing is built.
import { createScanner, SyntaxKind } from 'jsonc-parser';

const OPEN_BRACE = SyntaxKind.OpenBraceToken;
const CLOSE_BRACE = SyntaxKind.CloseBraceToken;
const OPEN_BRACKET = SyntaxKind.OpenBracketToken;
const CLOSE_BRACKET = SyntaxKind.CloseBracketToken;
const COMMA = SyntaxKind.CommaToken;
const COLON = SyntaxKind.ColonToken;
const STRING = SyntaxKind.StringLiteral;
const END = SyntaxKind.EOF;

/**
 * Where each element of the array under `key` of the top-level object lies in `text`: start and
 * end offsets, two per element. A repeated `key` counts by its last entry, as with JSON.parse.
 * Undefined when the text is not an object or `key` does not hold an array. Only for text
 * JSON.parse accepted: the tokens are counted, not checked.
 */
export function locateArrayItems(text: string, key: string): Int32Array | undefined {
  const scanner = createScanner(text, true);
  if (scanner.scan() !== OPEN_BRACE) return undefined;
  let found: number[] | undefined;
  /** The spans of the array under `key`, while inside it. */
  let spans: number[] | undefined;
  let depth = 1;
  let name = '';
  let atValue = false;
  for (let token = scanner.scan(); token !== END; token = scanner.scan()) {
    const opens = token === OPEN_BRACE || token === OPEN_BRACKET;
    if (depth === 1) {
      // The top-level object: "name": value, …
      if (token === COLON) atValue = true;
      else if (!atValue) name = token === STRING ? scanner.getTokenValue() : name;
      else {
        atValue = false;
        if (name === key) found = spans = token === OPEN_BRACKET ? [] : undefined;
      }
      if (!opens) continue;
    }
    // In the array: an item starts with a token at its depth, and ends with a scalar there or with
    // the token that closes the item's own container.
    if (spans && depth === 2 && token !== COMMA && token !== CLOSE_BRACKET) spans.push(scanner.getTokenOffset());
    depth += opens ? 1 : token === CLOSE_BRACE || token === CLOSE_BRACKET ? -1 : 0;
    if (depth < 2) spans = undefined;
    else if (spans && depth === 2 && !opens && token !== COMMA) spans.push(scanner.getPosition());
  }
  return found && Int32Array.from(found);
}
