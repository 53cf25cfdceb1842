// A local stand-in for the open.cx API on loopback: the documented chat-session endpoints over
// real HTTP, bearer auth, a per-token rate limit, opaque cursors, and switches that inject the
// faults real networks and servers produce. Control endpoints live under /__stand-in/.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHANNEL_TYPES, SESSION_STATUSES } from '../../src/api/schemas';
import { generateHistory, generateSessions, type DataOptions, type Json, type RawHistoryEvent, type RawSession } from './data';
import { LiveSessions, type SessionChanges } from './liveSessions';

export interface Faults {
  /** Delay before answering, in ms. */
  latencyMs?: number;
  /** Answer with this HTTP status and the documented error body. */
  status?: number;
  /** Sent with `status` (429, 503). */
  retryAfterSeconds?: number;
  /** Sent with `status` as the Retry-After header exactly as given, junk included; wins over `retryAfterSeconds`. */
  retryAfter?: string;
  /** Overrides the error body's `message`. */
  message?: string;
  /**
   * A broken 200 body. `oversized` streams a page of OVERSIZED_BODY_BYTES without a length;
   * `oversizedDeclared` announces that length in Content-Length first. Both stop writing as soon
   * as the client stops reading.
   */
  body?: 'malformed' | 'truncated' | 'empty' | 'html' | 'missingItems' | 'oversized' | 'oversizedDeclared';
  /** A 200 body of exactly this text: JSON that JSON.stringify cannot write (integers beyond 2^53, repeated keys). */
  bodyText?: string;
  /** Accept the request and never answer (the client must time out). */
  hang?: boolean;
  /** Drift every session: nulls, unknown enum values, unknown fields, missing optional objects. */
  drift?: boolean;
  /** Send this as a page's `next` (sessions or history), whatever its type. */
  next?: Json;
  /** Apply to this many matching requests, then clear by itself. */
  times?: number;
  /** Only requests whose path starts with this. */
  path?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  time: number;
  /** For streamed bodies: the bytes handed to the socket before the client stopped reading. */
  sentBytes?: number;
}

/** What an oversized body would come to, were it read to the end: valid JSON, mostly white space. */
export const OVERSIZED_BODY_BYTES = 64 * 1024 * 1024;

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
const FILTER_PARAMS = ['status', 'channel_type', 'handed_off', 'created_after', 'created_before', 'updated_after', 'updated_before'] as const;
const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

class HttpFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function validateQuery(query: Record<string, string>): void {
  const check = (name: string, allowed: readonly string[]) => {
    const value = query[name];
    if (value !== undefined && !allowed.includes(value)) {
      throw new HttpFailure(400, `${name} must be one of the following values: ${allowed.join(', ')}`);
    }
  };
  check('status', SESSION_STATUSES);
  check('channel_type', CHANNEL_TYPES);
  check('handed_off', ['true', 'false']);
  for (const name of FILTER_PARAMS.filter((param) => param.endsWith('_after') || param.endsWith('_before'))) {
    const value = query[name];
    if (value !== undefined && Number.isNaN(Date.parse(value))) throw new HttpFailure(400, `${name} must be a valid ISO 8601 date string`);
  }
}

function filterSessions(sessions: RawSession[], query: Record<string, string | undefined>): RawSession[] {
  const time = (name: string) => (query[name] === undefined ? undefined : Date.parse(query[name]!));
  const [createdAfter, createdBefore, updatedAfter, updatedBefore] = ['created_after', 'created_before', 'updated_after', 'updated_before'].map(time);
  return sessions.filter((session) => {
    // A session without a time (the 2024 document allows null) is in no window of that time.
    const created = Date.parse(session.created_at ?? '');
    const updated = Date.parse(session.updated_at ?? '');
    return (
      (query.status === undefined || session.status === query.status) &&
      (query.channel_type === undefined || session.channel.type === query.channel_type) &&
      (query.handed_off === undefined || (session.handoff != null) === (query.handed_off === 'true')) &&
      (createdAfter === undefined || created > createdAfter) &&
      (createdBefore === undefined || created < createdBefore) &&
      (updatedAfter === undefined || updated > updatedAfter) &&
      (updatedBefore === undefined || updated < updatedBefore)
    );
  });
}

/** Opaque to clients; bound to the query it was issued for. */
function encodeCursor(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope })).toString('base64url');
}

function decodeCursor(cursor: string, scope: string): number {
  try {
    const { o, s } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o: unknown; s: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && s === scope) return o;
  } catch {
    // falls through to the error below
  }
  throw new HttpFailure(400, 'Invalid cursor');
}

