// Session ids (UUIDs, as src/api/ids.ts defines them) in any text: logs, code, JSON, Markdown,
// chat messages. Plain TypeScript.
//
// An id counts only where it stands alone as a UUID: a longer run of hex digits or dashes around it
// (a hash, a longer identifier) is not one, while quotes, slashes, underscores or letters that are
// not hex digits may touch it (`"…"`, `/sessions/…`, `session_…`).
import { isSessionId } from '../../api/ids';

// Found by its middle: a regular expression over the whole UUID tries every position of a large
// log; the dash-separated middle is rare in text, so finding it first and checking the 36
// characters around it skips most of that work.
const UUID_MIDDLE = /-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-/g;

const isHex = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
/** Characters that would make the UUID part of a longer hex string or dashed identifier. */
const extendsId = (code: number) => isHex(code) || code === 45;

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
  const middle = new RegExp(UUID_MIDDLE.source, 'g');
  for (let match = middle.exec(text); match; match = middle.exec(text)) {
    const start = match.index - 8;
    const end = start + 36;
    if (start >= 0 && isSessionId(text.slice(start, end)) && !(start > 0 && extendsId(text.charCodeAt(start - 1))) && !extendsId(text.charCodeAt(end))) {
      found.push({ start, end, id: text.slice(start, end).toLowerCase() });
      middle.lastIndex = end;
    } else {
      // This middle was not one; the next may start inside it.
      middle.lastIndex = match.index + 1;
    }
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
