// How long a search text may be: the text a link or a contact hit puts in the search box is cut to
// it, and the chat's search tool refuses longer text. Kept out of remoteSearch.ts so that the core's
// link handling can cut a link's text without loading the search box's code.

/** The longest search text: a name, an email, a phone number or a few words. */
export const SEARCH_MAX_LENGTH = 200;

/** `text` trimmed and cut to SEARCH_MAX_LENGTH characters; whole characters, never half of a pair. */
export function capSearchText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= SEARCH_MAX_LENGTH) return trimmed;
  // Twice the limit in UTF-16 units holds at least the limit in characters.
  return [...trimmed.slice(0, 2 * SEARCH_MAX_LENGTH)].slice(0, SEARCH_MAX_LENGTH).join('').trimEnd();
}
