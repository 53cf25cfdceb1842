// Session ids (UUIDs) in any text: logs, code, JSON, Markdown, chat messages. Plain TypeScript.
//
// An id counts only where it stands alone as a UUID: a longer run of hex digits or dashes around it
// (a hash, a longer identifier) is not one, while quotes, slashes, underscores or letters that are
// not hex digits may touch it (`"…"`, `/sessions/…`, `session_…`).
const UUID_IN_TEXT = /(?<![0-9A-Fa-f-])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])/g;

export interface IdInText {
  /** Offsets in the text: [start, end). */
  start: number;
  end: number;
  /** Lower case, as the API writes ids. */
  id: string;
}

/** Every session id in `text`, in order. */
export function findSessionIds(text: string): IdInText[] {
  const found: IdInText[] = [];
  for (const match of text.matchAll(UUID_IN_TEXT)) {
    found.push({ start: match.index, end: match.index + match[0].length, id: match[0].toLowerCase() });
  }
  return found;
}

/** The session id that covers `offset` in `text` (a cursor on it or just after it). */
export function sessionIdAt(text: string, offset: number): IdInText | undefined {
  // A UUID is 36 characters: only the text around the offset can hold it.
  const from = Math.max(0, offset - 37);
  const window = text.slice(from, offset + 37);
  return findSessionIds(window)
    .map((found) => ({ ...found, start: found.start + from, end: found.end + from }))
    .find((found) => found.start <= offset && offset <= found.end);
}
