// A local stand-in for the open.cx API on loopback: the documented chat-session endpoints over
// real HTTP, bearer auth, a per-token rate limit, opaque cursors, and switches that inject the
// faults real networks and servers produce. Control endpoints live under /__stand-in/.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateHistory, generateSessions, type DataOptions, type RawHistoryEvent, type RawSession } from './data';
import { drift, sendBrokenBody, type Faults } from './faults';
import { HttpFailure, readBody, reasonOf, sendError, sendJson } from './http';
import { decodeCursor, encodeCursor, filterSessions, FILTER_PARAMS, validateQuery } from './listQueries';
import { LiveSessions, type SessionChanges } from './liveSessions';
import { searchSessions } from './search';

// What scripts and tests import from the stand-in, wherever it is defined.
export { OVERSIZED_BODY_BYTES, type Faults } from './faults';
export { SEARCH_LIMIT } from './search';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  time: number;
  /** For streamed bodies: the bytes handed to the socket before the client stopped reading. */
  sentBytes?: number;
}

export interface StandInOptions extends DataOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The accepted API key. */
  token?: string;
  pageSize?: number;
  historyPageSize?: number;
  /** Requests a minute per token; 0 turns the limit off. */
  rateLimit?: number;
  rateWindowMs?: number;
  /** Use these sessions instead of generated ones. */
  sessions?: RawSession[];
}

export interface StandIn {
  url: string;
  token: string;
  sessions: RawSession[];
  requests: RecordedRequest[];
  /** Sessions matching list-endpoint query parameters, in the order pages return them. */
  matching(query: Record<string, string | undefined>): RawSession[];
  setFaults(faults: Faults): void;
  clearFaults(): void;
  /** A session arrives now, at the top of its lists (liveSessions.ts); reset() takes it away again. */
  addSession(fields?: SessionChanges): RawSession;
  changeSession(id: string, fields: SessionChanges): RawSession | undefined;
  removeSession(id: string): boolean;
  revokeToken(): void;
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_TOKEN = 'opencx-local-test-key';

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const sessions = options.sessions ?? generateSessions(options);
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const live = new LiveSessions(sessions, byId);
  /** The sessions as started, put back by reset() once a test added, changed or removed some. */
  const original = structuredClone(sessions);
  let edited = false;
  const pageSize = options.pageSize ?? 25;
  const historyPageSize = options.historyPageSize ?? 20;
  const rateLimit = options.rateLimit ?? 100;
  const rateWindowMs = options.rateWindowMs ?? 60_000;
  const validToken = options.token ?? DEFAULT_TOKEN;
  let tokenRevoked = false;
  let faults: Faults = {};
  const requests: RecordedRequest[] = [];
  const sentByToken = new Map<string, number[]>();

  function retryAfterFor(token: string, now: number): number | undefined {
    if (rateLimit <= 0) return undefined;
    const sent = (sentByToken.get(token) ?? []).filter((time) => time > now - rateWindowMs);
    sentByToken.set(token, sent);
    if (sent.length >= rateLimit) return Math.max(1, Math.ceil((sent[0]! + rateWindowMs - now) / 1000));
    sent.push(now);
    return undefined;
  }

  /** Histories made for message search, once per session (tests may replace sessions). */
  const histories = new WeakMap<RawSession, RawHistoryEvent[]>();
  const historyOf = (session: RawSession) => {
    let events = histories.get(session);
    if (!events) histories.set(session, (events = generateHistory(session)));
    return events;
  };

  function route(path: string, query: Record<string, string>): { status: number; body: unknown } {
    if (path === '/chat/sessions') {
      validateQuery(query);
      const filters = Object.fromEntries(FILTER_PARAMS.filter((name) => query[name] !== undefined).map((name) => [name, query[name]!]));
      const scope = JSON.stringify(filters);
      const offset = query.cursor ? decodeCursor(query.cursor, scope) : 0;
      const all = filterSessions(sessions, filters);
      const end = offset + pageSize;
      return { status: 200, body: { items: all.slice(offset, end), next: end < all.length ? encodeCursor(end, scope) : null } };
    }
    if (path === '/chat/sessions/search') return { status: 200, body: searchSessions(sessions, historyOf, query.q) };
    const match = /^\/chat\/sessions\/([^/]+)(\/history)?$/.exec(path);
    if (match) {
      const session = byId.get(decodeURIComponent(match[1]!));
      if (!session) throw new HttpFailure(404, 'Chat session not found');
      if (!match[2]) return { status: 200, body: session };
      const scope = `history:${session.id}`;
      const offset = query.cursor ? decodeCursor(query.cursor, scope) : 0;
      const events = generateHistory(session);
      const end = offset + historyPageSize;
      return { status: 200, body: { items: events.slice(offset, end), next: end < events.length ? encodeCursor(end, scope) : null } };
    }
    throw new HttpFailure(404, `Cannot GET ${path}`);
  }

