// An item's JSON as sent, on one line: JSON Lines ends each item at a line break, and the server's
// text may break lines between tokens. Only those breaks go; every value, key, repeated key,
// number as written and space stays. Read with jsonc-parser's scanner, the tokenizer the client
// already uses to find the items of a page (api/jsonItems.ts).
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { HistoryEvent, Session } from '../../api/schemas';
import { sentItemOf } from '../../api/sentJson';

/** JSON text JSON.parse accepted, without the line breaks between its tokens (strings cannot hold one). */
export function withoutLineBreaks(text: string): string {
  if (!/[\r\n]/.test(text)) return text;
  const scanner = createScanner(text, false);
  const parts: string[] = [];
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token !== SyntaxKind.LineBreakTrivia) parts.push(text.slice(scanner.getTokenOffset(), scanner.getPosition()));
  }
  return parts.join('');
}

/**
 * An item exactly as the server sent it, on one line. An item whose text is not known (made in
 * code, or restored from saved state) is written as JSON.parse kept it.
 */
export function itemLine(item: Session | HistoryEvent): string {
  const sent = sentItemOf(item);
  return sent ? withoutLineBreaks(sent.text) : JSON.stringify(item.raw);
}

/**
 * A session on one line, with its history as a last `history` entry when it is given: the
 * session's own entries come first, as sent.
 */
export function sessionLine(session: Session, history?: readonly HistoryEvent[]): string {
  const line = itemLine(session);
  if (!history) return line;
  const events = `"history":[${history.map(itemLine).join(',')}]`;
  const body = line.slice(0, line.lastIndexOf('}')).trimEnd();
  return `${body}${body.endsWith('{') ? '' : ','}${events}}`;
}
