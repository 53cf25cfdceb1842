// The documented GET endpoints of the chat sessions API: a page of sessions (filtered, with an
// opaque cursor), a search, one session, and a page of its history.
import { generateHistory, type RawHistoryEvent, type RawSession } from './data';
import { HttpFailure } from './http';
import { decodeCursor, encodeCursor, filterSessions, FILTER_PARAMS, validateQuery } from './listQueries';
import { searchSessions } from './search';

/** What a route answers, before any fault changes it. */
export interface RouteResult {
  status: number;
  body: unknown;
}

/** What the routes read: the sessions as they stand, and how many items a page holds. */
export interface ApiData {
  sessions: RawSession[];
  byId: Map<string, RawSession>;
  pageSize: number;
  historyPageSize: number;
  /** A session's history as message search reads it. */
  historyOf: (session: RawSession) => RawHistoryEvent[];
}

/** The answer to a GET of `path`; throws an HttpFailure for what the API refuses. */
export function routeApi(data: ApiData, path: string, query: Record<string, string>): RouteResult {
  if (path === '/chat/sessions') return sessionsPage(data, query);
  if (path === '/chat/sessions/search') return { status: 200, body: searchSessions(data.sessions, data.historyOf, query.q) };
  const match = /^\/chat\/sessions\/([^/]+)(\/history)?$/.exec(path);
  if (match) {
    const session = data.byId.get(decodeURIComponent(match[1]!));
    if (!session) throw new HttpFailure(404, 'Chat session not found');
    if (!match[2]) return { status: 200, body: session };
    return historyPage(data, session, query);
  }
  throw new HttpFailure(404, `Cannot GET ${path}`);
}

/** Histories made for message search, once per session (tests may replace sessions). */
export function historiesForSearch(): (session: RawSession) => RawHistoryEvent[] {
  const histories = new WeakMap<RawSession, RawHistoryEvent[]>();
  return (session) => {
    let events = histories.get(session);
    if (!events) histories.set(session, (events = generateHistory(session)));
    return events;
  };
}

/** GET /chat/sessions: a page of the sessions the filters match; its cursor holds for these filters only. */
function sessionsPage(data: ApiData, query: Record<string, string>): RouteResult {
  validateQuery(query);
  const filters = Object.fromEntries(FILTER_PARAMS.filter((name) => query[name] !== undefined).map((name) => [name, query[name]!]));
  const scope = JSON.stringify(filters);
  const offset = query.cursor ? decodeCursor(query.cursor, scope) : 0;
  const all = filterSessions(data.sessions, filters);
  const end = offset + data.pageSize;
  return { status: 200, body: { items: all.slice(offset, end), next: end < all.length ? encodeCursor(end, scope) : null } };
}

/** GET /chat/sessions/{id}/history: a page of the session's events; its cursor holds for this session only. */
function historyPage(data: ApiData, session: RawSession, query: Record<string, string>): RouteResult {
  const scope = `history:${session.id}`;
  const offset = query.cursor ? decodeCursor(query.cursor, scope) : 0;
  const events = generateHistory(session);
  const end = offset + data.historyPageSize;
  return { status: 200, body: { items: events.slice(offset, end), next: end < events.length ? encodeCursor(end, scope) : null } };
}
