// The pause a 429 puts on a whole key. open.cx counts requests per key, so a 429 met by one request
// (a tree group, a panel, a search, a watch round) is true of all of them: every request of the key
// waits until the Retry-After has passed, then one request goes first (the probe), and the others
// follow once it is answered with anything but another 429.
import { backoffMs, clampRetryWait } from './retryAfter';

export class KeyPause {
  /** When the pause ends, on the budget's clock. */
  private until = 0;
  /** 429s in a row: while above 0, the next request to go is the probe. */
  private streak = 0;
  /** The probe in flight, if any, and how to tell its waiters it was answered. */
  private probe: { answered: Promise<void>; settle: () => void } | undefined;

  constructor(private readonly now: () => number) {}

  /** Milliseconds until requests may go again; 0 when they may (a probe may still be in flight). */
  remaining(): number {
    return Math.max(0, Math.ceil(this.until - this.now()));
  }

  /** Resolves when the probe in flight is answered; undefined when there is none. */
  get probeInFlight(): Promise<void> | undefined {
    return this.probe?.answered;
  }

  /** Whether the next request to go must go alone, as the probe. */
  get needsProbe(): boolean {
    return this.streak > 0 && this.probe === undefined;
  }

  /** Marks the request about to go as the probe; its answer goes to `answered`. */
  startProbe(): void {
    let settle!: () => void;
    const answered = new Promise<void>((resolve) => (settle = resolve));
    this.probe = { answered, settle };
  }

  /**
   * A 429 arrived. The pause is the longest any 429 asked for, its Retry-After kept between the floor
   * and the ceiling; without a readable one it is the backoff of the 429s in a row. 429s of requests
   * sent together, before the first of them was answered, count as one.
   */
  rateLimited(retryAfterMs: number | undefined): void {
    const now = this.now();
    if (now >= this.until) this.streak++;
    this.until = Math.max(this.until, now + clampRetryWait(retryAfterMs ?? backoffMs(this.streak)));
  }

  /**
   * The probe's answer: any status but 429 ends the pause; a 429 has already started the next one
   * (rateLimited); no answer at all (cancelled, a network failure) lets the next waiting request be
   * the probe.
   */
  endProbe(status: number | undefined): void {
    if (status !== undefined && status !== 429) this.streak = 0;
    const probe = this.probe;
    this.probe = undefined;
    probe?.settle();
  }
}
