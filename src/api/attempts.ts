// The attempts of a request: each takes a slot of the key's request budget and is logged, and its
// answer goes back to the budget, so that a 429 pauses every request of the key. A retry after a
// 429 waits its turn in the budget; other retries wait ky's backoff.
import { HTTPError, type Options, type RetryOptions } from 'ky';
import type { Release, RequestBudget } from './budget';
import { causeCode } from './requestErrors';
import { refuseDeclaredExcess } from './responseLimit';
import { backoffMs, parseRetryAfter } from './retryAfter';
import { FILTER_PARAMETERS } from './sessionQuery';

export interface RequestLogEntry {
  method: string;
  /** Path and query string as loggedPath writes it; never headers, so never the token. */
  path: string;
  status?: number;
  error?: string;
  ms: number;
}

/**
 * A request's path and parameters as the log keeps them: the filters' values, and of every other
 * parameter (search text, which may be a customer's email or words, and cursors) its size only.
 */
export function loggedPath(url: URL): string {
  const parameters = [...url.searchParams].map(([name, value]) =>
    FILTER_PARAMETERS.has(name) ? new URLSearchParams({ [name]: value }).toString() : `${encodeURIComponent(name)}=(${value.length} characters)`,
  );
  return parameters.length === 0 ? url.pathname : `${url.pathname}?${parameters.join('&')}`;
}

/**
 * The budget slot taken for the next attempt before ky starts it (and its timeout). ky hands options
 * it does not know on to `fetch`, which is how the slot reaches the attempt; `answered` is cleared
 * once an attempt used it.
 */
export interface ReservedSlot {
  answered: Release | undefined;
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
    let response: Response | undefined;
    try {
      response = await fetch(request, input instanceof Request ? requestInit : undefined);
      log?.({ method: request.method, path: loggedPath(url), status: response.status, ms: performance.now() - started });
      // ky reads an error's body itself, up to 10 MB; getJson reads a success's, up to the limit.
      refuseDeclaredExcess(response);
      return response;
    } catch (error) {
      const reason = error instanceof Error ? (causeCode(error) ?? error.name) : 'error';
      log?.({ method: request.method, path: loggedPath(url), error: reason, ms: performance.now() - started });
      throw error;
    } finally {
      answered(response && { status: response.status, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) });
    }
  };
}

/**
 * The retries of one call. A 429 has paused the key (budgetedFetch told the budget): the retry
 * waits its turn in the budget like every other request of the key, unless the pause is longer
 * than the call holds a spinner for, which is the caller's to show. Other retries are ky's, after
 * its backoff (a 503's Retry-After honoured). `next` receives the slot the retry will use.
 */
export function retryInTurn(budget: RequestBudget, next: ReservedSlot, maxRetryWaitMs: number, signal: AbortSignal | undefined): RetryOptions {
  return {
    shouldRetry: async ({ error }) => {
      if (!(error instanceof HTTPError) || error.response.status !== 429) return undefined;
      if (budget.pausedFor() > maxRetryWaitMs) return false;
      next.answered = await budget.take(signal, maxRetryWaitMs);
      return true;
    },
    // The turn was waited for in shouldRetry.
    delay: (attempt) => (next.answered ? 0 : backoffMs(attempt)),
  };
}
