// The sessions tree as plain data: groups, and behind each leaf group its pages (groupPages.ts):
// cursor pages, request in flight and errors, one generation at a time (treePages.ts). The VS Code
// provider only adapts it.
//
// Rules it keeps: nothing is fetched until a leaf group is expanded; the same group expanded twice
// while loading makes one request; a failed page is retried alone (loaded pages stay); a refresh
// aborts the old generation's requests and ignores their late answers.
import type { CurrentClient } from '../../api/client';
import { asApiError } from '../../api/errors';
import type { Session } from '../../api/schemas';
import { ExpandedGroups, type ExpandedState } from './expandedGroups';
import type { GroupPages } from './groupPages';
import { NewSessions } from '../watching/newSessions';
import { NO_FILTER, type SessionFilter } from './sessionFilter';
import { dimensionsOf, groupFromId, groupsAt, isShown } from './treeGroups';
import type { GroupNode, Grouping, GroupPagesRef, TreeNode } from './treeNodes';
import { ownerIdOf, TreePages } from './treePages';
import type { WatchRound } from '../watching/watchRound';

export type { WatchRound } from '../watching/watchRound';

export interface SessionTreeOptions {
  client: CurrentClient;
  grouping?: Grouping;
  filter?: SessionFilter;
}

type Listener = (node: GroupNode | undefined) => void;

export class SessionTreeModel {
  private grouping: Grouping;
  private filter: SessionFilter;
  private readonly groups = new Map<string, GroupNode>();
  private readonly groupPages: TreePages;
  private readonly listeners = new Set<Listener>();
  private readonly expandedListeners = new Set<() => void>();
  private readonly expanded: ExpandedGroups;
  /** Sessions that arrived while watching, marked on their rows and counted on the view's badge. */
  readonly newSessions = new NewSessions();
  /** Whether the root's rows are groups (not "signed out", an error, or sessions): see reload(). */
  private rootShowsGroups = false;

  constructor(private readonly options: SessionTreeOptions) {
    this.grouping = options.grouping ?? 'status/channel';
    this.filter = options.filter ?? NO_FILTER;
    this.expanded = new ExpandedGroups(this.grouping);
    this.groupPages = new TreePages(options.client, (pages) => this.emitPages(pages));
  }

  /** Called with the group whose children changed, or undefined for the whole tree. */
  onDidChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when the groups the view shows expanded change, so that they can be saved. */
  onDidChangeExpanded(listener: () => void): () => void {
    this.expandedListeners.add(listener);
    return () => this.expandedListeners.delete(listener);
  }

  get currentGrouping(): Grouping {
    return this.grouping;
  }

  get currentFilter(): SessionFilter {
    return this.filter;
  }

  setGrouping(grouping: Grouping): void {
    if (grouping === this.grouping) return;
    this.grouping = grouping;
    this.groups.clear();
    // The old grouping's expanded groups are kept for when it comes back.
    this.expanded.setGrouping(grouping);
    this.refresh();
  }

  setFilter(filter: SessionFilter): void {
    this.filter = filter;
    this.groups.clear();
    this.refresh();
  }

  /** The view expanded or collapsed a group. */
  setExpanded(group: GroupNode, expanded: boolean): void {
    if (this.expanded.set(group, expanded)) for (const listener of this.expandedListeners) listener();
  }

  /** The view was shown or hidden. */
  setViewVisible(visible: boolean): void {
    this.expanded.setVisible(visible);
  }

  /** Whether the view shows a group expanded, so that its row is drawn expanded after a refresh or reload. */
  isExpanded(group: GroupNode): boolean {
    return this.expanded.has(group.id);
  }

  /** The expanded groups of every grouping, to be saved for the next window. */
  expandedState(): ExpandedState {
    return this.expanded.state();
  }

  /**
   * Expanded groups saved by an earlier window: their first pages load at once, before VS Code asks
   * its way down the tree to them. Call before the view first asks for rows.
   */
  restoreExpanded(state: unknown): void {
    this.expanded.restore(state, groupFromId);
    for (const group of this.expanded.open()) if (!this.groups.has(group.id) && this.shows(group)) this.groups.set(group.id, group);
    this.loadExpandedGroups();
  }

  /**
   * Whether the user looks at the view (visible in a focused window): looking clears the count of
   * new sessions, looking away takes the marks off the rows that were looked at.
   */
  setLooking(looking: boolean): void {
    const unmarked = new Set(this.newSessions.setLooking(looking));
    if (unmarked.size === 0) return;
    for (const pages of this.groupPages.all()) {
      if (pages.loadedSessions().some((session) => unmarked.has(session.id))) this.emitPages(pages);
    }
  }

  /**
   * One round of watching: the first page of each expanded leaf group read again, one request per
   * stream, as background requests (the budget's share), and merged in place; one change event per
   * group that changed. Collapsed groups cost nothing. The groups are those expanded when the view
   * was last visible. A group never loaded (after a refresh while the view was hidden) loads its
   * first page instead.
   */
  async watchRound(): Promise<WatchRound> {
    const leafDepth = dimensionsOf(this.grouping).length - 1;
    const leaves = leafDepth < 0 ? [undefined] : this.expanded.open().filter((group) => group.depth === leafDepth && this.shows(group));
    const watched: GroupPages[] = [];
    for (const group of leaves) {
      const pages = this.groupPages.of(group);
      if (pages?.isStarted) watched.push(pages);
      else if (group) void this.groupPages.loadAndShow(this.pagesFor(group));
    }
    return this.readFirstPagesAndShow(watched, true);
  }

