// One webview panel per session: the session's JSON exactly as the server sent it, and its history.
//
// The panel's state lives here and the page is rebuilt from it (sessionHtml.ts) on every change.
// That keeps hidden panels cheap: with retainContextWhenHidden off VS Code drops a hidden page and
// shows the last HTML again on reveal, which is already up to date; media/session.js restores
// collapsed nodes, scroll position and focus from its webview state.
//
// That webview state also carries the session id, and VS Code keeps it across a window reload:
// the serializer below turns a restored panel back into a session panel by fetching the session
// again. Only the id is kept, never the session's data.
import * as vscode from 'vscode';
import type { OpenCxClient } from '../api/client';
import { ApiError, isCancellation } from '../api/errors';
import { parseSessionId } from '../api/ids';
import type { HistoryEvent, Session } from '../api/schemas';
import { copyToClipboard } from '../commands/copy';
import { goToSession } from '../commands/goToSession';
import { sessionLabel } from '../model/labels';
import { eventIds, readRefreshedHistory } from './historyRefresh';
import {
  createNonce,
  parseWebviewMessage,
  prettyJson,
  renderPendingSessionPage,
  renderSessionPage,
  type HistoryView,
  type InlineError,
  type PanelText,
} from './sessionHtml';

export const SESSION_VIEW_TYPE = 'opencx.session';
/** Read-only documents holding a session's JSON, for search and folding in a normal editor. */
export const SESSION_JSON_SCHEME = 'opencx-session';
export const OPEN_SESSION_COMMAND = 'opencx.openSession';

/** What the panels need of Connection: a client, or undefined when signed out. */
export interface ClientSource {
  client(): Promise<OpenCxClient | undefined>;
}

export class SessionPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, SessionPanel>();
  private readonly documents: SessionJsonDocuments;
  private readonly registrations: vscode.Disposable[];
  private readonly media: vscode.Uri;

  constructor(
    extensionUri: vscode.Uri,
    private readonly connection: ClientSource,
  ) {
    this.media = vscode.Uri.joinPath(extensionUri, 'media');
    this.documents = new SessionJsonDocuments(connection);
    this.registrations = [
      vscode.workspace.registerTextDocumentContentProvider(SESSION_JSON_SCHEME, this.documents),
      // Registered during activation, as VS Code requires; package.json has the matching
      // onWebviewPanel activation event so a reload activates the extension for its panels.
      vscode.window.registerWebviewPanelSerializer(SESSION_VIEW_TYPE, this),
    ];
  }

  /**
   * Opens the session's panel, or reveals it if it is already open. From the tree the focus stays
   * in the tree (as the Explorer opens files), so arrow keys keep browsing.
   */
  show(session: Session, options: { preserveFocus?: boolean } = {}): void {
    const preserveFocus = options.preserveFocus ?? false;
    const open = this.panels.get(session.id);
    if (open) {
      open.adopt(session);
      open.reveal(preserveFocus);
      return;
    }
    const placement = { viewColumn: vscode.ViewColumn.Active, preserveFocus };
    const panel = vscode.window.createWebviewPanel(SESSION_VIEW_TYPE, sessionLabel(session), placement, {
      ...webviewOptions(this.media),
      enableFindWidget: true,
      retainContextWhenHidden: false,
    });
    this.adoptPanel(panel, session.id, session);
  }

  /**
   * Called by VS Code for each session panel it restores after a reload, with the page's saved
   * webview state. The panel shows "Loading session…" at once, then the session fetched again,
   * or an error with Retry (signed out, a failed request): never a blank page.
   */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const id = restoredSessionId(state);
    // Without an id there is nothing to fetch (a page that never ran its script): closing the tab
    // beats leaving an empty one.
    if (!id) {
      panel.dispose();
      return;
    }
    // A hidden tab is restored only when first shown; by then the session may be open in another.
    const open = this.panels.get(id);
    if (open) {
      panel.dispose();
      open.reveal(false);
      return;
    }
    this.adoptPanel(panel, id, undefined);
  }

  /**
   * Fetches a session by id and opens it. Failures are reported in a notification, never thrown,
   * and the returned promise does not wait for the user to dismiss them.
   */
  async showById(id: string): Promise<void> {
    const wanted = id.trim();
    if (!wanted) return;
    const open = this.panels.get(wanted);
    if (open) {
      open.reveal(false);
      return;
    }
    let session: Session;
    try {
      // Throws for a base URL that is invalid or would send the token in clear text.
      const client = await this.connection.client();
      if (!client) {
        offerToken(vscode.l10n.t('Set an open.cx API token to open sessions.'));
        return;
      }
      session = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Opening open.cx session {0}…', wanted), cancellable: true },
        async (_progress, cancellation) => {
          const controller = new AbortController();
          const listener = cancellation.onCancellationRequested(() => controller.abort());
          try {
            return await client.getSession(wanted, controller.signal);
          } finally {
            listener.dispose();
          }
        },
      );
    } catch (error) {
      if (!isCancellation(error)) this.reportOpenFailure(wanted, error);
      return;
    }
    this.show(session);
  }

  /** The current HTML of a session's panel; for tests. */
  htmlOf(id: string): string | undefined {
    return this.panels.get(id)?.html;
  }

  /** Resolves once the panel's requests in flight have finished and it shows their outcome; for tests. */
  async idle(id: string): Promise<void> {
    await this.panels.get(id)?.idle();
  }

  /** After a token change: panels that could not load for want of a valid token load again. */
  retrySignedOut(): void {
    for (const panel of this.panels.values()) panel.retryIfSignedOut();
  }

  /** Handles `message` as if the session's page had sent it (a button press); for tests. */
  receive(id: string, message: unknown): void {
    this.panels.get(id)?.receive(message);
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
    for (const registration of this.registrations) registration.dispose();
    this.documents.dispose();
  }

  /** Makes `panel` the one panel of session `id`, new or restored; without `session` it fetches it. */
  private adoptPanel(panel: vscode.WebviewPanel, id: string, session: Session | undefined): void {
    const sessionPanel = new SessionPanel(panel, id, session, this.media, this.connection, this.documents, () => {
      this.panels.delete(id);
      this.documents.forget(id);
    });
    this.panels.set(id, sessionPanel);
  }

  private reportOpenFailure(id: string, error: unknown): void {
    if (error instanceof ApiError && error.kind === 'notFound') {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('There is no open.cx session with the ID "{0}" (or the API token cannot see it).', id),
      );
      return;
    }
    if (error instanceof ApiError && error.needsToken) {
      offerToken(error.message);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const retry = vscode.l10n.t('Retry');
    const actions = error instanceof ApiError && error.isTransient ? [retry] : [];
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not open session {0}: {1}', id, message), ...actions).then((choice) => {
      if (choice === retry) void this.showById(id);
    });
  }
}

