// A client-side sliding-window request budget. The API allows 100 requests a minute per key; a
// burst of tree expansions waits here for a free slot instead of tripping the server's limit.
// Background requests (watching for new sessions) get a fixed share of it and never go ahead of
// a user's request: see takeBackground().

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

export class RequestBudget {
  private slots: Slot[] = [];
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
  }

  /**
   * Resolves when a request may be sent now; rejects with the signal's reason when aborted, and
   * with BudgetExhaustedError at once when no slot frees within `maxWaitMs`.
   * Call the returned function when the answer arrives: the slot then counts from that moment,
   * which is never earlier than when the server counted the request.
   */
  async take(signal?: AbortSignal | null, maxWaitMs = Infinity): Promise<() => void> {
    for (;;) {
      signal?.throwIfAborted();
      const wait = this.waitTime();
      if (wait === 0) return this.occupy(false);
      if (wait > maxWaitMs) throw new BudgetExhaustedError(wait);
      this.waiting++;
      try {
        await sleep(wait, signal);
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
  takeBackground(): () => void {
    const wait = this.backgroundWaitTime();
    if (wait > 0) throw new BudgetExhaustedError(wait);
    return this.occupy(true);
  }

  /** Milliseconds until takeBackground() could succeed, as far as the slots tell; 0 when it can now. */
  backgroundWaitTime(): number {
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

  private occupy(background: boolean): () => void {
    const slot = { time: this.now(), background };
    this.slots.push(slot);
    return () => (slot.time = Math.max(slot.time, this.now()));
  }

  /** Milliseconds until a request could be sent; 0 when one can be sent now. */
  waitTime(): number {
    const now = this.now();
    this.slots = this.slots.filter((slot) => slot.time > now - this.windowMs);
    if (this.slots.length < this.limit) return 0;
    return Math.min(...this.slots.map((slot) => slot.time)) + this.windowMs - now;
  }
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
