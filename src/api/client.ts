// HTTP client of the open.cx API: auth, timeouts, retries with backoff that honours Retry-After,
// a client-side request budget, cancellation, and one error type (ApiError) for every failure.
import ky, { HTTPError, NetworkError, TimeoutError, type KyInstance, type Options, type RetryOptions } from 'ky';
import { readApiKey } from './apiKey';
import { BudgetExhaustedError, RequestBudget } from './budget';
import { checkBaseUrl } from './baseUrl';
import { ApiError, formatWait, redact } from './errors';
import { parseSearchResult, type SearchResult } from './search';
import { sessionQueryParams, type SessionQuery } from './sessionQuery';
import { MAX_RESPONSE_BYTES, readLimitedText, refuseDeclaredExcess, ResponseTooLargeError } from './responseLimit';
import { clampRetryWait, parseRetryAfter, rateLimitWait } from './retryAfter';
import {
  parseHistoryPage,
  parseSession,
  parseSessionPage,
  SchemaError,
  type HistoryEvent,
  type Page,
  type Session,
} from './schemas';
import { SentJson } from './exactJson';


export interface RequestLogEntry {
  method: string;
  /** Path and query string; never headers, so never the token. */
  path: string;
  status?: number;
  error?: string;
  ms: number;
}

export interface ClientOptions {
  baseUrl: string;
  token: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt, for 429, 500, 502, 503, 504 and network failures. */
  retryLimit?: number;
  /**
   * The longest Retry-After waited out inside a call; a longer one fails as `rateLimited` at once.
   * Below RETRY_WAIT_FLOOR_MS no 429 is waited out inside a call.
   */
  maxRetryWaitMs?: number;
  /** Shared between clients of the same key so a new client does not reset the count. */
  budget?: RequestBudget;
  onRequest?: (entry: RequestLogEntry) => void;
}

/** ky's backoff between attempts: 0.3 s, 0.6 s, 1.2 s, … and at most 8 s. */
const backoffMs = (attempt: number) => Math.min(8_000, 300 * 2 ** (attempt - 1));

/**
 * The budget slot taken for a request before ky starts it. ky hands options it does not know on to
 * `fetch`, which is how the slot reaches the attempt; `answered` is cleared once an attempt used it.
 */
interface ReservedSlot {
  answered: (() => void) | undefined;
}
type AttemptInit = RequestInit & { budgetSlot?: ReservedSlot };

/** How a request is sent. */
export interface RequestMode {
  /**
   * Sent for nobody waiting (watching for new sessions): it takes a slot of the budget's
   * background share or fails at once as `rateLimited` with code BACKGROUND_SHARE_SPENT, and it is
   * not retried (the next round is its retry), so a 429 or an outage costs one request a round.
   */
  background?: boolean;
}

/** The code of the `rateLimited` error of a background request the budget held back. */
export const BACKGROUND_SHARE_SPENT = 'BACKGROUND_SHARE_SPENT';

export class OpenCxClient {
  readonly baseUrl: URL;
  private readonly http: KyInstance;
  private readonly timeoutMs: number;
  private readonly maxRetryWaitMs: number;
  private readonly budget: RequestBudget;
  private readonly token: string;

  /** Throws ApiError('configuration') for a base URL or a token that cannot be used. */
  constructor(options: ClientOptions) {
    this.baseUrl = checkBaseUrl(options.baseUrl);
    // A key no header can carry would fail every request as a TypeError that names the key.
    const key = readApiKey(options.token);
    if (!key.ok) throw new ApiError('configuration', key.problem);
    this.token = key.key;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 10_000;
    this.budget = options.budget ?? new RequestBudget();
    const log = options.onRequest;
    this.http = ky.create({
      prefix: this.baseUrl.href,
      timeout: this.timeoutMs,
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
      retry: {
        limit: options.retryLimit ?? 3,
        methods: ['get'],
        statusCodes: [429, 500, 502, 503, 504],
        // A 429's Retry-After is read by pacedRetry, not by ky, which would retry at once on a "0".
        afterStatusCodes: [503],
        maxRetryAfter: this.maxRetryWaitMs,
      },
      // Every attempt, retries included, takes a slot of the budget and is logged.
      fetch: async (input, init) => {
        const { budgetSlot, ...requestInit } = (init ?? {}) as AttemptInit;
        // ky hands over a ready Request; wrapping it again would copy it on every attempt.
        const request = input instanceof Request ? input : new Request(input, requestInit);
        // The first attempt uses the slot taken before ky started its timeout. A retry needs a free
        // slot now: waiting here would count against the attempt's timeout, so it fails instead.
        const reserved = budgetSlot?.answered;
        if (budgetSlot) budgetSlot.answered = undefined;
        const answered = reserved ?? (await this.budget.take(request.signal, 0));
        const url = new URL(request.url);
        const started = performance.now();
        try {
          const response = await fetch(request, input instanceof Request ? requestInit : undefined);
          log?.({ method: request.method, path: url.pathname + url.search, status: response.status, ms: performance.now() - started });
          // ky reads an error's body itself, up to 10 MB; getJson reads a success's, up to the limit.
          refuseDeclaredExcess(response);
          return response;
        } catch (error) {
          const reason = error instanceof Error ? (causeCode(error) ?? error.name) : 'error';
          log?.({ method: request.method, path: url.pathname + url.search, error: reason, ms: performance.now() - started });
          throw error;
        } finally {
          answered();
        }
      },
    });
  }

