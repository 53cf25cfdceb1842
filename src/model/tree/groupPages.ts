// One leaf group's pages: the server-side queries behind the group (several when the filter
// selects several values), where each one's paging stands (pageStreams.ts), the sessions loaded so
// far and the page request in flight. Only the tree model holds them; the view sees the rows they make.
import { BACKGROUND_SHARE_SPENT, type CurrentClient, type OpenCxClient } from '../../api/client';
import { ApiError, asApiError, isCancellation } from '../../api/errors';
import type { Session } from '../../api/schemas';
import type { SessionQuery } from '../../api/sessionQuery';
import { matchesQuery, type FreshPage, type LoadedSession } from '../watching/firstPageMerge';
import { GroupSessions } from './groupSessions';
import { byRecentActivity, followPage, newStream, restartStream, type Stream } from './pageStreams';
import type { GroupedBy, GroupPagesRef, NoticeKind, NoticeNode, SessionNode, TreeNode } from './treeNodes';

/**
 * Rate-limit waits a group sits out by itself in a row; then it waits for a click. A server that
 * keeps answering 429 would otherwise be asked again every few seconds for as long as the view is open.
 */
export const MAX_AUTOMATIC_RETRIES = 3;

/** What a page load needs from the tree model that owns the pages. */
export interface LoadContext {
  client: CurrentClient;
  /** Aborted by a refresh. */
  signal: AbortSignal;
  /** Whether the pages still belong to the tree shown: a refresh may happen while a page loads. */
  isCurrent: () => boolean;
  /** Retries once a rate limit's wait is over, as the pages' own decision (not a click). */
  retryAutomatically: () => void;
}

/** What reading a group's first page(s) again came to (see refreshFirstPages). */
export type FirstPagesResult =
  | { kind: 'skipped' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'merged'; fresh: Session[]; added: Session[]; changed: boolean };

export class GroupPages {
  /** One object for every row of this group, so rows of one group compare equal. */
  readonly ref: GroupPagesRef;
  private readonly nodes: GroupSessions;
  private readonly streams: Stream[];
  /** A first-page read of watching in flight; a page load waits for it, and it skips pages that are loading. */
  private merging: Promise<FirstPagesResult> | undefined;
  /** Why the last first-page read of watching failed; shown on top of the rows until one succeeds. */
  private watchError: ApiError | undefined;
  /** The page request in flight, shared by everyone who asks while it runs. */
  private pending: Promise<void> | undefined;
  private started = false;
  private unreadable = 0;
  /** When rate-limited pages retry by themselves (ms since the epoch, for display). */
  private retryAt: number | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Automatic retries since the last page that was not rate limited, or the last click. */
  private automaticRetries = 0;

  constructor(id: string, queries: SessionQuery[], generation: number, groupedBy: GroupedBy = {}) {
    this.ref = Object.freeze({ id, generation });
    this.nodes = new GroupSessions(this.ref, groupedBy);
    this.streams = queries.map(newStream);
  }

  get id(): string {
    return this.ref.id;
  }

  get sessions(): readonly SessionNode[] {
    return this.nodes.rows;
  }

  get isStarted(): boolean {
    return this.started;
  }

  get isLoading(): boolean {
    return this.pending !== undefined;
  }

  get error(): ApiError | undefined {
    return this.streams.find((stream) => stream.error)?.error;
  }

  get hasMore(): boolean {
    return this.streams.some((stream) => !stream.done);
  }

  /** What the group shows as its count; undefined until the first page is in. */
  get loaded(): { count: number; more: boolean } | undefined {
    return this.started && !this.pending ? { count: this.nodes.length, more: this.hasMore } : undefined;
  }

  /** The page in flight, if any: a second expansion waits for it instead of asking again. */
  get inFlight(): Promise<void> | undefined {
    return this.pending;
  }

