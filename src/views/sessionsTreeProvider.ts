// Adapts the plain sessions tree model to VS Code: its rows become tree items (treeItems.ts) and
// its change events become the view's.
import * as vscode from 'vscode';
import { isFiltered } from '../model/tree/sessionFilter';
import type { SessionTreeModel } from '../model/tree/sessionTree';
import type { GroupNode, NoticeNode, TreeNode } from '../model/tree/treeNodes';
import { groupItem, noticeItem, sessionItem, sessionTooltip } from './treeItems';

export class SessionsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly stopListening: () => void;
  /** Children last returned per group, to answer getParent for reveal. */
  private readonly parents = new Map<string, GroupNode | undefined>();
  /** Groups changed since the last event; 'all' for the whole tree. */
  private pending: Set<GroupNode> | 'all' | undefined;

  constructor(
    private readonly model: SessionTreeModel,
    private readonly onAuthProblem: (node: NoticeNode) => void,
  ) {
    this.stopListening = model.onDidChange((node) => this.collect(node));
  }

  /**
   * Changes of one moment go to VS Code as one event: it delivers a view's events at most once per
   * 200 ms, so a second event in the same moment would wait that long.
   */
  private collect(node: GroupNode | undefined): void {
    const pending = this.pending;
    if (pending === undefined) queueMicrotask(() => this.flush());
    if (pending === 'all') return;
    if (!node) this.pending = 'all';
    else if (pending) pending.add(node);
    else this.pending = new Set([node]);
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending === 'all') {
      // The whole tree is replaced: parents of rows gone for good are dropped.
      this.parents.clear();
      this.changed.fire(undefined);
    } else if (pending) {
      const changed = new Set([...pending].map((group) => group.id));
      for (const [id, parent] of this.parents) if (parent && changed.has(parent.id)) this.parents.delete(id);
      this.changed.fire([...pending]);
    }
  }

  /** VS Code shows the view's progress bar while this runs, i.e. while a page loads. */
  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const children = await this.model.children(node);
    for (const child of children) {
      this.parents.set(child.id, node?.type === 'group' ? node : undefined);
      if (child.type === 'notice' && child.kind === 'signedOut') this.onAuthProblem(child);
    }
    return children;
  }

  getParent(node: TreeNode): GroupNode | undefined {
    return this.parents.get(node.id);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.type) {
      case 'group':
        return groupItem(node, this.model.loaded(node), this.model.isExpanded(node));
      case 'session':
        return sessionItem(node.id, node.session, node.groupedBy, node.isNew);
      case 'notice':
        return noticeItem(node, isFiltered(this.model.currentFilter));
    }
  }

  /**
   * A session's tooltip, built when it is about to show: in getTreeItem every row of a page would
   * carry one to the window, which parses each as Markdown while drawing the rows.
   */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.type === 'session') item.tooltip = sessionTooltip(node.session);
    return item;
  }

  dispose(): void {
    this.stopListening();
    this.changed.dispose();
  }
}