  /** One page of sessions matching `query`; pass the previous page's `next` as `cursor`. */
  async listSessions(query: SessionQuery, cursor?: string, signal?: AbortSignal, mode: RequestMode = {}): Promise<Page<Session>> {
    const body = await this.getJson('chat/sessions', sessionQueryParams(query, cursor), signal, mode);
    return this.parse(() => parseSessionPage(body.value, body.sent));
  }

  async getSession(id: string, signal?: AbortSignal): Promise<Session> {
    const body = await this.getJson(`chat/sessions/${encodeURIComponent(id)}`, undefined, signal);
    return this.parse(() => parseSession(body.value, body.sent));
  }

  /** One page of a session's history events. */
  async listHistory(id: string, cursor?: string, signal?: AbortSignal): Promise<Page<HistoryEvent>> {
    const params = new URLSearchParams(cursor ? { cursor } : {});
    const body = await this.getJson(`chat/sessions/${encodeURIComponent(id)}/history`, params, signal);
    return this.parse(() => parseHistoryPage(body.value, body.sent));
  }

  /**
   * Contacts and messages matching `query` (GET /chat/sessions/search). The API documents no
   * paging for it: one request answers with all it returns.
   */
  async searchSessions(query: string, signal?: AbortSignal): Promise<SearchResult> {
    const body = await this.getJson('chat/sessions/search', new URLSearchParams({ q: query }), signal);
    return this.parse(() => parseSearchResult(body.value));
  }

  /** The body parsed, and its text, which the parsed items point back to for exactJsonOf. */
  private async getJson(
    path: string,
    searchParams: URLSearchParams | undefined,
    signal?: AbortSignal,
    { background = false }: RequestMode = {},
  ): Promise<{ value: unknown; sent: SentJson }> {
    let text: string;
    try {
      if (background) signal?.throwIfAborted();
      // Waiting for the budget happens here, before the attempt's timeout starts.
      const budgetSlot: ReservedSlot = { answered: background ? this.budget.takeBackground() : await this.budget.take(signal, this.maxRetryWaitMs) };
      const retry = background ? { ...this.pacedRetry(), limit: 0 } : this.pacedRetry();
      const options: Options & { budgetSlot: ReservedSlot } = { signal, budgetSlot, retry };
      // The query goes into the path: given `searchParams`, ky builds each Request twice.
      const query = searchParams?.toString();
      text = await readLimitedText(await this.http.get(query ? `${path}?${query}` : path, options));
    } catch (error) {
      throw this.toApiError(error, signal, background);
    }
    try {
      return { value: JSON.parse(text), sent: new SentJson(text) };
    } catch {
      const preview = text.length === 0 ? 'an empty body' : 'a body that is not JSON';
      throw new ApiError('invalidResponse', `open.cx sent ${preview} (expected JSON). Try again; if it persists, the API may have changed.`);
    }
  }

  /**
   * The retry timing of one call. After a 429 the wait is decided where the response is seen
   * (shouldRetry): its Retry-After, or the backoff when it has none that can be read, never below
   * the floor; ky then asks `delay` for it. Other retries keep the backoff, and a 503's Retry-After
   * is ky's to honour.
   */
  private pacedRetry(): RetryOptions {
    let rateLimitWaitMs: number | undefined;
    return {
      shouldRetry: ({ error, retryCount }) => {
        rateLimitWaitMs = undefined;
        if (!(error instanceof HTTPError) || error.response.status !== 429) return undefined;
        const wait = clampRetryWait(parseRetryAfter(error.response.headers.get('retry-after')) ?? backoffMs(retryCount));
        // A wait longer than we are willing to hold a spinner for is the caller's to show.
        if (wait > this.maxRetryWaitMs) return false;
        rateLimitWaitMs = wait;
        return true;
      },
      delay: (attempt) => rateLimitWaitMs ?? backoffMs(attempt),
    };
  }

  /** `text` with every occurrence of the key removed, for what leaves the extension (the chat's tools). */
  redact(text: string): string {
    return this.clean(text);
  }

