// A local stand-in for the open.cx API on loopback: the documented chat-session endpoints over
// real HTTP, bearer auth, a per-token rate limit, opaque cursors, and switches that inject the
// faults real networks and servers produce. Control endpoints live under /__stand-in/.
// Here: its state, and each request taken to its handler: the routes (routes.ts) behind auth and
// the rate limit (rateLimit.ts), as the faults say (faults.ts), or a control endpoint (control.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control';
import { generateSessions, type DataOptions, type RawSession } from './data';
import { faultsFor, sendFaultStatus, sendResult, type Faults } from './faults';
import { HttpFailure, sendError } from './http';
import { filterSessions } from './listQueries';
import { LiveSessions, type SessionChanges } from './liveSessions';
import { RateLimit } from './rateLimit';
import { historiesForSearch, routeApi, type ApiData, type RouteResult } from './routes';

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

/** What a running stand-in holds, which its handlers and its StandIn read and change. */
export interface StandInState extends ApiData {
  /** The sessions as started, put back by reset() once a test added, changed or removed some. */
  original: RawSession[];
  edited: boolean;
  /** The accepted API key. */
  token: string;
  tokenRevoked: boolean;
  faults: Faults;
  requests: RecordedRequest[];
  rateLimit: RateLimit;
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const state = createState(options);
  const server = createServer((request, response) => {
    handle(state, standIn, request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, error instanceof Error ? error.message : 'Internal error');
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  const standIn = standInOf(state, server, await listen(server, options));
  return standIn;
}

function createState(options: StandInOptions): StandInState {
  const sessions = options.sessions ?? generateSessions(options);
  return {
    sessions,
    byId: new Map(sessions.map((session) => [session.id, session])),
    original: structuredClone(sessions),
    edited: false,
    pageSize: options.pageSize ?? 25,
    historyPageSize: options.historyPageSize ?? 20,
    historyOf: historiesForSearch(),
    token: options.token ?? DEFAULT_TOKEN,
    tokenRevoked: false,
    faults: {},
    requests: [],
    rateLimit: new RateLimit(options.rateLimit ?? 100, options.rateWindowMs ?? 60_000),
  };
}

/** Listens on the host and port asked for (port 0: a free one); resolves to the stand-in's URL. */
async function listen(server: Server, options: StandInOptions): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** The stand-in as tests and scripts hold it, over its state and its server. */
function standInOf(state: StandInState, server: Server, url: string): StandIn {
  const live = new LiveSessions(state.sessions, state.byId);
  return {
    url,
    token: state.token,
    sessions: state.sessions,
    requests: state.requests,
    matching: (query) => filterSessions(state.sessions, query),
    setFaults: (next) => (state.faults = { ...next }),
    clearFaults: () => (state.faults = {}),
    addSession: (fields) => ((state.edited = true), live.add(fields)),
    changeSession: (id, fields) => ((state.edited = true), live.change(id, fields)),
    removeSession: (id) => ((state.edited = true), live.remove(id)),
    revokeToken: () => (state.tokenRevoked = true),
    reset: () => reset(state),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Back to the state the stand-in started in: its sessions, no faults, the token valid, nothing recorded or counted. */
function reset(state: StandInState): void {
  if (state.edited) {
    state.sessions.splice(0, state.sessions.length, ...structuredClone(state.original));
    state.byId.clear();
    for (const session of state.sessions) state.byId.set(session.id, session);
    state.edited = false;
  }
  state.faults = {};
  state.tokenRevoked = false;
  state.requests.length = 0;
  state.rateLimit.clear();
}

async function handle(state: StandInState, standIn: StandIn, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://stand-in');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path.startsWith('/__stand-in/')) return handleControl(state, standIn, request, response, path, url);
  return handleApi(state, request, response, path, Object.fromEntries(url.searchParams));
}

/** A request to the API: recorded, delayed or left unanswered as the faults say, refused as the API would, or routed. */
async function handleApi(
  state: StandInState,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  query: Record<string, string>,
): Promise<void> {
  const record = recordRequest(state, request, response, path, query);
  const active = faultsFor(state, path);
  if (active.latencyMs) await new Promise((resolve) => setTimeout(resolve, active.latencyMs));
  if (active.hang) return; // the socket stays open until the client gives up or the server closes

  const refusal = refusalOf(state, request, path);
  if (refusal) return sendError(response, refusal.status, refusal.message, refusal.headers);
  if (active.status) return sendFaultStatus(response, active.status, active);
  let result: RouteResult;
  try {
    result = routeApi(state, path, query);
  } catch (error) {
    if (error instanceof HttpFailure) return sendError(response, error.status, error.message);
    throw error;
  }
  return sendResult(response, result, active, path, record);
}

/** Records a request; its status once the answer is sent. */
function recordRequest(
  state: StandInState,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  query: Record<string, string>,
): RecordedRequest {
  const record: RecordedRequest = { method: request.method ?? 'GET', path, query, status: 0, time: Date.now() };
  state.requests.push(record);
  response.on('finish', () => (record.status = response.statusCode));
  return record;
}

/** An answer the API gives instead of the one asked for. */
interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

/** Why the API would refuse a request (no or a wrong key, over the rate limit, not a GET), or undefined when it would not. */
function refusalOf(state: StandInState, request: IncomingMessage, path: string): Refusal | undefined {
  const auth = request.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
  if (!token) return { status: 401, message: 'Missing API key' };
  if (token !== state.token || state.tokenRevoked) return { status: 401, message: 'Invalid API key' };
  const retryAfter = state.rateLimit.retryAfter(token, Date.now());
  if (retryAfter !== undefined) return { status: 429, message: 'Too many requests, please retry later', headers: { 'retry-after': String(retryAfter) } };
  if (request.method !== 'GET') return { status: 404, message: `Cannot ${request.method} ${path}` };
  return undefined;
}
