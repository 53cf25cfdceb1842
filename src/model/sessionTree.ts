// The sessions tree as plain data: groups, slices (the server-side queries behind a group),
// their cursor pages, in-flight requests and errors. The VS Code provider only adapts it.
//
// Rules it keeps: nothing is fetched until a slice is expanded; the same slice expanded twice
// while loading makes one request; a failed page is retried alone (loaded pages stay); a refresh
// aborts the old generation's requests and ignores their late answers.
import type { OpenCxClient } from '../api/client';
import { ApiError, isCancellation } from '../api/errors';
import type { SessionQuery } from '../api/filters';
import type { ChannelType, Session, SessionStatus } from '../api/schemas';
import { channelLabel, statusLabel } from './labels';
import { channelsOf, NO_FILTER, sliceQueries, statusesOf, type SessionFilter } from './filters';

export const GROUPINGS = ['status/channel', 'channel/status', 'status', 'channel', 'none'] as const;
export type Grouping = (typeof GROUPINGS)[number];
type Dimension = 'status' | 'channel';

export interface GroupNode {
  readonly type: 'group';
  readonly id: string;
  readonly dimension: Dimension;
  readonly value: string;
  readonly label: string;
  readonly fixed: { status?: SessionStatus; channel?: ChannelType };
  readonly depth: number;
}

export interface SessionNode {
  readonly type: 'session';
  readonly id: string;
  readonly session: Session;
  readonly slice: Slice;
}

export type NoticeKind = 'loadMore' | 'loading' | 'error' | 'rateLimited' | 'empty' | 'unreadable' | 'signedOut';

export interface NoticeNode {
  readonly type: 'notice';
  readonly id: string;
  readonly kind: NoticeKind;
  readonly slice: Slice | undefined;
  readonly error?: ApiError;
}

export type TreeNode = GroupNode | SessionNode | NoticeNode;

/** One stream of pages: one server-side query and where its paging stands. */
interface Stream {
  readonly query: SessionQuery;
  cursor: string | undefined;
  done: boolean;
  error: ApiError | undefined;
}

export class Slice {
  readonly sessions: SessionNode[] = [];
  readonly streams: Stream[];
  private readonly seen = new Set<string>();
  /** The page request in flight, shared by everyone who asks while it runs. */
  pending: Promise<void> | undefined;
  started = false;
  unreadable = 0;
  /** When a rate-limited slice retries by itself (ms since the epoch). */
  retryAt: number | undefined;
  retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly id: string,
    queries: SessionQuery[],
    readonly generation: number,
  ) {
    this.streams = queries.map((query) => ({ query, cursor: undefined, done: false, error: undefined }));
  }

  get error(): ApiError | undefined {
    return this.streams.find((stream) => stream.error)?.error;
  }

  get hasMore(): boolean {
    return this.streams.some((stream) => !stream.done);
  }

  /** Appends a page in place; a session already shown (it moved between pages) is not repeated. */
  append(sessions: Session[]): void {
    for (const session of sessions) {
      if (this.seen.has(session.id)) continue;
      this.seen.add(session.id);
      this.sessions.push({ type: 'session', id: `${this.id}/${session.id}`, session, slice: this });
    }
  }
}

export interface SessionTreeOptions {
  /** The client for the current server and token; undefined when signed out. */
  client: () => Promise<OpenCxClient | undefined>;
  grouping?: Grouping;
  filter?: SessionFilter;
}

type Listener = (node: GroupNode | undefined) => void;

