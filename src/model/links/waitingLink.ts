// The session a link asked for while signed out: it opens once a token is set, if that happens
// soon after the click. A panel opening out of nowhere when a key is set hours later would not be
// what the user asked for then. Plain TypeScript: the clock is passed in.

/** How long a link clicked while signed out waits for a token. */
export const WAITING_LINK_MS = 5 * 60_000;

export class WaitingSessionLink {
  private waiting: { readonly id: string; readonly since: number } | undefined;

  constructor(
    // Monotonic by default: setting the system clock does not stretch or cut the wait.
    private readonly now: () => number = () => performance.now(),
    private readonly keepMs = WAITING_LINK_MS,
  ) {}

  /** Keeps `id` in place of any session waiting before; returns what forgets it (its prompt dismissed). */
  hold(id: string): () => void {
    const held = { id, since: this.now() };
    this.waiting = held;
    return () => {
      if (this.waiting === held) this.waiting = undefined;
    };
  }

  /** The waiting session, if its link was clicked less than `keepMs` ago; taken, so it opens once. */
  take(): string | undefined {
    const held = this.waiting;
    this.waiting = undefined;
    return held && this.now() - held.since < this.keepMs ? held.id : undefined;
  }

  clear(): void {
    this.waiting = undefined;
  }
}