  /**
   * Fetches the next page of every stream that has one; one request per stream at a time, shared
   * by every caller while it runs.
   */
  load({ client, signal, isCurrent, retryAutomatically }: LoadContext): Promise<void> {
    if (this.pending) return this.pending;
    this.started = true;
    const run = async () => {
      if (this.merging) await this.merging;
      let current: OpenCxClient | undefined;
      try {
        current = await client();
      } catch (error) {
        this.failAll(asApiError(error));
        return;
      }
      if (!current) {
        this.failAll(new ApiError('unauthorized', 'No API token is set for this server.'));
        return;
      }
      const api = current;
      const waiting = this.streams.filter((stream) => !stream.done && !stream.error);
      const results = await Promise.allSettled(waiting.map((stream) => api.listSessions(stream.query, stream.cursor, signal)));
      if (!isCurrent()) return; // a refresh happened: this answer belongs to the past
      // Parallel streams are merged newest first within the page just loaded.
      const merged: LoadedSession[] = [];
      results.forEach((result, index) => {
        const stream = waiting[index]!;
        if (result.status === 'rejected') {
          if (!isCancellation(result.reason)) stream.error = asApiError(result.reason);
          return;
        }
        if (!followPage(stream, result.value, (id) => this.nodes.has(id))) return;
        this.unreadable += result.value.unreadable;
        merged.push(...result.value.items.map((session) => ({ session, stream: this.streams.indexOf(stream) })));
      });
      if (waiting.length > 1) merged.sort((a, b) => byRecentActivity(a.session, b.session));
      this.nodes.append(merged);
      if (this.error?.kind !== 'rateLimited') this.automaticRetries = 0;
      this.scheduleRetry(retryAutomatically);
    };
    this.pending = run().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /**
   * Reads the first page of every stream again, as a background request (watching) or for a click
   * on the row of a failed one, and merges it in place (firstPageMerge.ts): new sessions on top,
   * changed ones updated, departed ones gone, as many rows kept as were loaded. Skipped
   * while a page loads or a page load failed: those rows are the user's.
   */
  refreshFirstPages({ client, signal, isCurrent, background }: Omit<LoadContext, 'retryAutomatically'> & { background: boolean }): Promise<FirstPagesResult> {
    if (!this.started || this.pending || this.error) return Promise.resolve({ kind: 'skipped' });
    if (this.merging) return this.merging;
    const run = async (): Promise<FirstPagesResult> => {
      try {
        const api = await client();
        if (!api) return { kind: 'skipped' };
        const pages = await Promise.all(
          this.streams.map(async (stream, index): Promise<FreshPage> => {
            const page = await api.listSessions(stream.query, undefined, signal, { background });
            return { stream: index, items: page.items, next: page.next };
          }),
        );
        if (!isCurrent()) return { kind: 'skipped' };
        this.watchError = undefined;
        return this.merge(pages);
      } catch (error) {
        const failure = asApiError(error);
        if (!isCurrent() || isCancellation(failure)) return { kind: 'skipped' };
        // The budget holding watching back is no failure to show: watching waits its turn.
        if (failure.code !== BACKGROUND_SHARE_SPENT) this.watchError = failure;
        return { kind: 'failed', error: failure };
      }
    };
    this.merging = run().finally(() => (this.merging = undefined));
    return this.merging;
  }

  /** Whether watching failed on this group and says so on its first row. */
  get hasWatchError(): boolean {
    return this.watchError !== undefined;
  }

  clearWatchError(): void {
    this.watchError = undefined;
  }

  /**
   * Takes in sessions another group's first page brought: one this group shows is updated where it
   * stands, or removed when it no longer belongs here (its status or channel changed).
   */
  applyFresh(fresh: ReadonlyMap<string, Session>): boolean {
    return this.nodes.applyFresh(fresh, (session) => this.accepts(session));
  }

  /** Whether a session, as the server sends it now, belongs to one of this group's queries. */
  accepts(session: Session): boolean {
    return this.streams.some((stream) => matchesQuery(stream.query, session));
  }

  private merge(pages: FreshPage[]): FirstPagesResult {
    const loadedToEnd = new Set(this.streams.flatMap((stream, index) => (stream.done ? [index] : [])));
    const outcome = this.nodes.merge(pages, loadedToEnd);
    for (const page of pages) if (outcome.restarted.includes(page.stream)) restartStream(this.streams[page.stream]!, page.next);
    const changed = [outcome.added, outcome.removed, outcome.updated, outcome.trimmed, outcome.restarted].some((list) => list.length > 0);
    return { kind: 'merged', fresh: pages.flatMap((page) => page.items), added: outcome.added, changed };
  }

  /**
   * Forgets the errors so that the failed page(s) are asked for again; loaded pages stay. A click
   * (`byUser`) also gives the group its automatic retries back.
   */
  clearErrors({ byUser }: { byUser: boolean }): void {
    this.cancelRetry();
    if (byUser) this.automaticRetries = 0;
    for (const stream of this.streams) stream.error = undefined;
  }

  /**
   * A long Retry-After is waited out here, visibly, rather than behind a spinner; after
   * MAX_AUTOMATIC_RETRIES in a row the row waits for a click instead.
   */
  private scheduleRetry(retryAutomatically: () => void): void {
    const error = this.error;
    if (error?.kind !== 'rateLimited' || error.retryAfterMs === undefined) return;
    if (this.automaticRetries >= MAX_AUTOMATIC_RETRIES) return;
    this.retryAt = Date.now() + error.retryAfterMs;
    this.retryTimer = setTimeout(() => {
      this.automaticRetries++;
      retryAutomatically();
    }, error.retryAfterMs);
  }

  cancelRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryAt = undefined;
  }

  /**
   * The rows of this group: a failed watch read on top, its sessions (`isNew` marks those that
   * arrived while watching), then at most one notice saying what comes next.
   */
  rows(isNew: (id: string) => boolean = () => false): TreeNode[] {
    const notice = (kind: NoticeKind, extra: Partial<NoticeNode> = {}): NoticeNode => ({
      type: 'notice',
      id: `${this.id}#${kind}`,
      kind,
      pages: this.ref,
      ...extra,
    });
    const rows: TreeNode[] = this.watchError ? [notice('watchFailed', { error: this.watchError })] : [];
    for (const node of this.nodes.rows) rows.push(isNew(node.session.id) ? { ...node, isNew: true } : node);
    if (this.unreadable > 0) rows.push(notice('unreadable', { unreadable: this.unreadable }));
    const error = this.error;
    if (this.pending) rows.push(notice('loading'));
    else if (error) {
      const kind = error.needsToken ? 'signedOut' : this.retryAt ? 'rateLimited' : 'error';
      rows.push(notice(kind, kind === 'rateLimited' ? { error, retryAt: this.retryAt } : { error }));
    } else if (this.hasMore) rows.push(notice('loadMore'));
    else if (this.nodes.length === 0) rows.push(notice('empty'));
    return rows;
  }

  /** Every session loaded, for commands such as copy and go-to. */
  loadedSessions(): Session[] {
    return this.nodes.rows.map((node) => node.session);
  }

  private failAll(error: ApiError): void {
    for (const stream of this.streams) stream.error = error;
  }
}
