// When a request of a key may be sent. The API allows 100 requests a minute per key: a burst of
// tree expansions waits here for a free slot of a client-side sliding window instead of tripping
// the server's limit, and after a 429 every request of the key waits out the pause (keyPause.ts).
// Background requests (watching for new sessions) get a fixed share of the window and never go
// ahead of a user's request: see takeBackground().
import { KeyPause } from './keyPause';
import { RETRY_WAIT_FLOOR_MS } from './retryAfter';

interface Slot {
  time: number;
  background: boolean;
}

/** No slot frees within the wait the caller accepts; `waitMs` says when one will. */
export class BudgetExhaustedError extends Error {
  constructor(readonly waitMs: number) {
    super(`the request budget is spent for ${waitMs} ms`);
    this.name = 'BudgetExhaustedError';
  }
}

/** What a request's answer tells the budget: its status (none when it got no answer) and, for a 429, its Retry-After. */
export interface Answer {
  status?: number;
  /** A 429's Retry-After in milliseconds; undefined when absent or unreadable. */
  retryAfterMs?: number;
}

/** Called once a request's answer arrives (or it ended without one). */
export type Release = (answer?: Answer) => void;

export class RequestBudget {
  private slots: Slot[] = [];
  private readonly pause: KeyPause;
  /** Callers of take() waiting for a slot: while any waits, no background request is sent. */
  private waiting = 0;
  /** At most this many background requests in any window, and only while this many slots are free. */
  readonly backgroundShare: number;

  constructor(
    private readonly limit = 100,
    private readonly windowMs = 60_000,
    // Monotonic: with the wall clock, setting the system time forward would empty the budget and
    // setting it back would hold every request until the clock caught up.
    private readonly now: () => number = () => performance.now(),
  ) {
    this.backgroundShare = Math.floor(limit / 3);
    this.pause = new KeyPause(now);
  }

  /** Milliseconds the key is paused for after a 429; 0 when it is not. */
  pausedFor(): number {
    return this.pause.remaining();
  }

  /**
   * Resolves when a request may be sent now; rejects with the signal's reason when aborted, and
   * with BudgetExhaustedError as soon as it is clear it would wait longer than `maxWaitMs` in all.
   * Call the returned function with the answer when it arrives: the slot then counts from that
   * moment, which is never earlier than when the server counted the request, and a 429 pauses the key.
   */
  async take(signal?: AbortSignal | null, maxWaitMs = Infinity): Promise<Release> {
    const deadline = this.now() + maxWaitMs;
    for (;;) {
      signal?.throwIfAborted();
      const left = deadline - this.now();
      const paused = this.pause.remaining();
      const probe = this.pause.probeInFlight;
      const wait = paused || (probe ? 0 : this.waitTime());
      if (paused === 0 && !probe && wait === 0) return this.occupy(false);
      // A probe's answer comes within its timeout, unknown here: a caller that cannot wait at all does not.
      if (wait > left || (probe && left < RETRY_WAIT_FLOOR_MS)) throw new BudgetExhaustedError(wait || RETRY_WAIT_FLOOR_MS);
      this.waiting++;
      try {
        await (probe && !paused ? untilSettled(probe, signal) : sleep(wait, signal));
      } finally {
        this.waiting--;
      }
    }
  }

  /**
   * A slot for a background request, now or never: throws BudgetExhaustedError at once unless no
   * user request waits, fewer than `backgroundShare` background requests were sent in the window,
   * and at least `backgroundShare` slots stay free for the user after this one. So watching takes
   * at most a third of any minute, and a burst of clicks always finds a third of the budget free.
   */
  takeBackground(): Release {
    const wait = this.backgroundWaitTime();
    if (wait > 0) throw new BudgetExhaustedError(wait);
    return this.occupy(true);
  }

  /** Milliseconds until takeBackground() could succeed, as far as the slots tell; 0 when it can now. */
  backgroundWaitTime(): number {
    // While the key is paused, or a probe tells whether the pause is over, watching waits its turn.
    const paused = this.pause.remaining();
    if (paused > 0) return paused;
    if (this.pause.probeInFlight) return RETRY_WAIT_FLOOR_MS;
    this.waitTime(); // drops expired slots
    const now = this.now();
    const expiry = (slot: Slot) => slot.time + this.windowMs - now;
    const times = this.slots.map(expiry).sort((a, b) => a - b);
    const background = this.slots.filter((slot) => slot.background).map(expiry).sort((a, b) => a - b);
    let wait = 0;
    // Enough slots must expire that one more still leaves `backgroundShare` free.
    const excess = this.slots.length - (this.limit - this.backgroundShare) + 1;
    if (excess > 0) wait = Math.max(wait, times[excess - 1]!);
    const excessBackground = background.length - this.backgroundShare + 1;
    if (excessBackground > 0) wait = Math.max(wait, background[excessBackground - 1]!);
    // A user's request is waiting: it goes first; ask again in a moment.
    if (this.waiting > 0) wait = Math.max(wait, 1_000);
    return Math.max(0, Math.ceil(wait));
  }

  private occupy(background: boolean): Release {
    const slot = { time: this.now(), background };
    this.slots.push(slot);
    const probe = this.pause.needsProbe;
    if (probe) this.pause.startProbe();
    let released = false;
    return (answer = {}) => {
      if (released) return;
      released = true;
      slot.time = Math.max(slot.time, this.now());
      if (answer.status === 429) this.pause.rateLimited(answer.retryAfterMs);
      if (probe) this.pause.endProbe(answer.status);
    };
  }

  /** Milliseconds until a request could be sent; 0 when one can be sent now. */
  waitTime(): number {
    const now = this.now();
    this.slots = this.slots.filter((slot) => slot.time > now - this.windowMs);
    if (this.slots.length < this.limit) return 0;
    return Math.min(...this.slots.map((slot) => slot.time)) + this.windowMs - now;
  }
}

/** Resolves when `settled` does, or rejects with the signal's reason when aborted first. */
function untilSettled(settled: Promise<void>, signal?: AbortSignal | null): Promise<void> {
  if (!signal) return settled;
  return new Promise((resolve, reject) => {
    const aborted = () => reject(signal.reason);
    signal.addEventListener('abort', aborted, { once: true });
    void settled.then(() => {
      signal.removeEventListener('abort', aborted);
      resolve();
    });
  });
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