  /**
   * Reads the first pages of `watched` again and merges them (watchRound.ts), marks the sessions
   * that arrived, and sends a change event for each group whose rows changed.
   */
  private async readFirstPagesAndShow(watched: GroupPages[], background: boolean): Promise<WatchRound> {
    const { round, changed } = await this.groupPages.readFirstPages(watched, background);
    this.newSessions.arrived(round.added);
    for (const pages of changed) if (this.groupPages.isCurrent(pages)) this.emitPages(pages);
    return round;
  }

  /**
   * Forgets every page and aborts what is in flight. The first pages of the groups the view shows
   * expanded load again at once; the rest load when asked.
   */
  refresh(): void {
    this.forgetPages();
    this.emit(undefined);
  }

  /**
   * The Refresh command: as refresh(), but the change events name only the groups whose pages were
   * loaded, since nothing else of the tree can change. VS Code then asks for those groups' rows
   * alone, instead of asking its way down from the root again, one round trip per level, and
   * drawing every row anew.
   */
  reload(): void {
    const owners = this.groupPages.all().map((pages) => this.ownerOf(pages.ref));
    if (!this.rootShowsGroups || owners.some((owner) => owner === undefined)) return this.refresh();
    this.forgetPages();
    for (const owner of owners) this.emit(owner);
  }

  /** Aborts what is in flight and forgets every page; the groups on screen start loading again. */
  private forgetPages(): void {
    this.groupPages.forget();
    this.loadExpandedGroups();
  }

  dispose(): void {
    this.expanded.clear();
    this.refresh();
    this.listeners.clear();
    this.expandedListeners.clear();
  }

  async children(node?: TreeNode): Promise<TreeNode[]> {
    if (node?.type === 'session' || node?.type === 'notice') return [];
    // VS Code asks for a group's rows only while it shows the group expanded, and its expansion
    // event can be lost: one that comes while a change of the whole tree is answered names a row
    // VS Code has just forgotten on the extension's side, and is dropped. Being asked says as much.
    if (node && this.shows(node)) this.setExpanded(node, true);
    if (!node) {
      this.rootShowsGroups = false;
      // Signed out: no rows at all, so the view shows its welcome content with "Set API Token".
      try {
        if (!(await this.options.client())) return [];
      } catch (error) {
        return [{ type: 'notice', id: 'root#error', kind: 'error', pages: undefined, error: asApiError(error) }];
      }
    }
    // A refresh while the page loaded makes that answer stale: answer for the new generation, as
    // long as the group is still part of the tree (a filter or grouping change may have removed it,
    // and loading it again would fetch sessions nobody can see).
    for (let attempt = 0; ; attempt++) {
      if (node && !this.shows(node)) return [];
      const dimensions = dimensionsOf(this.grouping);
      const depth = node ? node.depth + 1 : 0;
      const groupedBy = node ? node.groupedBy : {};
      if (depth < dimensions.length) {
        if (!node) this.rootShowsGroups = true;
        return groupsAt(dimensions[depth]!, groupedBy, node, this.filter, this.groups);
      }
      const pages = this.groupPages.pagesFor(node, groupedBy, this.filter);
      const children = await this.groupPages.rows(pages, (id) => this.newSessions.isNew(id));
      if (this.groupPages.isCurrent(pages) || attempt === 2) return children;
    }
  }

  /** Loads the next page of a group, with one change event once it is in (see TreePages.loadMore). */
  loadMore(ref: GroupPagesRef): Promise<void> {
    return this.groupPages.loadMore(ref);
  }

  /** Retries only the failed page(s) of a group. */
  async retry(ref: GroupPagesRef): Promise<void> {
    const pages = this.groupPages.current(ref);
    if (!pages) return;
    // Watching could not read the first page: read it now, for the user, and merge it.
    if (pages.hasWatchError && !pages.error) {
      pages.clearWatchError();
      this.emitPages(pages);
      await this.readFirstPagesAndShow([pages], false);
      return;
    }
    pages.clearErrors({ byUser: true });
    await this.groupPages.loadAndShow(pages);
  }

  /** The group node that owns a group's pages (undefined: the root), for change events. */
  ownerOf(ref: GroupPagesRef): GroupNode | undefined {
    return this.groups.get(ownerIdOf(ref));
  }

  /** What a leaf group has loaded so far; undefined until it was expanded. */
  loaded(group: GroupNode): { count: number; more: boolean } | undefined {
    return this.groupPages.of(group)?.loaded;
  }

  /** Every loaded session, for commands such as copy and go-to. */
  loadedSessions(): Session[] {
    return this.groupPages.all().flatMap((pages) => pages.loadedSessions());
  }

  /**
   * Starts the first page of every leaf group on screen. After a refresh VS Code asks again for the
   * children of each level of the tree, one round trip after the other, and for those of several
   * expanded groups one group after the other; loading now lets the pages arrive meanwhile, together.
   */
  private loadExpandedGroups(): void {
    const leafDepth = dimensionsOf(this.grouping).length - 1;
    for (const group of this.expanded.onScreen()) {
      if (group.depth === leafDepth && this.shows(group)) void this.groupPages.load(this.pagesFor(group));
    }
  }

  /** A leaf group's pages under the current filter. */
  private pagesFor(group: GroupNode): GroupPages {
    return this.groupPages.pagesFor(group, group.groupedBy, this.filter);
  }

  /** Whether `group` is a group of the tree under the current grouping and filter. */
  private shows(group: GroupNode): boolean {
    return isShown(group, this.grouping, this.filter);
  }

  private emitPages(pages: GroupPages): void {
    this.emit(this.ownerOf(pages.ref));
  }

  private emit(node: GroupNode | undefined): void {
    for (const listener of this.listeners) listener(node);
  }
}
