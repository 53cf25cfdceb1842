// A session open in a panel: the session as last fetched (or handed over by the tree), its history
// (sessionHistory.ts), why the session could not be fetched, and the history event to bring into
// view. Plain TypeScript: the panel passes the API client and shows the state when told of a change.
import type { OpenCxClient } from '../../api/client';
import { isCancellation } from '../../api/errors';
import type { HistoryEvent, Session } from '../../api/schemas';
import { SessionHistory, type HistoryState } from './sessionHistory';

/** What the panel reads a session with; throws when it cannot (signed out, an invalid base URL). */
export type SessionReader = () => Promise<Pick<OpenCxClient, 'getSession' | 'listHistory'>>;

/** A history event to mark; `reveal` changes each time it is asked for, and the page scrolls to it once per value. */
export interface SessionHighlight {
  readonly eventId: string;
  readonly reveal: string;
}

export interface OpenSessionState {
  /** Undefined until a restored panel has fetched its session. */
  readonly session: Session | undefined;
  /** The session is being fetched again. */
  readonly refreshing: boolean;
  /** Why the session could not be fetched (whatever the reader threw); cleared by the next answer. */
  readonly error: unknown;
  readonly history: HistoryState;
  readonly highlight: SessionHighlight | undefined;
}

/** The session shown and the history loaded, as a panel's Export takes them: nothing is fetched for it. */
export interface ShownSession {
  readonly session: Session;
  /** Undefined until a first page is loaded; then the events loaded, newest first as the server sends them. */
  readonly history: readonly HistoryEvent[] | undefined;
}

export interface OpenSessionListener {
  /** Something shown changed; changes made together are told once. */
  changed(): void;
  /** A session arrived, fetched or handed over. */
  received(session: Session): void;
}

export class OpenSession {
  private session: Session | undefined;
  private refreshing = false;
  private error: unknown;
  private request: AbortController | undefined;
  private readonly history: SessionHistory;
  private highlighted: SessionHighlight | undefined;
  private reveals = 0;
  /** A change is waiting to be told, with any made in the same turn. */
  private due = false;
  private closed = false;

  constructor(
    private readonly id: string,
    session: Session | undefined,
    private readonly reader: SessionReader,
    private readonly listener: OpenSessionListener,
  ) {
    this.session = session;
    this.history = new SessionHistory(async (cursor, signal) => (await reader()).listHistory(id, cursor, signal), () => this.notify());
  }

  get state(): OpenSessionState {
    return { session: this.session, refreshing: this.refreshing, error: this.error, history: this.history.state, highlight: this.highlighted };
  }

  /** Undefined until a restored panel has its session. */
  get shown(): ShownSession | undefined {
    if (!this.session) return undefined;
    const { loaded, events } = this.history.state;
    return { session: this.session, history: loaded ? events : undefined };
  }

  /** Starts loading: the history, and the session too when there is none yet (a restored panel). */
  open(): void {
    if (this.session) void this.history.refresh();
    else this.refresh();
  }

  /** Fetches the session and the history shown again; what is shown stays until the answers arrive. */
  refresh(): void {
    void this.fetchSession();
    void this.history.refresh();
  }

  loadOlder(): void {
    void this.history.loadOlder();
  }

  retryHistory(): void {
    void this.history.retry();
  }

  /**
   * Loads again what failed for want of a valid token (`needsToken` tells those errors); the rest
   * stays. A load already under way is that retry: one key change is told by more than one event.
   */
  retryWhere(needsToken: (error: unknown) => boolean): void {
    if (this.closed) return;
    if (needsToken(this.error)) {
      if (!this.request) this.refresh();
    } else if (!this.history.isBusy && needsToken(this.history.state.error)) this.retryHistory();
  }

  /** Shows `session`, handed over from elsewhere (the tree); the caller has checked it is newer. */
  replace(session: Session): void {
    if (this.closed) return;
    if (this.session) {
      this.take(session);
      return;
    }
    // A restored panel still loading or showing why it could not load: this is good news.
    this.request?.abort();
    this.error = undefined;
    this.take(session);
    if (this.history.state.error !== undefined && !this.history.isBusy) this.retryHistory();
  }

  /** Marks the history event `eventId` and has the page bring it into view when it is among those loaded. */
  highlight(eventId: string): void {
    this.highlighted = { eventId, reveal: String(++this.reveals) };
    this.notify();
  }

  /** Stops the requests in flight; nothing is told any more. */
  close(): void {
    this.closed = true;
    this.request?.abort();
    this.history.abort();
  }

  private async fetchSession(): Promise<void> {
    this.request?.abort();
    const controller = new AbortController();
    this.request = controller;
    this.refreshing = true;
    this.notify();
    try {
      const session = await (await this.reader()).getSession(this.id, controller.signal);
      if (controller.signal.aborted) return;
      this.error = undefined;
      this.take(session);
    } catch (error) {
      if (controller.signal.aborted || isCancellation(error)) return;
      this.error = error;
    } finally {
      if (this.request === controller) {
        this.request = undefined;
        this.refreshing = false;
        this.notify();
      }
    }
  }

  private take(session: Session): void {
    this.session = session;
    this.listener.received(session);
    this.notify();
  }

  private notify(): void {
    if (this.due || this.closed) return;
    this.due = true;
    queueMicrotask(() => {
      this.due = false;
      if (!this.closed) this.listener.changed();
    });
  }
}