/** What a session panel's page may load and do; set again on a restored panel, whose saved options may name an old install. */
function webviewOptions(media: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
}

/**
 * The session id media/session.js keeps in the webview state, if it is one. Kept as written: it
 * came from the server, and the registry is keyed by the server's spelling.
 */
function restoredSessionId(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const id = (state as { sessionId?: unknown }).sessionId;
  return typeof id === 'string' && parseSessionId(id) === id.toLowerCase() ? id : undefined;
}

function offerToken(message: string): void {
  const setToken = vscode.l10n.t('Set API Token');
  void vscode.window.showErrorMessage(message, setToken).then((choice) => {
    if (choice === setToken) void vscode.commands.executeCommand('opencx.setToken');
  });
}

/** `opencx.openSession`: from a tree item (one or several selected), with a session or an id; without, as Go to Session. */
export function registerSessionPanelCommands(panels: SessionPanels): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_SESSION_COMMAND, async (target?: unknown, selected?: unknown) => {
    const chosen = Array.isArray(selected) && selected.includes(target) ? selected : [target];
    const sessions = chosen.map(sessionOf).filter((session) => session !== undefined);
    if (sessions.length > 0) {
      for (const session of sessions) panels.show(session, { preserveFocus: true });
      return;
    }
    if (typeof target === 'string') return panels.showById(target);
    await goToSession(panels);
  });
}

/** A Session, or the session of a tree node (`{ type: 'session', session }`). */
function sessionOf(value: unknown): Session | undefined {
  const isSession = (candidate: unknown): candidate is Session =>
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof (candidate as Session).id === 'string' &&
    typeof (candidate as Session).raw === 'object' &&
    (candidate as Session).raw !== null;
  if (isSession(value)) return value;
  const node = value as { type?: unknown; session?: unknown } | null | undefined;
  return node?.type === 'session' && isSession(node.session) ? node.session : undefined;
}

// ---------------------------------------------------------------------------------------------

class SignedOutError extends Error {}

interface HistoryState extends HistoryView {
  events: HistoryEvent[];
  /** Cursor of the next older page; null on the last page. */
  next: string | null;
  /** Pages read to build `events`: a refresh that cannot meet the shown events reads at most this many. */
  pages: number;
  /** Unreadable events in the pages loaded with "Load older", still counted while those events are kept. */
  olderUnreadable: number;
  /** The cursor of the page whose request failed, for Retry (undefined: the refresh). */
  failedCursor: string | undefined;
}

class SessionPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  /** Undefined until a restored panel has fetched its session. */
  private session: Session | undefined;
  private refreshing = false;
  private sessionError: InlineError | undefined;
  private history: HistoryState = {
    events: [],
    next: null,
    pages: 0,
    olderUnreadable: 0,
    failedCursor: undefined,
    loaded: false,
    hasOlder: false,
    busy: false,
    unreadable: 0,
    error: undefined,
  };
  private sessionRequest: AbortController | undefined;
  private historyRequest: AbortController | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** A rebuild is due; changes made together produce one rebuild (each one reloads the page). */
  private dirty = false;
  private disposed = false;

  /** Takes over `panel`, new or restored by VS Code; without `session` (a restored panel) fetches it by id. */
  constructor(
    panel: vscode.WebviewPanel,
    private readonly id: string,
    session: Session | undefined,
    private readonly media: vscode.Uri,
    private readonly connection: ClientSource,
    private readonly documents: SessionJsonDocuments,
    private readonly onDispose: () => void,
  ) {
    this.panel = panel;
    this.session = session;
    this.panel.webview.options = webviewOptions(media);
    this.panel.iconPath = vscode.Uri.joinPath(this.media, 'opencx.svg');
    this.subscriptions.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
    );
    if (session) {
      this.documents.update(id, prettyJson(session.raw));
      this.track(this.refreshHistory());
    } else {
      this.refresh();
    }
    this.render();
  }

  get html(): string {
    return this.panel.webview.html;
  }

  reveal(preserveFocus: boolean): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  /** Reloads what failed because the token was missing or rejected; the rest stays as it is. */
  retryIfSignedOut(): void {
    if (this.disposed) return;
    if (this.sessionError?.canSetToken) this.refresh();
    else if (this.history.error?.canSetToken && !this.history.busy) this.retryHistory();
  }

  /** Takes a copy of the session from elsewhere (the tree) when it is newer than the one shown. */
  adopt(session: Session): void {
    if (!this.session) {
      // A restored panel still loading or showing why it could not load: the tree's copy is good news.
      this.sessionRequest?.abort();
      this.sessionError = undefined;
      this.setSession(session);
      if (this.history.error && !this.history.busy) this.retryHistory();
      return;
    }
    const shown = Date.parse(this.session.updated_at ?? '');
    const offered = Date.parse(session.updated_at ?? '');
    if (!(offered > shown) || prettyJson(session.raw) === prettyJson(this.session.raw)) return;
    this.setSession(session);
  }

  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    if (this.dirty) this.render();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.sessionRequest?.abort();
    this.historyRequest?.abort();
    this.onDispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.panel.dispose();
  }

  receive(value: unknown): void {
    const message = parseWebviewMessage(value);
    if (!message || this.disposed) return;
    const session = this.session;
    switch (message.type) {
      case 'copyId':
        void copyToClipboard(this.id, vscode.l10n.t('$(check) Copied session id {0}', this.id));
        break;
      case 'copyJson':
        if (session) void copyToClipboard(prettyJson(session.raw), vscode.l10n.t('$(check) Copied the JSON of session {0}', this.id));
        break;
      case 'refresh':
        this.refresh();
        break;
      case 'openJson':
        if (session) void this.openJson();
        break;
      case 'loadOlder':
        if (this.history.next && !this.history.busy) this.track(this.loadOlderHistory(this.history.next));
        break;
      case 'retryHistory':
        if (!this.history.busy) this.retryHistory();
        break;
      case 'setToken':
        void vscode.commands.executeCommand('opencx.setToken');
        break;
    }
  }

  /** Re-fetches the session and the history shown; what is shown stays until the answers arrive. */
  private refresh(): void {
    this.track(this.fetchSession());
    this.track(this.refreshHistory());
  }

  private retryHistory(): void {
    const cursor = this.history.failedCursor;
    this.track(cursor === undefined ? this.refreshHistory() : this.loadOlderHistory(cursor));
  }

  private async fetchSession(): Promise<void> {
    this.sessionRequest?.abort();
    const controller = new AbortController();
    this.sessionRequest = controller;
    this.refreshing = true;
    this.scheduleRender();
    try {
      const client = await this.client();
      const session = await client.getSession(this.id, controller.signal);
      if (controller.signal.aborted) return;
      this.sessionError = undefined;
      this.setSession(session);
    } catch (error) {
      if (controller.signal.aborted || isCancellation(error)) return;
      this.sessionError = toInlineError(error);
    } finally {
      if (this.sessionRequest === controller) {
        this.sessionRequest = undefined;
        this.refreshing = false;
        this.scheduleRender();
      }
    }
  }

  /**
   * Reads the newest history pages and folds them into what is shown (historyRefresh.ts): events
   * loaded with "Load older" stay, usually for one request. On first open nothing is shown yet and
   * this reads the newest page. A failure leaves the shown events as they are, with the error.
   */
  private async refreshHistory(): Promise<void> {
    const controller = this.startHistoryRequest('newest');
    const shown = { events: this.history.events, next: this.history.next, pages: this.history.pages };
    try {
      const client = await this.client();
      const fresh = await readRefreshedHistory(shown, (cursor) => client.listHistory(this.id, cursor, controller.signal));
      if (controller.signal.aborted) return;
      // Unreadable events of older pages still count while those pages' events are kept.
      const olderUnreadable = fresh.kept > 0 ? this.history.olderUnreadable : 0;
      this.history = {
        ...this.history,
        events: fresh.events,
        next: fresh.next,
        hasOlder: fresh.next !== null,
        pages: fresh.pages,
        olderUnreadable,
        loaded: true,
        unreadable: fresh.unreadable + olderUnreadable,
        failedCursor: undefined,
      };
    } catch (error) {
      this.historyFailed(controller, error, undefined);
    } finally {
      this.endHistoryRequest(controller);
    }
  }

  /** Appends the page at `cursor` ("Load older") to the shown events. */
  private async loadOlderHistory(cursor: string): Promise<void> {
    const controller = this.startHistoryRequest('older');
    try {
      const client = await this.client();
      const page = await client.listHistory(this.id, cursor, controller.signal);
      if (controller.signal.aborted) return;
      const kept = this.history.events;
      // Cursor pages can overlap when new messages arrive between requests.
      const seen = eventIds(kept);
      const added = page.items.filter((event) => event.id == null || !seen.has(event.id));
      this.history = {
        ...this.history,
        events: [...kept, ...added],
        next: page.next,
        hasOlder: page.next !== null,
        pages: this.history.pages + 1,
        olderUnreadable: this.history.olderUnreadable + page.unreadable,
        loaded: true,
        unreadable: this.history.unreadable + page.unreadable,
        failedCursor: undefined,
      };
    } catch (error) {
      this.historyFailed(controller, error, cursor);
    } finally {
      this.endHistoryRequest(controller);
    }
  }

  private startHistoryRequest(busy: 'newest' | 'older'): AbortController {
    // A newer request wins: a refresh makes an older page's answer moot.
    this.historyRequest?.abort();
    const controller = new AbortController();
    this.historyRequest = controller;
    this.history.busy = busy;
    this.history.error = undefined;
    this.scheduleRender();
    return controller;
  }

  private historyFailed(controller: AbortController, error: unknown, cursor: string | undefined): void {
    if (controller.signal.aborted || isCancellation(error)) return;
    this.history.error = toInlineError(error);
    this.history.failedCursor = cursor;
  }

  private endHistoryRequest(controller: AbortController): void {
    if (this.historyRequest !== controller) return;
    this.historyRequest = undefined;
    this.history.busy = false;
    this.scheduleRender();
  }

  private setSession(session: Session): void {
    this.session = session;
    this.documents.update(this.id, prettyJson(session.raw));
    this.scheduleRender();
  }

  private async client(): Promise<OpenCxClient> {
    const client = await this.connection.client();
    if (!client) throw new SignedOutError();
    return client;
  }

  private async openJson(): Promise<void> {
    try {
      const document = await vscode.workspace.openTextDocument(this.documents.uriFor(this.id));
      // The .json path already selects JSON; this covers a user's files.associations pointing elsewhere.
      const json = document.languageId === 'json' ? document : await vscode.languages.setTextDocumentLanguage(document, 'json');
      await vscode.window.showTextDocument(json, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not open the JSON of session {0}: {1}', this.id, message));
    }
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private scheduleRender(): void {
    if (this.dirty || this.disposed) return;
    this.dirty = true;
    queueMicrotask(() => {
      if (this.dirty) this.render();
    });
  }

  private render(): void {
    this.dirty = false;
    if (this.disposed) return;
    const webview = this.panel.webview;
    const resources = {
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'session.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'session.css')).toString(),
      lang: vscode.env.language,
    };
    const options = { text: panelText(), locale: vscode.env.language };
    // A restored panel keeps the title VS Code saved until its session is back.
    if (!this.session) {
      webview.html = renderPendingSessionPage({ id: this.id, refreshing: this.refreshing, error: this.sessionError }, resources, options);
      return;
    }
    this.panel.title = sessionLabel(this.session);
    webview.html = renderSessionPage(
      { session: this.session, refreshing: this.refreshing, error: this.sessionError, history: this.history },
      resources,
      options,
    );
  }
}

function toInlineError(error: unknown): InlineError {
  if (error instanceof SignedOutError) {
    return { message: vscode.l10n.t('You are signed out of open.cx. Set an API token, then retry.'), canSetToken: true };
  }
  if (error instanceof ApiError) return { message: error.message, canSetToken: error.needsToken };
  const detail = error instanceof Error ? error.message : String(error);
  return { message: vscode.l10n.t('Something went wrong: {0}', detail), canSetToken: false };
}

// ---------------------------------------------------------------------------------------------

/**
 * Serves `opencx-session:/<id>.json`. Documents of a content provider are read-only, so the JSON
 * cannot be edited by mistake or leave an "unsaved" tab behind, and they follow the panel's
 * refreshes. A document reopened after its panel closed is fetched again.
 */
class SessionJsonDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly connection: ClientSource) {}

  uriFor(id: string): vscode.Uri {
    return vscode.Uri.from({ scheme: SESSION_JSON_SCHEME, path: `/${id}.json` });
  }

  update(id: string, text: string): void {
    if (this.texts.get(id) === text) return;
    this.texts.set(id, text);
    // An editor showing this session asks for the new text; without one, nothing happens.
    this.changed.fire(this.uriFor(id));
  }

  forget(id: string): void {
    this.texts.delete(id);
  }

  async provideTextDocumentContent(uri: vscode.Uri, cancellation: vscode.CancellationToken): Promise<string> {
    const id = uri.path.replace(/^\//, '').replace(/\.json$/, '');
    const known = this.texts.get(id);
    if (known !== undefined) return known;
    const client = await this.connection.client();
    if (!client) throw new Error(vscode.l10n.t('Set an open.cx API token to open sessions.'));
    const controller = new AbortController();
    const listener = cancellation.onCancellationRequested(() => controller.abort());
    try {
      return prettyJson((await client.getSession(id, controller.signal)).raw);
    } finally {
      listener.dispose();
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}

// ---------------------------------------------------------------------------------------------

let translatedText: PanelText | undefined;

/** The page's words, translated once: every render needs them. */
function panelText(): PanelText {
  return (translatedText ??= translatePanelText());
}

function translatePanelText(): PanelText {
  const senders = new Map([
    ['contact', vscode.l10n.t('Contact')],
    ['ai', vscode.l10n.t('AI')],
    ['agent', vscode.l10n.t('Agent')],
    ['system', vscode.l10n.t('System')],
  ]);
  return {
    sessionActions: vscode.l10n.t('Session actions'),
    refresh: vscode.l10n.t('Refresh'),
    refreshing: vscode.l10n.t('Refreshing…'),
    copyId: vscode.l10n.t('Copy ID'),
    copyJson: vscode.l10n.t('Copy JSON'),
    openJson: vscode.l10n.t('Open in Editor'),
    retry: vscode.l10n.t('Retry'),
    setToken: vscode.l10n.t('Set API Token'),
    pendingTitle: vscode.l10n.t('open.cx session'),
    loadingSession: vscode.l10n.t('Loading session…'),
    json: vscode.l10n.t('JSON'),
    jsonNote: vscode.l10n.t('as the server sent it'),
    expandAll: vscode.l10n.t('Expand all'),
    collapseAll: vscode.l10n.t('Collapse all'),
    root: vscode.l10n.t('session'),
    history: vscode.l10n.t('History'),
    historyNote: vscode.l10n.t('newest first'),
    loadingHistory: vscode.l10n.t('Loading history…'),
    loadOlder: vscode.l10n.t('Load older'),
    loadingOlder: vscode.l10n.t('Loading…'),
    noHistory: vscode.l10n.t('No messages in this session.'),
    attachments: vscode.l10n.t('Attachments'),
    unknownSender: vscode.l10n.t('Unknown sender'),
    updated: (age) => vscode.l10n.t('updated {0}', age),
    entries: (count, isArray) =>
      isArray
        ? count === 1
          ? vscode.l10n.t('1 item')
          : vscode.l10n.t('{0} items', count)
        : count === 1
          ? vscode.l10n.t('1 key')
          : vscode.l10n.t('{0} keys', count),
    senderType: (type) => senders.get(type) ?? type,
    noText: (eventType) => (eventType ? vscode.l10n.t('({0} event without text)', eventType) : vscode.l10n.t('(event without text)')),
    unreadableEvents: (count) => (count === 1 ? vscode.l10n.t('1 event could not be read.') : vscode.l10n.t('{0} events could not be read.', count)),
  };
}
