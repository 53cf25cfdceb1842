// The groups the view shows expanded, as the view reports them. A refresh starts their first pages
// at once (sessionTree.ts) rather than waiting for VS Code to ask its way down the tree again.
import type { GroupNode } from './treeNodes';

export class ExpandedGroups {
  private readonly groups = new Map<string, GroupNode>();
  private visible = true;

  set(group: GroupNode, expanded: boolean): void {
    if (expanded) this.groups.set(group.id, group);
    else this.groups.delete(group.id);
  }

  /** A hidden view asks for nothing, so nothing is on screen to load ahead for. */
  setVisible(visible: boolean): void {
    this.visible = visible;
  }

  clear(): void {
    this.groups.clear();
  }

  /** Groups whose rows are on screen: expanded, inside expanded groups, in a visible view. */
  onScreen(): GroupNode[] {
    if (!this.visible) return [];
    return [...this.groups.values()].filter((group) => ancestorIds(group.id).every((id) => this.groups.has(id)));
  }
}

/** "status=open/channel=web" → ["status=open"]: group ids are their ancestors' ids, extended. */
function ancestorIds(id: string): string[] {
  const segments = id.split('/');
  return segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join('/'));
}
