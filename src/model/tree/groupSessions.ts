// The sessions one leaf group shows, in order, as rows: appended page by page without repeats,
// and changed in place by a first page read again while watching (firstPageMerge.ts) or by what
// another group's first page brought. Rows of unchanged sessions keep their objects.
import type { Session } from '../../api/schemas';
import { mergeFirstPages, sameSession, type FreshPage, type LoadedSession, type MergeOutcome } from '../watching/firstPageMerge';
import type { GroupedBy, GroupPagesRef, SessionNode } from './treeNodes';

export class GroupSessions {
  private nodes: SessionNode[] = [];
  /** The stream whose page brought each session shown, for merging first pages read again. */
  private readonly streamOf = new Map<string, number>();

  /** `groupedBy`: what the group's path fixes, which its rows need not repeat. */
  constructor(
    private readonly ref: GroupPagesRef,
    private readonly groupedBy: GroupedBy = {},
  ) {}

  get rows(): readonly SessionNode[] {
    return this.nodes;
  }

  get length(): number {
    return this.nodes.length;
  }

  has(id: string): boolean {
    return this.streamOf.has(id);
  }

  /** Appends a page in place; a session already shown (it moved between pages) is not repeated. */
  append(sessions: readonly LoadedSession[]): void {
    for (const { session, stream } of sessions) {
      if (this.streamOf.has(session.id)) continue;
      this.streamOf.set(session.id, stream);
      this.nodes.push(this.node(session));
    }
  }

  /**
   * Merges first pages read again; see firstPageMerge.ts for the rules. `loadedToEnd`: the streams
   * whose pages are all loaded.
   */
  merge(pages: readonly FreshPage[], loadedToEnd: ReadonlySet<number>): MergeOutcome {
    const outcome = mergeFirstPages(
      this.nodes.map(({ session }) => ({ session, stream: this.streamOf.get(session.id) ?? 0 })),
      pages,
      loadedToEnd,
    );
    const before = new Map(this.nodes.map((node) => [node.session.id, node]));
    this.nodes = [];
    this.streamOf.clear();
    for (const { session, stream } of outcome.sessions) {
      const old = before.get(session.id);
      this.nodes.push(old && old.session === session ? old : this.node(session));
      this.streamOf.set(session.id, stream);
    }
    return outcome;
  }

  /**
   * Takes in sessions read elsewhere: one shown here is updated where it stands, or removed when
   * `accepts` says it no longer belongs here. Returns whether a row changed.
   */
  applyFresh(fresh: ReadonlyMap<string, Session>, accepts: (session: Session) => boolean): boolean {
    let changed = false;
    this.nodes = this.nodes.flatMap((node) => {
      const newer = fresh.get(node.session.id);
      if (!newer || sameSession(newer, node.session)) return [node];
      changed = true;
      if (accepts(newer)) return [this.node(newer)];
      this.streamOf.delete(node.session.id);
      return [];
    });
    return changed;
  }

  private node(session: Session): SessionNode {
    return { type: 'session', id: `${this.ref.id}/${session.id}`, session, pages: this.ref, groupedBy: this.groupedBy };
  }
}
