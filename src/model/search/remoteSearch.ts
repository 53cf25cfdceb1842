// The server search behind a search box: it asks after a pause in typing, only for queries long
// enough to be worth a request, aborts the request of an older query when a newer one starts, and
// never lets an older query's answer replace a newer one's. Plain TypeScript: timers are injected.
import type { SearchResult } from '../../api/searchResults';

export interface RemoteSearchState {
  /** The query the state is about: results and errors are for it only. */
  readonly query: string;
  /** A request for `query` is waiting for the pause to end or for its answer. */
  readonly busy: boolean;
  /** `query` was filled in (by a link, not typed): nothing is asked until `send`. */
  readonly unsent?: true;
  readonly result?: SearchResult;
  readonly error?: unknown;
}

export interface RemoteSearchOptions {
  search: (query: string, signal: AbortSignal) => Promise<SearchResult>;
  /** The pause in typing before a request, in ms. */
  delayMs?: number;
  /** Shorter queries are answered from what is loaded only. */
  minLength?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export const SEARCH_DELAY_MS = 300;
export const SEARCH_MIN_LENGTH = 2;

export class RemoteSearch {
  private current: RemoteSearchState = { query: '', busy: false };
  private timer: unknown;
  private request: AbortController | undefined;
  private disposed = false;
  private readonly delayMs: number;
  private readonly minLength: number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(
    private readonly options: RemoteSearchOptions,
    private readonly changed: (state: RemoteSearchState) => void,
  ) {
    this.delayMs = options.delayMs ?? SEARCH_DELAY_MS;
    this.minLength = options.minLength ?? SEARCH_MIN_LENGTH;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  get state(): RemoteSearchState {
    return this.current;
  }

  /** The text in the box changed. */
  type(text: string): void {
    const query = text.trim();
    if (this.disposed || query === this.current.query) return;
    this.cancel();
    if (query.length < this.minLength) {
      this.update({ query, busy: false });
      return;
    }
    this.update({ query, busy: true });
    this.timer = this.setTimer(() => void this.run(query), this.delayMs);
  }

  /**
   * Text put in the box for the user rather than typed: it is not searched, even after the pause,
   * until `send` or typing something else. The same text coming back as typed changes nothing.
   */
  fill(text: string): void {
    const query = text.trim();
    if (this.disposed) return;
    this.cancel();
    this.update(query.length < this.minLength ? { query, busy: false } : { query, busy: false, unsent: true });
  }

  /** Asks for `text` at once: the user pressed Enter. */
  send(text: string): void {
    const query = text.trim();
    if (this.disposed || query.length < this.minLength) return;
    this.cancel();
    this.update({ query, busy: true });
    void this.run(query);
  }

  /** Asks again for the current query at once (after an error). */
  retry(): void {
    this.send(this.current.query);
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private async run(query: string): Promise<void> {
    this.timer = undefined;
    const controller = new AbortController();
    this.request = controller;
    try {
      const result = await this.options.search(query, controller.signal);
      if (this.request === controller && !this.disposed) this.update({ query, busy: false, result });
    } catch (error) {
      if (this.request === controller && !this.disposed && !controller.signal.aborted) this.update({ query, busy: false, error });
    } finally {
      if (this.request === controller) this.request = undefined;
    }
  }

  private cancel(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    this.request?.abort();
    this.request = undefined;
  }

  private update(state: RemoteSearchState): void {
    this.current = state;
    this.changed(state);
  }
}