export class SessionTreeModel {
  private grouping: Grouping;
  private filter: SessionFilter;
  private generation = 0;
  private controller = new AbortController();
  private readonly groups = new Map<string, GroupNode>();
  private readonly slices = new Map<string, Slice>();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly options: SessionTreeOptions) {
    this.grouping = options.grouping ?? 'status/channel';
    this.filter = options.filter ?? NO_FILTER;
  }

  /** Called with the group whose children changed, or undefined for the whole tree. */
  onDidChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    this.refresh();
  }

  setFilter(filter: SessionFilter): void {
    this.filter = filter;
    this.groups.clear();
    this.refresh();
  }

  /** Forgets every page and aborts what is in flight; expanded slices load again when asked. */
  refresh(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.generation++;
    for (const slice of this.slices.values()) clearTimeout(slice.retryTimer);
    this.slices.clear();
    this.emit(undefined);
  }

  dispose(): void {
    this.refresh();
    this.listeners.clear();
  }

  async children(node?: TreeNode): Promise<TreeNode[]> {
    if (node?.type === 'session' || node?.type === 'notice') return [];
    if (!node) {
      // Signed out: no rows at all, so the view shows its welcome content with "Set API Token".
      try {
        if (!(await this.options.client())) return [];
      } catch (error) {
        return [{ type: 'notice', id: 'root#error', kind: 'error', slice: undefined, error: asApiError(error) }];
      }
    }
    const dimensions = this.dimensions();
    const depth = node ? node.depth + 1 : 0;
    const fixed = node ? node.fixed : {};
    if (depth < dimensions.length) return this.groupsAt(dimensions[depth]!, fixed, node);
    // A refresh while the page loaded makes that answer stale: answer for the new generation.
    for (let attempt = 0; ; attempt++) {
      const slice = this.sliceFor(node, fixed);
      const children = await this.sliceChildren(slice);
      if (this.isLive(slice) || attempt === 2) return children;
    }
  }

  /** Loads the next page of a slice; the tree shows "Loading…" in place of "Load more…" meanwhile. */
  async loadMore(slice: Slice): Promise<void> {
    if (!this.isLive(slice) || !slice.hasMore || slice.error) return;
    await this.loadAndShow(slice);
  }

  /** Retries only the failed page(s) of a slice. */
  async retry(slice: Slice): Promise<void> {
    if (!this.isLive(slice)) return;
    clearTimeout(slice.retryTimer);
    slice.retryAt = undefined;
    for (const stream of slice.streams) stream.error = undefined;
    await this.loadAndShow(slice);
  }

  private async loadAndShow(slice: Slice): Promise<void> {
    const loading = this.loadPage(slice);
    this.emitSlice(slice); // shows "Loading…" in place of "Load more…" or the error
    await loading;
    if (this.isLive(slice)) this.emitSlice(slice);
  }

  /** The group node that owns a slice (undefined: the root), for change events. */
  ownerOf(slice: Slice): GroupNode | undefined {
    return this.groups.get(slice.id.replace(/^slice:/, ''));
  }

  /** What a leaf group has loaded so far; undefined until it was expanded. */
  loaded(group: GroupNode): { count: number; more: boolean } | undefined {
    const slice = this.slices.get(`slice:${group.id}`);
    return slice?.started && !slice.pending ? { count: slice.sessions.length, more: slice.hasMore } : undefined;
  }

  /** Every loaded session, for commands such as copy and go-to. */
  loadedSessions(): Session[] {
    return [...this.slices.values()].flatMap((slice) => slice.sessions.map((node) => node.session));
  }

  private dimensions(): Dimension[] {
    return this.grouping === 'none' ? [] : (this.grouping.split('/') as Dimension[]);
  }

  private groupsAt(dimension: Dimension, fixed: GroupNode['fixed'], parent: GroupNode | undefined): GroupNode[] {
    const values: string[] = dimension === 'status' ? statusesOf(this.filter) : channelsOf(this.filter);
    return values.map((value) => {
      const id = `${parent ? parent.id + '/' : ''}${dimension}=${value}`;
      let group = this.groups.get(id);
      if (!group) {
        group = {
          type: 'group',
          id,
          dimension,
          value,
          label: dimension === 'status' ? statusLabel(value) : channelLabel(value),
          fixed: { ...fixed, [dimension]: value },
          depth: parent ? parent.depth + 1 : 0,
        };
        this.groups.set(id, group);
      }
      return group;
    });
  }

  private sliceFor(owner: GroupNode | undefined, fixed: GroupNode['fixed']): Slice {
    const id = `slice:${owner?.id ?? ''}`;
    let slice = this.slices.get(id);
    if (!slice) {
      slice = new Slice(id, sliceQueries(fixed, this.filter), this.generation);
      this.slices.set(id, slice);
    }
    return slice;
  }

  private async sliceChildren(slice: Slice): Promise<TreeNode[]> {
    if (!slice.started) await this.loadPage(slice);
    else if (slice.pending && slice.sessions.length === 0) await slice.pending;
    return this.itemsOf(slice);
  }

  private itemsOf(slice: Slice): TreeNode[] {
    const items: TreeNode[] = [...slice.sessions];
    const notice = (kind: NoticeKind, error?: ApiError): NoticeNode => ({ type: 'notice', id: `${slice.id}#${kind}`, kind, slice, error });
    if (slice.unreadable > 0) items.push(notice('unreadable'));
    const error = slice.error;
    if (slice.pending) items.push(notice('loading'));
    else if (error) items.push(notice(error.needsToken ? 'signedOut' : slice.retryAt ? 'rateLimited' : 'error', error));
    else if (slice.hasMore) items.push(notice('loadMore'));
    else if (slice.sessions.length === 0) items.push(notice('empty'));
    return items;
  }

  /** Fetches the next page of every stream that has one; one promise per slice at a time. */
  private loadPage(slice: Slice): Promise<void> {
    if (slice.pending) return slice.pending;
    slice.started = true;
    const signal = this.controller.signal;
    const run = async () => {
      let client: OpenCxClient | undefined;
      try {
        client = await this.options.client();
      } catch (error) {
        for (const stream of slice.streams) stream.error = asApiError(error);
        return;
      }
      if (!client) {
        for (const stream of slice.streams) stream.error = new ApiError('unauthorized', 'No API token is set for this server.');
        return;
      }
      const waiting = slice.streams.filter((stream) => !stream.done && !stream.error);
      const results = await Promise.allSettled(waiting.map((stream) => client.listSessions(stream.query, stream.cursor, signal)));
      if (!this.isLive(slice)) return; // a refresh happened: this answer belongs to the past
      results.forEach((result, index) => {
        const stream = waiting[index]!;
        if (result.status === 'rejected') {
          if (!isCancellation(result.reason)) stream.error = asApiError(result.reason);
          return;
        }
        stream.cursor = result.value.next ?? undefined;
        stream.done = result.value.next === null;
        slice.unreadable += result.value.unreadable;
      });
      // Parallel streams are merged newest first within the page just loaded.
      const merged = results.flatMap((result) => (result.status === 'fulfilled' ? result.value.items : []));
      if (waiting.length > 1) merged.sort(byRecentActivity);
      slice.append(merged);
      this.scheduleRateLimitRetry(slice);
    };
    slice.pending = run().finally(() => (slice.pending = undefined));
    return slice.pending;
  }

  /** A long Retry-After is waited out here, visibly, rather than behind a spinner. */
  private scheduleRateLimitRetry(slice: Slice): void {
    const error = slice.error;
    if (error?.kind !== 'rateLimited' || error.retryAfterMs === undefined) return;
    slice.retryAt = Date.now() + error.retryAfterMs;
    slice.retryTimer = setTimeout(() => void this.retry(slice), error.retryAfterMs);
  }

  private isLive(slice: Slice): boolean {
    return slice.generation === this.generation && this.slices.get(slice.id) === slice;
  }

  private emitSlice(slice: Slice): void {
    this.emit(this.ownerOf(slice));
  }

  private emit(node: GroupNode | undefined): void {
    for (const listener of this.listeners) listener(node);
  }
}

function byRecentActivity(a: Session, b: Session): number {
  const time = (session: Session) => session.updated_at ?? session.created_at ?? '';
  return time(b).localeCompare(time(a));
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('invalidResponse', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
