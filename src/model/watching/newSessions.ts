// Sessions that arrived while watching: marked on their rows, and counted (the view's badge) until
// the user looks, that is until the view is visible in a focused window. The marks stay while the
// user looks, so that they see which rows are new, and go when they look away. A watch left on for
// hours while nobody looks would mark without end: the newest MAX_MARKED marks are kept, and the
// count then reads "500+".
import type { Session } from '../../api/schemas';

export const MAX_MARKED = 500;

export class NewSessions {
  /** Ids of the marked sessions, oldest arrival first. */
  private readonly marked = new Set<string>();
  private readonly unseen = new Set<string>();
  /** Whether marks counted since the user last looked were dropped to keep MAX_MARKED. */
  private unseenDropped = false;
  private looking = false;
  private readonly listeners = new Set<() => void>();

  /** Called when the count changes. */
  onDidChangeCount(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many arrived since the user last looked, up to MAX_MARKED. */
  get count(): number {
    return this.unseen.size;
  }

  /** The count as the badge says it: "500+" once more arrived than are kept. */
  get countText(): string {
    return this.unseenDropped ? `${this.count}+` : String(this.count);
  }

  isNew(id: string): boolean {
    return this.marked.has(id);
  }

  arrived(sessions: readonly Session[]): void {
    const before = this.countText;
    for (const { id } of sessions) {
      this.marked.add(id);
      if (!this.looking) this.unseen.add(id);
    }
    for (const oldest of this.marked) {
      if (this.marked.size <= MAX_MARKED) break;
      this.marked.delete(oldest);
      if (this.unseen.delete(oldest)) this.unseenDropped = true;
    }
    if (this.countText !== before) this.changed();
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
        this.unseenDropped = false;
        this.changed();
      }
      return [];
    }
    const seen = [...this.marked].filter((id) => !this.unseen.has(id));
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
