// The one error type the API layer throws. `kind` drives what the UI offers (set a token, wait,
// retry); `message` is written for a person and never contains the API token.

export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'badRequest'
  | 'rateLimited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'invalidResponse'
  | 'configuration'
  | 'cancelled';

export interface ApiErrorDetails {
  status?: number;
  /** For `rateLimited`: how long the server asked us to wait. */
  retryAfterMs?: number;
  /** The `message` of the server's error body, when it sent one. */
  serverMessage?: string;
  /** For `network` and `cancelled`: the system error code or error name behind it (ECONNREFUSED, AbortError). */
  code?: string;
  /**
   * Not set by the API client: the errors of ky and fetch hold the request, its headers and so the
   * token, and a logger prints causes in full. Code outside the client may set one.
   */
  cause?: unknown;
}

/**
 * The core bundle and each part loaded on first use (esbuild.js) carry their own copy of this
 * class, while the errors all come from the core's client: `instanceof` asks for this mark rather
 * than for one copy's prototype.
 */
const API_ERROR = Symbol.for('opencx.ApiError');

export class ApiError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [API_ERROR]?: unknown })[API_ERROR] === true;
  }

  readonly [API_ERROR] = true;
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly serverMessage: string | undefined;
  readonly code: string | undefined;

  constructor(kind: ApiErrorKind, message: string, details: ApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.serverMessage = details.serverMessage;
    this.code = details.code;
  }

  /** Errors worth offering "Retry" for: the same request may succeed later. */
  get isTransient(): boolean {
    return ['rateLimited', 'server', 'timeout', 'network', 'invalidResponse'].includes(this.kind);
  }

  /** Errors that only a different API token fixes. */
  get needsToken(): boolean {
    return this.kind === 'unauthorized' || this.kind === 'forbidden';
  }
}

/** Any error as an ApiError: one the API layer did not make becomes an unexpected response. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('invalidResponse', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

export function isCancellation(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'cancelled';
}

/** Seconds, rounded up, as a person reads them: "12 s", "2 min". */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/** Removes every occurrence of the token, in case a server or proxy echoes it back. */
export function redact(text: string, token: string): string {
  return token.length >= 4 ? text.split(token).join('«token»') : text;
}
