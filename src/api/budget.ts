// A client-side sliding-window request budget. The API allows 100 requests a minute per key; a
// burst of tree expansions waits here for a free slot instead of tripping the server's limit.

interface Slot {
  time: number;
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

  constructor(
    private readonly limit = 100,
    private readonly windowMs = 60_000,
    // Monotonic: with the wall clock, setting the system time forward would empty the budget and
    // setting it back would hold every request until the clock caught up.
    private readonly now: () => number = () => performance.now(),
  ) {}

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
      if (wait === 0) {
        const slot = { time: this.now() };
        this.slots.push(slot);
        return () => (slot.time = Math.max(slot.time, this.now()));
      }
      if (wait > maxWaitMs) throw new BudgetExhaustedError(wait);
      await sleep(wait, signal);
    }
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