  async function handleControl(request: IncomingMessage, response: ServerResponse, path: string, url: URL): Promise<void> {
    const body = await readBody(request);
    if (path === '/__stand-in/requests') {
      if (request.method === 'DELETE') requests.length = 0;
      return sendJson(response, 200, requests);
    }
    if (path === '/__stand-in/faults') {
      faults = request.method === 'DELETE' ? {} : (JSON.parse(body || '{}') as Faults);
      return sendJson(response, 200, faults);
    }
    if (path === '/__stand-in/sessions' && request.method === 'POST') {
      return sendJson(response, 201, standIn.addSession(JSON.parse(body || '{}') as SessionChanges));
    }
    if (path === '/__stand-in/sessions') {
      return sendJson(response, 200, filterSessions(sessions, Object.fromEntries(url.searchParams)));
    }
    const one = /^\/__stand-in\/sessions\/([^/]+)$/.exec(path);
    if (one && (request.method === 'PATCH' || request.method === 'DELETE')) {
      const id = decodeURIComponent(one[1]!);
      const done = request.method === 'PATCH' ? standIn.changeSession(id, JSON.parse(body || '{}') as SessionChanges) : standIn.removeSession(id);
      return done ? sendJson(response, 200, done) : sendError(response, 404, `No session ${id}`);
    }
    if (path === '/__stand-in/revoke') {
      tokenRevoked = true;
      return sendJson(response, 200, {});
    }
    if (path === '/__stand-in/reset') {
      standIn.reset();
      return sendJson(response, 200, {});
    }
    sendError(response, 404, `No control endpoint ${path}`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (path.startsWith('/__stand-in/')) return handleControl(request, response, path, url);

    const query = Object.fromEntries(url.searchParams);
    const record: RecordedRequest = { method: request.method ?? 'GET', path, query, status: 0, time: Date.now() };
    requests.push(record);
    response.on('finish', () => (record.status = response.statusCode));

    const active = faults.path === undefined || path.startsWith(faults.path) ? faults : {};
    if (active === faults && faults.times !== undefined && --faults.times <= 0) faults = {};
    if (active.latencyMs) await new Promise((resolve) => setTimeout(resolve, active.latencyMs));
    if (active.hang) return; // the socket stays open until the client gives up or the server closes

    const auth = request.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!token) return sendError(response, 401, 'Missing API key');
    if (token !== validToken || tokenRevoked) return sendError(response, 401, 'Invalid API key');
    const retryAfter = retryAfterFor(token, Date.now());
    if (retryAfter !== undefined) {
      return sendError(response, 429, 'Too many requests, please retry later', { 'retry-after': String(retryAfter) });
    }
    if (request.method !== 'GET') return sendError(response, 404, `Cannot ${request.method} ${path}`);

    if (active.status) {
      const retryAfter = active.retryAfter ?? (active.retryAfterSeconds === undefined ? undefined : String(active.retryAfterSeconds));
      const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': retryAfter };
      return sendError(response, active.status, active.message ?? reasonOf(active.status) ?? 'Error', headers);
    }
    let result: { status: number; body: unknown };
    try {
      result = route(path, query);
    } catch (error) {
      if (error instanceof HttpFailure) return sendError(response, error.status, error.message);
      throw error;
    }
    if (active.bodyText !== undefined) {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      return void response.end(active.bodyText);
    }
    const body = result.body as { items?: RawSession[] } & Record<string, unknown>;
    if (active.body) return sendBrokenBody(response, active.body, body, record);
    if (active.next !== undefined && Array.isArray(body.items)) return sendJson(response, 200, { ...body, next: active.next });
    if (active.drift) {
      if (Array.isArray(body.items)) return sendJson(response, 200, { ...body, items: body.items.map(drift), total_estimate: body.items.length });
      if (path.split('/').length === 4) return sendJson(response, 200, drift(body as RawSession));
    }
    sendJson(response, result.status, body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, error instanceof Error ? error.message : 'Internal error');
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  const standIn: StandIn = {
    url: `http://${host}:${address.port}`,
    token: validToken,
    sessions,
    requests,
    matching: (query) => filterSessions(sessions, query),
    setFaults: (next) => (faults = { ...next }),
    clearFaults: () => (faults = {}),
    addSession: (fields) => ((edited = true), live.add(fields)),
    changeSession: (id, fields) => ((edited = true), live.change(id, fields)),
    removeSession: (id) => ((edited = true), live.remove(id)),
    revokeToken: () => (tokenRevoked = true),
    reset() {
      if (edited) {
        sessions.splice(0, sessions.length, ...structuredClone(original));
        byId.clear();
        for (const session of sessions) byId.set(session.id, session);
        edited = false;
      }
      faults = {};
      tokenRevoked = false;
      requests.length = 0;
      sentByToken.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return standIn;
}