  private parse<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      throw new ApiError(
        'invalidResponse',
        this.clean(`open.cx sent a response this extension cannot read: ${error.message}.`),
      );
    }
  }

  private clean(message: string): string {
    return redact(message, this.token);
  }

  private toApiError(error: unknown, signal?: AbortSignal, background = false): ApiError {
    if (error instanceof ApiError) return error;
    // No error below keeps its cause: ky's errors hold the request with its headers, and an abort
    // reason or a fetch failure may quote them.
    if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) {
      return new ApiError('cancelled', 'The request was cancelled.', { code: 'AbortError' });
    }
    if (error instanceof HTTPError) return this.httpError(error);
    if (error instanceof ResponseTooLargeError) {
      return new ApiError(
        'invalidResponse',
        `open.cx sent more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB for one page; the extension stopped reading there. Try again; if it persists, the API or a proxy on the way may be broken.`,
      );
    }
    if (error instanceof BudgetExhaustedError && background) {
      return new ApiError('rateLimited', `Watching waits ${formatWait(error.waitMs)} to leave the request budget to you.`, {
        retryAfterMs: error.waitMs,
        code: BACKGROUND_SHARE_SPENT,
      });
    }
    if (error instanceof BudgetExhaustedError) {
      const retryAfterMs = clampRetryWait(error.waitMs);
      return new ApiError(
        'rateLimited',
        `Requests are held back to stay within open.cx's limit of 100 requests a minute. The next one can be sent in ${formatWait(retryAfterMs)}.`,
        { retryAfterMs },
      );
    }
    if (error instanceof TimeoutError) {
      return new ApiError(
        'timeout',
        `open.cx did not answer within ${formatWait(this.timeoutMs)}. Check your connection, then try again.`,
      );
    }
    if (error instanceof NetworkError || error instanceof TypeError) {
      const code = causeCode(error);
      return new ApiError(
        'network',
        `Cannot reach ${this.baseUrl.host}${code ? ` (${code})` : ''}. Check your connection and the opencx.apiBaseUrl setting, then try again.`,
        { code },
      );
    }
    const detail = error instanceof Error ? error.message : String(error);
    return new ApiError('network', this.clean(`The request to open.cx failed: ${detail}`));
  }

  private httpError(error: HTTPError): ApiError {
    const status = error.response.status;
    // The token is removed before the message is shortened, so a cut cannot leave part of it.
    const received = readServerMessage(error.data);
    const serverMessage = received && this.clean(received).slice(0, 300);
    const said = serverMessage ? `${status}: ${serverMessage}` : `HTTP ${status}`;
    // ky's errors carry the request, headers and token included: they are not kept as the cause.
    const details = { status, serverMessage };
    if (status === 401) {
      return new ApiError('unauthorized', `open.cx rejected the API token (${said}). Set a valid API key.`, details);
    }
    if (status === 403) {
      return new ApiError(
        'forbidden',
        `The API key is not allowed to read chat sessions: it needs the chat-sessions:read scope (${said}). Check the key's scopes in the open.cx dashboard under Settings → Access.`,
        details,
      );
    }
    if (status === 404) return new ApiError('notFound', `open.cx has no such resource (${said}).`, details);
    if (status === 429) {
      // The tree retries by itself after this wait, so it is never shorter than the floor.
      const retryAfterMs = rateLimitWait(parseRetryAfter(error.response.headers.get('retry-after')));
      return new ApiError(
        'rateLimited',
        `open.cx's rate limit of 100 requests a minute was reached (${said}). Try again in ${formatWait(retryAfterMs)}.`,
        { ...details, retryAfterMs },
      );
    }
    if (status >= 500) {
      return new ApiError('server', `open.cx had a problem answering (${said}). Try again in a moment.`, details);
    }
    return new ApiError('badRequest', `open.cx refused the request (${said}).`, details);
  }
}

/** The `message` of the documented error body `{ statusCode, message, error }`, if present. */
function readServerMessage(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = (data as { message?: unknown }).message;
  if (typeof message === 'string' && message.trim()) return message.trim();
  if (Array.isArray(message) && message.every((part) => typeof part === 'string')) return message.join('; ');
  return undefined;
}

/**
 * The system error code (ECONNREFUSED, ENOTFOUND, …) behind a fetch failure. Only what looks like a
 * code is taken: it is shown and logged, and the cause it comes from is not kept.
 */
function causeCode(error: Error): string | undefined {
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return /^[A-Z][A-Z0-9_]{0,39}$/.test(code) ? code : undefined;
  }
  return undefined;
}

/** The client for the current server and token, built on demand; undefined when signed out. */
export type CurrentClient = () => Promise<OpenCxClient | undefined>;
