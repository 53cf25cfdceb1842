// What a failed request becomes: the one ApiError for each way a request to open.cx can fail,
// written for a person, with no token and no request (ky's errors hold its headers) left in it.
import { HTTPError, NetworkError, TimeoutError } from 'ky';
import { BudgetExhaustedError } from './budget';
import { ApiError, formatWait, redact } from './errors';
import { MAX_RESPONSE_BYTES, ResponseTooLargeError } from './responseLimit';
import { clampRetryWait, parseRetryAfter, rateLimitWait } from './retryAfter';

/** The code of the `rateLimited` error of a background request the budget held back. */
export const BACKGROUND_SHARE_SPENT = 'BACKGROUND_SHARE_SPENT';

/** What the messages say of the client that sent the request. */
export interface RequestFacts {
  timeoutMs: number;
  host: string;
  /** Removed from every text that came from elsewhere. */
  token: string;
}

export function toApiError(error: unknown, facts: RequestFacts, signal?: AbortSignal, background = false): ApiError {
  if (error instanceof ApiError) return error;
  // No error below keeps its cause: ky's errors hold the request with its headers, and an abort
  // reason or a fetch failure may quote them.
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) {
    return new ApiError('cancelled', 'The request was cancelled.', { code: 'AbortError' });
  }
  if (error instanceof HTTPError) return httpError(error, facts.token);
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
      `open.cx did not answer within ${formatWait(facts.timeoutMs)}. Check your connection, then try again.`,
    );
  }
  if (error instanceof NetworkError || error instanceof TypeError) {
    const code = causeCode(error);
    return new ApiError(
      'network',
      `Cannot reach ${facts.host}${code ? ` (${code})` : ''}. Check your connection and the opencx.apiBaseUrl setting, then try again.`,
      { code },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiError('network', redact(`The request to open.cx failed: ${detail}`, facts.token));
}

function httpError(error: HTTPError, token: string): ApiError {
  const status = error.response.status;
  // The token is removed before the message is shortened, so a cut cannot leave part of it.
  const received = readServerMessage(error.data);
  const serverMessage = received && redact(received, token).slice(0, 300);
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
export function causeCode(error: Error): string | undefined {
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return /^[A-Z][A-Z0-9_]{0,39}$/.test(code) ? code : undefined;
  }
  return undefined;
}