function drift(session: RawSession): Json {
  return {
    ...session,
    sentiment: 'confused',
    ai_closure_type: 'escalated_to_tier_2',
    contact: null,
    team: null,
    handoff: session.handoff == null ? null : { summary: null, sentiment: 'furious' },
    language: null,
    assignee_id: null,
    custom_data: null,
    ticket_number: null,
    ticketing_system: { name: 'servicenow', external_id: 42, id_type: null },
    priority: 'p1',
    tags: ['vip', 'beta'],
    sla: { breached: false, due_at: session.updated_at },
  };
}

/** Hits of each kind the stand-in's search answers with at most. */
export const SEARCH_LIMIT = 50;

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

  function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
  }

  function sendError(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
    sendJson(response, status, { statusCode: status, message, error: REASONS[status] ?? 'Error' }, headers);
  }

  /** Histories made for message search, once per session (tests may replace sessions). */
  const histories = new WeakMap<RawSession, RawHistoryEvent[]>();
  const historyOf = (session: RawSession) => {
    let events = histories.get(session);
    if (!events) histories.set(session, (events = generateHistory(session)));
    return events;
  };

  /**
   * GET /chat/sessions/search as the reference describes it: case-insensitive matches over contact
   * name, email and phone and over message text; `q` required and not empty. The reference names
   * no limit; the stand-in answers at most SEARCH_LIMIT hits of each kind.
   */
  function search(q: string | undefined): { contacts: Json[]; messages: Json[] } {
    if (!q) throw new HttpFailure(400, 'q should not be empty');
    const needle = q.toLowerCase();
    const has = (value: Json | undefined) => typeof value === 'string' && value.toLowerCase().includes(needle);
    const contacts = new Map<string, Json>();
    for (const session of sessions) {
      const contact = session.contact as { [key: string]: Json } | null | undefined;
      if (!contact || typeof contact.id !== 'string' || contacts.has(contact.id)) continue;
      if (has(contact.name) || has(contact.email) || has(contact.phone_number)) {
        contacts.set(contact.id, { id: contact.id, name: contact.name ?? null, email: contact.email ?? null, phone: contact.phone_number ?? null });
      }
      if (contacts.size === SEARCH_LIMIT) break;
    }
    const messages: Json[] = [];
    for (const session of sessions) {
      for (const item of historyOf(session)) {
        const event = item.event as { type?: Json; content?: { text?: Json } | null } | null;
        const message = event?.content?.text;
        if (typeof message === 'string' && has(message)) messages.push({ id: item.id ?? null, session_id: session.id, message, type: event?.type ?? null });
        if (messages.length === SEARCH_LIMIT) break;
      }
      if (messages.length === SEARCH_LIMIT) break;
    }
    return { contacts: [...contacts.values()], messages };
  }

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
    if (path === '/chat/sessions/search') return { status: 200, body: search(query.q) };
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
      return sendError(response, active.status, active.message ?? REASONS[active.status] ?? 'Error', headers);
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
    switch (active.body) {
      case 'malformed':
        response.writeHead(200, { 'content-type': 'application/json' });
        return void response.end('{"items": [{"id": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "status": open}');
      case 'truncated': {
        const text = JSON.stringify(body);
        response.writeHead(200, { 'content-type': 'application/json' });
        return void response.end(text.slice(0, Math.floor(text.length / 2)));
      }
      case 'empty':
        response.writeHead(200, { 'content-type': 'application/json' });
        return void response.end();
      case 'html':
        response.writeHead(200, { 'content-type': 'text/html' });
        return void response.end('<html><body><h1>Service temporarily unavailable</h1></body></html>');
      case 'missingItems':
        return sendJson(response, 200, { data: body.items ?? [], next: null });
      case 'oversized':
      case 'oversizedDeclared':
        response.writeHead(200, {
          'content-type': 'application/json',
          ...(active.body === 'oversizedDeclared' ? { 'content-length': String(OVERSIZED_BODY_BYTES) } : {}),
        });
        return streamOversized(response, record);
    }
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

/** Writes an OVERSIZED_BODY_BYTES page as fast as the client reads it, and stops when it hangs up. */
async function streamOversized(response: ServerResponse, record: RecordedRequest): Promise<void> {
  let closed = false;
  response.once('close', () => (closed = true));
  const head = '{"items":[';
  const tail = '],"next":null}';
  const filler = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const write = async (chunk: string | Buffer) => {
    sent += Buffer.byteLength(chunk);
    record.sentBytes = sent;
    if (response.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const resume = () => {
        response.off('drain', resume);
        response.off('close', resume);
        resolve();
      };
      response.on('drain', resume);
      response.on('close', resume);
    });
  };
  await write(head);
  while (!closed && sent + filler.length + tail.length <= OVERSIZED_BODY_BYTES) await write(filler);
  if (!closed) response.end(' '.repeat(OVERSIZED_BODY_BYTES - sent - tail.length) + tail);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
