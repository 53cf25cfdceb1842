// Sessions that arrived while watching: marked on their rows, and counted (the view's badge) until
// the user looks, that is until the view is visible in a focused window. The marks stay while the
// user looks, so that they see which rows are new, and go when they look away.
import type { Session } from '../../api/schemas';

export class NewSessions {
  private readonly marked = new Map<string, Session>();
  private readonly unseen = new Set<string>();
  private looking = false;
  private readonly listeners = new Set<() => void>();

  /** Called when the count changes. */
  onDidChangeCount(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many arrived since the user last looked. */
  get count(): number {
    return this.unseen.size;
  }

  /** The sessions counted, newest arrival first. */
  get unseenSessions(): Session[] {
    return [...this.unseen].reverse().map((id) => this.marked.get(id)!);
  }

  isNew(id: string): boolean {
    return this.marked.has(id);
  }

  arrived(sessions: readonly Session[]): void {
    const before = this.count;
    for (const session of sessions) {
      this.marked.set(session.id, session);
      if (!this.looking) this.unseen.add(session.id);
    }
    if (this.count !== before) this.changed();
  }

  /**
   * Whether the user looks at the view now. Looking clears the count; looking away takes the marks
   * off the rows that were looked at. Returns the ids whose marks went.
   */
  setLooking(looking: boolean): string[] {
    if (looking === this.looking) return [];
    this.looking = looking;
    if (looking) {
      if (this.unseen.size > 0) {
        this.unseen.clear();
        this.changed();
      }
      return [];
    }
    const seen = [...this.marked.keys()].filter((id) => !this.unseen.has(id));
    for (const id of seen) this.marked.delete(id);
    return seen;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Open and handed off to a human: what `opencx.notify: handedOff` announces. */
export function needsHuman(session: Session): boolean {
  return session.status === 'open' && (session.handoff != null || session.ai_closure_type === 'handed_off');
}
