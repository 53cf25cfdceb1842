// The attempts of a request: each takes a slot of the client-side request budget and is logged,
// and a retry waits ky's backoff, or after a 429 its Retry-After.
import { HTTPError, type Options, type RetryOptions } from 'ky';
import type { RequestBudget } from './budget';
import { causeCode } from './requestErrors';
import { refuseDeclaredExcess } from './responseLimit';
import { clampRetryWait, parseRetryAfter } from './retryAfter';

export interface RequestLogEntry {
  method: string;
  /** Path and query string; never headers, so never the token. */
  path: string;
  status?: number;
  error?: string;
  ms: number;
}

/** ky's backoff between attempts: 0.3 s, 0.6 s, 1.2 s, … and at most 8 s. */
const backoffMs = (attempt: number) => Math.min(8_000, 300 * 2 ** (attempt - 1));

/**
 * The budget slot taken for a request before ky starts it. ky hands options it does not know on to
 * `fetch`, which is how the slot reaches the attempt; `answered` is cleared once an attempt used it.
 */
export interface ReservedSlot {
  answered: (() => void) | undefined;
}
type AttemptInit = RequestInit & { budgetSlot?: ReservedSlot };

/** The `fetch` ky sends every attempt with, retries included: each takes a slot of the budget and is logged. */
export function budgetedFetch(budget: RequestBudget, log: ((entry: RequestLogEntry) => void) | undefined): NonNullable<Options['fetch']> {
  return async (input, init) => {
    const { budgetSlot, ...requestInit } = (init ?? {}) as AttemptInit;
    // ky hands over a ready Request; wrapping it again would copy it on every attempt.
    const request = input instanceof Request ? input : new Request(input, requestInit);
    // The first attempt uses the slot taken before ky started its timeout. A retry needs a free
    // slot now: waiting here would count against the attempt's timeout, so it fails instead.
    const reserved = budgetSlot?.answered;
    if (budgetSlot) budgetSlot.answered = undefined;
    const answered = reserved ?? (await budget.take(request.signal, 0));
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
  };
}

/**
 * The retry timing of one call. After a 429 the wait is decided where the response is seen
 * (shouldRetry): its Retry-After, or the backoff when it has none that can be read, never below
 * the floor; ky then asks `delay` for it. Other retries keep the backoff, and a 503's Retry-After
 * is ky's to honour.
 */
export function pacedRetry(maxRetryWaitMs: number): RetryOptions {
  let rateLimitWaitMs: number | undefined;
  return {
    shouldRetry: ({ error, retryCount }) => {
      rateLimitWaitMs = undefined;
      if (!(error instanceof HTTPError) || error.response.status !== 429) return undefined;
      const wait = clampRetryWait(parseRetryAfter(error.response.headers.get('retry-after')) ?? backoffMs(retryCount));
      // A wait longer than we are willing to hold a spinner for is the caller's to show.
      if (wait > maxRetryWaitMs) return false;
      rateLimitWaitMs = wait;
      return true;
    },
    delay: (attempt) => rateLimitWaitMs ?? backoffMs(attempt),
  };
}
