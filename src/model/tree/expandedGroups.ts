// The groups the view shows expanded, as the view reports them, kept per grouping: a refresh
// starts their first pages at once (sessionTree.ts), watching reads them again, a grouping changed
// and changed back finds its groups expanded as they were, and a window reload restores them all
// (saved as plain ids: `state`/`restore`).
import type { GroupNode, Grouping } from './treeNodes';

/** What is saved: the expanded group ids of each grouping. */
export type ExpandedState = Partial<Record<Grouping, string[]>>;

export class ExpandedGroups {
  private readonly byGrouping = new Map<Grouping, Map<string, GroupNode>>();
  private visible = true;

  constructor(private grouping: Grouping = 'status/channel') {}

  private get groups(): Map<string, GroupNode> {
    let groups = this.byGrouping.get(this.grouping);
    if (!groups) this.byGrouping.set(this.grouping, (groups = new Map()));
    return groups;
  }

  /** Whether that changed anything. */
  set(group: GroupNode, expanded: boolean): boolean {
    if (expanded === this.groups.has(group.id)) return false;
    if (expanded) this.groups.set(group.id, group);
    else this.groups.delete(group.id);
    return true;
  }

  has(id: string): boolean {
    return this.groups.has(id);
  }

  /** The grouping the view shows now; the other groupings' groups are kept for when it comes back. */
  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
  }

  /** A hidden view asks for nothing, so nothing is on screen to load ahead for. */
  setVisible(visible: boolean): void {
    this.visible = visible;
  }

  clear(): void {
    this.byGrouping.clear();
  }

  /** Groups whose rows are on screen: expanded, inside expanded groups, in a visible view. */
  onScreen(): GroupNode[] {
    return this.visible ? this.open() : [];
  }

  /**
   * Groups expanded inside expanded groups, visible or not: a hidden view keeps what it showed when
   * it was last visible (it reports no expansion while hidden), and that is what watching reads.
   */
  open(): GroupNode[] {
    return [...this.groups.values()].filter((group) => ancestorIds(group.id).every((id) => this.groups.has(id)));
  }

  state(): ExpandedState {
    return Object.fromEntries([...this.byGrouping].filter(([, groups]) => groups.size > 0).map(([grouping, groups]) => [grouping, [...groups.keys()]]));
  }

  /** `nodeOf` turns a saved id back into its group, or undefined for an id that is not one. */
  restore(state: unknown, nodeOf: (id: string, grouping: Grouping) => GroupNode | undefined): void {
    if (typeof state !== 'object' || state === null) return;
    for (const [grouping, ids] of Object.entries(state) as [Grouping, unknown][]) {
      if (!Array.isArray(ids)) continue;
      const groups = new Map<string, GroupNode>();
      for (const id of ids) {
        const node = typeof id === 'string' ? nodeOf(id, grouping) : undefined;
        if (node) groups.set(node.id, node);
      }
      if (groups.size > 0) this.byGrouping.set(grouping, groups);
    }
  }
}

/** "status=open/channel=web" → ["status=open"]: group ids are their ancestors' ids, extended. */
function ancestorIds(id: string): string[] {
  const segments = id.split('/');
  return segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join('/'));
}
