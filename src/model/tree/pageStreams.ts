// The streams behind a leaf group's pages: one per server-side query (several when the filter
// selects several values), each where its paging stands. A stream that would page without end
// stops with an error that says why.
import { ApiError } from '../../api/errors';
import type { Page, Session } from '../../api/schemas';
import type { SessionQuery } from '../../api/sessionQuery';

/** One stream of pages: one server-side query and where its paging stands. */
export interface Stream {
  readonly query: SessionQuery;
  cursor: string | undefined;
  /** Every cursor this stream has followed: a server that hands one out again pages in a circle. */
  readonly followed: Set<string>;
  done: boolean;
  error: ApiError | undefined;
}

export function newStream(query: SessionQuery): Stream {
  return { query, cursor: undefined, followed: new Set(), done: false, error: undefined };
}

/**
 * Takes a stream's next page: its cursor moves on. False, with the stream's error set, when the
 * page is not taken. `isShown` says whether a session is already one of the group's rows.
 */
export function followPage(stream: Stream, { items, next }: Page<Session>, isShown: (id: string) => boolean): boolean {
  const repeated = next !== null && (next === stream.cursor || stream.followed.has(next));
  if (repeated || (next !== null && !items.some((session) => !isShown(session.id)))) {
    // Following this cursor would show nothing new, for ever: stop and say why. The page is
    // not taken and the cursor that led to it is kept, so Retry asks for the same page again.
    stream.error = new ApiError('invalidResponse', stuckMessage(repeated));
    return false;
  }
  if (stream.cursor !== undefined) stream.followed.add(stream.cursor);
  stream.cursor = next ?? undefined;
  stream.done = next === null;
  return true;
}

/** Starts a stream again after its first page, as a first page read again left it. */
export function restartStream(stream: Stream, next: string | null): void {
  stream.cursor = next ?? undefined;
  stream.done = next === null;
  stream.followed.clear();
}

function stuckMessage(cursorRepeated: boolean): string {
  return cursorRepeated
    ? 'open.cx sent a page cursor it had sent before, so the list would repeat without end. Loading this group stopped here; Retry asks for the same page again.'
    : 'open.cx sent a page with no session that is not already shown, yet said more follow. Loading this group stopped here; Retry asks for the same page again.';
}

/** Newest first: by the last update, else by creation. */
export function byRecentActivity(a: Session, b: Session): number {
  const time = (session: Session) => session.updated_at ?? session.created_at ?? '';
  return time(b).localeCompare(time(a));
}
