// HTTP client of the open.cx API: auth, timeouts, retries with backoff that honours Retry-After,
// the key's request budget (a sliding window, and a pause after a 429 that holds every request of
// the key), cancellation, and one error type (ApiError) for every failure.
// Each attempt's budget slot, log entry and retry wait are in attempts.ts; what a failure becomes,
// in requestErrors.ts.
import ky, { type KyInstance, type Options } from 'ky';
import { readApiKey } from './apiKey';
import { budgetedFetch, retryInTurn, type RequestLogEntry, type ReservedSlot } from './attempts';
import { RequestBudget } from './budget';
import { checkBaseUrl } from './baseUrl';
import { ApiError, redact } from './errors';
import { toApiError } from './requestErrors';
import { parseSearchResult, type SearchResult } from './searchResults';
import { sessionQueryParams, type SessionQuery } from './sessionQuery';
import { readLimitedText } from './responseLimit';
import {
  parseHistoryPage,
  parseSession,
  parseSessionPage,
  SchemaError,
  type HistoryEvent,
  type Page,
  type Session,
} from './schemas';
import { SentJson } from './sentJson';

export type { RequestLogEntry } from './attempts';
export { BACKGROUND_SHARE_SPENT } from './requestErrors';

export interface ClientOptions {
  baseUrl: string;
  token: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt, for 429, 500, 502, 503, 504 and network failures. */
  retryLimit?: number;
  /**
   * The longest a call waits for its turn in the key's budget, a 429's pause included; a longer
   * wait fails as `rateLimited` at once. A pause is never shorter than RETRY_WAIT_FLOOR_MS.
   */
  maxRetryWaitMs?: number;
  /** Shared between clients of the same key: one count and one pause per key. */
  budget?: RequestBudget;
  onRequest?: (entry: RequestLogEntry) => void;
}

/** How a request is sent. */
export interface RequestMode {
  /**
   * Sent for nobody waiting (watching for new sessions, an export): it takes a slot of the budget's
   * background share or fails at once as `rateLimited` with code BACKGROUND_SHARE_SPENT, and it is
   * not retried (the next round is its retry), so a 429 or an outage costs one request a round.
   */
  background?: boolean;
}

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
    this.http = ky.create({
      prefix: this.baseUrl.href,
      timeout: this.timeoutMs,
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
      retry: {
        limit: options.retryLimit ?? 3,
        methods: ['get'],
        statusCodes: [429, 500, 502, 503, 504],
        // A 429's Retry-After pauses the key (budget.ts), not the one call ky would retry.
        afterStatusCodes: [503],
        maxRetryAfter: this.maxRetryWaitMs,
      },
      // Every attempt, retries included, takes a slot of the budget and is logged.
      fetch: budgetedFetch(this.budget, options.onRequest),
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
  async listHistory(id: string, cursor?: string, signal?: AbortSignal, mode: RequestMode = {}): Promise<Page<HistoryEvent>> {
    const params = new URLSearchParams(cursor ? { cursor } : {});
    const body = await this.getJson(`chat/sessions/${encodeURIComponent(id)}/history`, params, signal, mode);
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
    // The slot of the next attempt, taken before ky starts its timeout.
    const budgetSlot: ReservedSlot = { answered: undefined };
    try {
      if (background) signal?.throwIfAborted();
      budgetSlot.answered = background ? this.budget.takeBackground() : await this.budget.take(signal, this.maxRetryWaitMs);
      const retry = background ? { limit: 0 } : retryInTurn(this.budget, budgetSlot, this.maxRetryWaitMs, signal);
      const options: Options & { budgetSlot: ReservedSlot } = { signal, budgetSlot, retry };
      // The query goes into the path: given `searchParams`, ky builds each Request twice.
      const query = searchParams?.toString();
      text = await readLimitedText(await this.http.get(query ? `${path}?${query}` : path, options));
    } catch (error) {
      throw toApiError(error, { timeoutMs: this.timeoutMs, host: this.baseUrl.host, token: this.token }, signal, background);
    } finally {
      // A slot taken for an attempt that was never sent (cancelled while waiting) goes back unanswered.
      budgetSlot.answered?.();
    }
    try {
      return { value: JSON.parse(text), sent: new SentJson(text) };
    } catch {
      const preview = text.length === 0 ? 'an empty body' : 'a body that is not JSON';
      throw new ApiError('invalidResponse', `open.cx sent ${preview} (expected JSON). Try again; if it persists, the API may have changed.`);
    }
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
}

/** The client for the current server and token, built on demand; undefined when signed out. */
export type CurrentClient = () => Promise<OpenCxClient | undefined>;
