// The pages of the tree's leaf groups, one generation at a time. A refresh starts a new generation:
// it aborts the old generation's requests, and their late answers are ignored (isCurrent).
import type { CurrentClient } from '../../api/client';
import { GroupPages } from './groupPages';
import { groupQueries, type SessionFilter } from './sessionFilter';
import type { GroupedBy, GroupNode, GroupPagesRef, TreeNode } from './treeNodes';
import { readFirstPages, type WatchRound } from '../watching/watchRound';

/**
 * The id of a leaf group's pages (the root's when the tree is not grouped), which also begins the
 * ids of its rows. "slice:" is the pages' earlier name, kept so that row ids, by which VS Code keeps
 * a row selected and focused, stay as they were.
 */
const pagesId = (group: GroupNode | undefined): string => `slice:${group?.id ?? ''}`;

/** The id of the group that owns a group's pages ('' for the root): the prefix pagesId adds taken off. */
export const ownerIdOf = (ref: GroupPagesRef): string => ref.id.replace(/^slice:/, '');

export class TreePages {
  private generation = 0;
  private controller = new AbortController();
  private readonly byId = new Map<string, GroupPages>();

  constructor(
    private readonly client: CurrentClient,
    /** Sends the change event of the group whose pages changed. */
    private readonly show: (pages: GroupPages) => void,
  ) {}

  /** Every leaf group's pages of this generation. */
  all(): GroupPages[] {
    return [...this.byId.values()];
  }

  /** A leaf group's pages (the root's for undefined); undefined until the group was expanded. */
  of(group: GroupNode | undefined): GroupPages | undefined {
    return this.byId.get(pagesId(group));
  }

  /** A leaf group's pages, made when first asked for. */
  pagesFor(owner: GroupNode | undefined, groupedBy: GroupedBy, filter: SessionFilter): GroupPages {
    const id = pagesId(owner);
    let pages = this.byId.get(id);
    if (!pages) {
      pages = new GroupPages(id, groupQueries(groupedBy, filter), this.generation, groupedBy);
      this.byId.set(id, pages);
    }
    return pages;
  }

  /** Aborts what is in flight and forgets every page: a new generation. */
  forget(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.generation++;
    for (const pages of this.byId.values()) pages.cancelRetry();
    this.byId.clear();
  }

  /** Whether these pages still belong to the tree shown: a refresh replaces them. */
  isCurrent(pages: GroupPages): boolean {
    return pages.ref.generation === this.generation && this.byId.get(pages.id) === pages;
  }

  /** The pages a row names, if they are still current (see isCurrent). */
  current(ref: GroupPagesRef): GroupPages | undefined {
    const pages = this.byId.get(ref.id);
    return pages && pages.ref.generation === ref.generation && pages.ref.generation === this.generation ? pages : undefined;
  }

  /** A group's rows, once its first page is in. */
  async rows(pages: GroupPages, isNew: (id: string) => boolean): Promise<TreeNode[]> {
    if (!pages.isStarted) await this.load(pages);
    else if (pages.inFlight && pages.sessions.length === 0) await pages.inFlight;
    return pages.rows(isNew);
  }

  /** Fetches the next page of a group; one promise per group at a time. */
  load(pages: GroupPages): Promise<void> {
    return pages.load({
      client: this.client,
      signal: this.controller.signal,
      isCurrent: () => this.isCurrent(pages),
      retryAutomatically: () => {
        if (!this.isCurrent(pages)) return;
        pages.clearErrors({ byUser: false });
        void this.loadAndShow(pages);
      },
    });
  }

  async loadAndShow(pages: GroupPages): Promise<void> {
    const loading = this.load(pages);
    this.show(pages); // shows "Loading…" in place of the error or the rate-limit wait
    await loading;
    if (this.isCurrent(pages)) this.show(pages);
  }

  /**
   * Loads the next page of a group. "Load more…" stays as it is until the page is in, with one
   * change event then: VS Code delivers a view's change events at most once per 200 ms, so a
   * "Loading…" event first would hold the page's own event back by that much. The view's progress
   * bar shows the load instead (the command's).
   */
  async loadMore(ref: GroupPagesRef): Promise<void> {
    const pages = this.current(ref);
    if (!pages || !pages.hasMore || pages.error) return;
    await this.load(pages);
    if (this.isCurrent(pages)) this.show(pages);
  }

  /** Reads the first pages of `watched` again and merges them (watchRound.ts). */
  readFirstPages(watched: GroupPages[], background: boolean): Promise<{ round: WatchRound; changed: Set<GroupPages> }> {
    return readFirstPages(watched, {
      all: () => this.all().filter((pages) => this.isCurrent(pages)),
      load: (pages) => ({ client: this.client, signal: this.controller.signal, isCurrent: () => this.isCurrent(pages), background }),
    });
  }
}
