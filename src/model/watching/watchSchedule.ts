// Watching for new sessions: when rounds of reading the expanded groups' first pages run
// (sessionTree.ts watchRound). Plain TypeScript: the window's focus comes in through setFocused,
// time through a scheduler, so the rules are tested without VS Code or waiting.
//
// - A round at once when watching starts, then one every interval.
// - Paused while the window is not focused (nobody is looking): no timer, no request. Focus back
//   brings one catch-up round at once, unless the last round is less than MIN_INTERVAL_S old.
// - A failed round backs off: a 429 (or the budget holding watching back) waits at least its
//   Retry-After, and failures in a row double the wait, up to MAX_BACKOFF_MS.
import { realScheduler, type Scheduler } from './scheduler';
import type { WatchRound } from '../tree/sessionTree';

export const MIN_INTERVAL_S = 15;
export const DEFAULT_INTERVAL_S = 60;
export const MAX_BACKOFF_MS = 10 * 60_000;

export interface WatchOptions {
  round: () => Promise<WatchRound>;
  /** After each round, with what it found. */
  onRound?: (round: WatchRound) => void;
  intervalSeconds?: number;
  scheduler?: Scheduler;
}

/** The interval a setting asks for, kept at MIN_INTERVAL_S or more. */
export function watchIntervalMs(seconds: unknown): number {
  const value = typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : DEFAULT_INTERVAL_S;
  return Math.max(MIN_INTERVAL_S, value) * 1000;
}

export class Watch {
  private enabled = false;
  private focused = true;
  private intervalMs: number;
  private timer: unknown;
  private running: Promise<void> | undefined;
  private lastRoundAt = -Infinity;
  private failures = 0;
  /** The wait before the next round: the interval, or longer while backing off. */
  private delayMs: number;
  private readonly scheduler: Scheduler;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: WatchOptions) {
    this.intervalMs = watchIntervalMs(options.intervalSeconds);
    this.delayMs = this.intervalMs;
    this.scheduler = options.scheduler ?? realScheduler;
  }

  get isWatching(): boolean {
    return this.enabled;
  }

  /** Whether rounds run now: watching, in a focused window. */
  get isActive(): boolean {
    return this.enabled && this.focused;
  }

  /** Called when watching starts or stops. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.enabled) return;
    this.enabled = true;
    this.failures = 0;
    this.delayMs = this.intervalMs;
    for (const listener of this.listeners) listener();
    this.roundNow();
  }

  stop(): void {
    if (!this.enabled) return;
    this.enabled = false;
    this.cancelTimer();
    for (const listener of this.listeners) listener();
  }

  setFocused(focused: boolean): void {
    if (focused === this.focused) return;
    this.focused = focused;
    if (!focused) return this.cancelTimer();
    if (!this.enabled || this.running) return;
    const since = this.scheduler.now() - this.lastRoundAt;
    if (since >= MIN_INTERVAL_S * 1000) this.roundNow();
    else this.schedule(this.delayMs - since);
  }

  setIntervalSeconds(seconds: unknown): void {
    this.intervalMs = watchIntervalMs(seconds);
    if (this.failures === 0) this.delayMs = this.intervalMs;
    if (this.isActive && !this.running) this.schedule(this.delayMs - (this.scheduler.now() - this.lastRoundAt));
  }

  /** A round as soon as none runs; for focus coming back and the tests. */
  roundNow(): void {
    if (!this.isActive || this.running) return;
    this.cancelTimer();
    this.lastRoundAt = this.scheduler.now();
    this.running = this.options
      .round()
      .then(
        (round) => {
          this.backOff(round.error);
          this.options.onRound?.(round);
        },
        () => this.backOff(new Error('the round failed')),
      )
      .finally(() => {
        this.running = undefined;
        if (this.isActive) this.schedule(this.delayMs);
      });
  }

  /** Resolves when the round in flight (if any) is over; for tests and the benchmark. */
  async settled(): Promise<void> {
    await this.running;
  }

  dispose(): void {
    this.enabled = false;
    this.cancelTimer();
    this.listeners.clear();
  }

  private backOff(error: (Error & { retryAfterMs?: number }) | undefined): void {
    if (!error) {
      this.failures = 0;
      this.delayMs = this.intervalMs;
      return;
    }
    this.failures++;
    const doubled = Math.min(MAX_BACKOFF_MS, this.intervalMs * 2 ** (this.failures - 1));
    this.delayMs = Math.max(doubled, this.intervalMs, error.retryAfterMs ?? 0);
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = undefined;
      this.roundNow();
    }, Math.max(0, ms));
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
