// The stand-in's fault switches: what a test can make it do that a real network or server does
// (answer late or never, fail, send a body that cannot be read, drift from the schema).
import type { ServerResponse } from 'node:http';
import type { Json, RawSession } from './data';
import { reasonOf, sendError, sendJson } from './http';
import type { RouteResult } from './routes';
import type { RecordedRequest } from './server';

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
  /** Let this many matching requests through as usual first (a failure on a later page). */
  after?: number;
  /** Apply to this many matching requests, then clear by itself. */
  times?: number;
  /** Only requests whose path starts with this. */
  path?: string;
}

/** What an oversized body would come to, were it read to the end: valid JSON, mostly white space. */
export const OVERSIZED_BODY_BYTES = 64 * 1024 * 1024;

/** The faults that apply to a request for `path`; switched on for a number of `times`, they count down and clear by themselves. */
export function faultsFor(switches: { faults: Faults }, path: string): Faults {
  const faults = switches.faults;
  const matches = faults.path === undefined || path.startsWith(faults.path);
  if (matches && faults.after !== undefined && faults.after > 0) {
    faults.after--;
    return {};
  }
  const active = matches ? faults : {};
  if (active === faults && faults.times !== undefined && --faults.times <= 0) switches.faults = {};
  return active;
}

/** Answers with the error `status` the faults ask for, its Retry-After and message as they give them. */
export function sendFaultStatus(response: ServerResponse, status: number, active: Faults): void {
  const retryAfter = active.retryAfter ?? (active.retryAfterSeconds === undefined ? undefined : String(active.retryAfterSeconds));
  const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': retryAfter };
  sendError(response, status, active.message ?? reasonOf(status) ?? 'Error', headers);
}

/** Answers with a route's result as the faults make it: a given text, a broken body, another `next`, drifted sessions, or as it is. */
export async function sendResult(response: ServerResponse, result: RouteResult, active: Faults, path: string, record: RecordedRequest): Promise<void> {
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

/** The session as a server that drifted from the reference sends it: nulls, unknown enum values and fields. */
export function drift(session: RawSession): Json {
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

/** Answers with the broken 200 body `kind`, made from the `body` the request would have had. */
export async function sendBrokenBody(
  response: ServerResponse,
  kind: NonNullable<Faults['body']>,
  body: { items?: RawSession[] },
  record: RecordedRequest,
): Promise<void> {
  switch (kind) {
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
        ...(kind === 'oversizedDeclared' ? { 'content-length': String(OVERSIZED_BODY_BYTES) } : {}),
      });
      return streamOversized(response, record);
  }
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
