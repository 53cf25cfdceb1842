// The history a session panel shows and how it changes: the first read, Refresh (which keeps the
// pages loaded with "Load older", historyRefresh.ts), Load older, and Retry of whichever failed.
// Plain TypeScript: the panel passes a page reader and re-renders when told of a change.
import { isCancellation } from '../../api/errors';
import type { HistoryEvent, Page } from '../../api/schemas';
import { eventIds, readRefreshedHistory } from './historyRefresh';

/** Reads one page of the session's history; `cursor` undefined reads the newest page. */
export type HistoryPageReader = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<HistoryEvent>>;

/** What the panel shows of the history. */
export interface HistoryState {
  /** Newest first. */
  readonly events: readonly HistoryEvent[];
  /** True once a first page arrived. */
  readonly loaded: boolean;
  readonly hasOlder: boolean;
  /** Which page is being fetched: the newest (first open, refresh) or the next older one. */
  readonly busy: 'newest' | 'older' | false;
  /** Events the server sent that could not be read, in the pages shown. */
  readonly unreadable: number;
  /** Why the last request failed (an ApiError, or whatever the reader threw); cleared by the next one. */
  readonly error: unknown;
}

export class SessionHistory {
  private events: HistoryEvent[] = [];
  /** Cursor of the next older page; null on the last page. */
  private next: string | null = null;
  /** Pages read to build `events`: a refresh that cannot meet the shown events reads at most this many. */
  private pages = 0;
  /** Unreadable events in the pages loaded with "Load older", still counted while those events are kept. */
  private olderUnreadable = 0;
  private unreadable = 0;
  private loaded = false;
  private busy: HistoryState['busy'] = false;
  private error: unknown;
  /** The cursor of the page whose request failed, for Retry (undefined: the refresh). */
  private failedCursor: string | undefined;
  private request: AbortController | undefined;

  constructor(
    private readonly readPage: HistoryPageReader,
    private readonly changed: () => void,
  ) {}

  get state(): HistoryState {
    return {
      events: this.events,
      loaded: this.loaded,
      hasOlder: this.next !== null,
      busy: this.busy,
      unreadable: this.unreadable,
      error: this.error,
    };
  }

  get isBusy(): boolean {
    return this.busy !== false;
  }

  /**
   * Reads the newest pages and folds them into what is shown: events loaded with "Load older"
   * stay, usually for one request. On first open nothing is shown yet and this reads the newest
   * page. A failure leaves the shown events as they are, with the error.
   */
  async refresh(): Promise<void> {
    const controller = this.start('newest');
    const shown = { events: this.events, next: this.next, pages: this.pages };
    try {
      const fresh = await readRefreshedHistory(shown, (cursor) => this.readPage(cursor, controller.signal));
      if (controller.signal.aborted) return;
      // Unreadable events of older pages still count while those pages' events are kept.
      this.olderUnreadable = fresh.kept > 0 ? this.olderUnreadable : 0;
      this.events = fresh.events;
      this.next = fresh.next;
      this.pages = fresh.pages;
      this.unreadable = fresh.unreadable + this.olderUnreadable;
      this.succeeded();
    } catch (error) {
      this.failed(controller, error, undefined);
    } finally {
      this.end(controller);
    }
  }

  /** Appends the next older page to the shown events; nothing when there is none or a request runs. */
  async loadOlder(): Promise<void> {
    if (this.next === null || this.isBusy) return;
    await this.readOlder(this.next);
  }

  /** Repeats the request that failed. */
  async retry(): Promise<void> {
    if (this.isBusy) return;
    const cursor = this.failedCursor;
    await (cursor === undefined ? this.refresh() : this.readOlder(cursor));
  }

  /** Stops the request in flight; its answer is dropped. */
  abort(): void {
    this.request?.abort();
  }

  private async readOlder(cursor: string): Promise<void> {
    const controller = this.start('older');
    try {
      const page = await this.readPage(cursor, controller.signal);
      if (controller.signal.aborted) return;
      // Cursor pages can overlap when new messages arrive between requests.
      const seen = eventIds(this.events);
      const added = page.items.filter((event) => event.id == null || !seen.has(event.id));
      this.events = [...this.events, ...added];
      this.next = page.next;
      this.pages++;
      this.olderUnreadable += page.unreadable;
      this.unreadable += page.unreadable;
      this.succeeded();
    } catch (error) {
      this.failed(controller, error, cursor);
    } finally {
      this.end(controller);
    }
  }

  private start(busy: 'newest' | 'older'): AbortController {
    // A newer request wins: a refresh makes an older page's answer moot.
    this.request?.abort();
    const controller = new AbortController();
    this.request = controller;
    this.busy = busy;
    this.error = undefined;
    this.changed();
    return controller;
  }

  private succeeded(): void {
    this.loaded = true;
    this.failedCursor = undefined;
  }

  private failed(controller: AbortController, error: unknown, cursor: string | undefined): void {
    if (controller.signal.aborted || isCancellation(error)) return;
    this.error = error;
    this.failedCursor = cursor;
  }

  private end(controller: AbortController): void {
    if (this.request !== controller) return;
    this.request = undefined;
    this.busy = false;
    this.changed();
  }
}
