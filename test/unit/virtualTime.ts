// Time that moves only when told to, for the watch's timers and the request budget's clock: timers
// fire in order as it passes, and what they start settles before it moves further. The unit tests
// and the watching benchmark (scripts/bench/watching.mjs) both run on it.
import type { Scheduler } from '../../src/model/watching/scheduler';

/** Lets promise chains a few links long run to their end. */
export const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

export class VirtualTime implements Scheduler {
  private time = 0;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 0;
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  };
  get pending(): number {
    return this.timers.length;
  }
  /** Moves time on by `ms`, running each timer due; `settled` waits for what a timer started. */
  async pass(ms: number, settled: () => Promise<unknown> = flush): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settled();
      const due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.at;
      due.run();
    }
    this.time = end;
    await settled();
  }
}
