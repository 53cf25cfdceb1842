// An export's requests: background requests (api/client.ts RequestMode), so that the user's clicks
// and watching keep their share of the key's budget. A request the budget holds back waits for its
// turn and is sent again, however long the export takes; the server's own 429s and failures are
// waited out a few times in a row, then the export stops and says why.
import { BACKGROUND_SHARE_SPENT } from '../../api/client';
import { ApiError, asApiError } from '../../api/errors';
import type { Scheduler } from '../watching/scheduler';

/** The server's 429s in a row an export waits out before it stops. */
export const MAX_RATE_LIMITS_IN_A_ROW = 5;
/** Failures (5xx, timeouts, the network) in a row an export tries again after before it stops. */
export const MAX_FAILURES_IN_A_ROW = 3;

export interface TurnOptions {
  signal: AbortSignal;
  scheduler: Scheduler;
  /** The wait before trying again after a failure. */
  failureWaitMs: number;
  /** Told of each wait before it starts: how long, and whether the rate limit is why. */
  onWait: (waitMs: number, rateLimited: boolean) => void;
}

/** `send` until it succeeds, waiting as the budget or the server asks; an ApiError when it cannot. */
export async function inTurn<T>(send: () => Promise<T>, options: TurnOptions): Promise<T> {
  let rateLimits = 0;
  let failures = 0;
  for (;;) {
    options.signal.throwIfAborted();
    let failure: ApiError;
    try {
      return await send();
    } catch (error) {
      failure = asApiError(error);
    }
    if (failure.kind === 'cancelled' || options.signal.aborted) throw cancelled();
    const heldBack = failure.code === BACKGROUND_SHARE_SPENT;
    if (failure.kind === 'rateLimited' && (heldBack || ++rateLimits <= MAX_RATE_LIMITS_IN_A_ROW)) {
      options.onWait(failure.retryAfterMs ?? options.failureWaitMs, true);
      await sleep(failure.retryAfterMs ?? options.failureWaitMs, options);
    } else if (['server', 'timeout', 'network'].includes(failure.kind) && ++failures < MAX_FAILURES_IN_A_ROW) {
      options.onWait(options.failureWaitMs, false);
      await sleep(options.failureWaitMs, options);
    } else throw failure;
  }
}

export function cancelled(): ApiError {
  return new ApiError('cancelled', 'The export was cancelled.', { code: 'AbortError' });
}

function sleep(ms: number, { signal, scheduler }: TurnOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => {
      scheduler.clearTimeout(timer);
      reject(cancelled());
    };
    const timer = scheduler.setTimeout(() => {
      signal.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    signal.addEventListener('abort', aborted, { once: true });
  });
}
