// One webview panel per session: the session's JSON exactly as the server sent it, and its history.
//
// The panel's state lives here and the page is rebuilt from it (sessionHtml.ts) on every change.
// That keeps hidden panels cheap: with retainContextWhenHidden off VS Code drops a hidden page and
// shows the last HTML again on reveal, which is already up to date; media/session.js restores
// collapsed nodes, scroll position and focus from its webview state.
import * as vscode from 'vscode';
import type { OpenCxClient } from '../api/client';
import { ApiError, isCancellation } from '../api/errors';
import type { HistoryEvent, Session } from '../api/schemas';
import { copyToClipboard } from '../commands/copy';
import { goToSession } from '../commands/goToSession';
import { sessionLabel } from '../model/labels';
import {
  createNonce,
  parseWebviewMessage,
  prettyJson,
  renderSessionPage,
  type HistoryView,
  type InlineError,
  type PanelText,
  type WebviewMessage,
} from './sessionHtml';

export const SESSION_VIEW_TYPE = 'opencx.session';
/** Read-only documents holding a session's JSON, for search and folding in a normal editor. */
export const SESSION_JSON_SCHEME = 'opencx-session';
export const OPEN_SESSION_COMMAND = 'opencx.openSession';

/** What the panels need of Connection: a client, or undefined when signed out. */
export interface ClientSource {
  client(): Promise<OpenCxClient | undefined>;
}

export class SessionPanels implements vscode.Disposable {
  private readonly panels = new Map<string, SessionPanel>();
  private readonly documents: SessionJsonDocuments;
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly connection: ClientSource,
  ) {
    this.documents = new SessionJsonDocuments(connection);
    this.registration = vscode.workspace.registerTextDocumentContentProvider(SESSION_JSON_SCHEME, this.documents);
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
    const panel = new SessionPanel(session, preserveFocus, this.extensionUri, this.connection, this.documents, () => {
      this.panels.delete(session.id);
      this.documents.forget(session.id);
    });
    this.panels.set(session.id, panel);
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

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
    this.registration.dispose();
    this.documents.dispose();
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
  /** The cursor of the page whose request failed, for Retry (undefined: the newest page). */
  failedCursor: string | undefined;
}

class SessionPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly media: vscode.Uri;
  private session: Session;
  private refreshing = false;
  private sessionError: InlineError | undefined;
  private history: HistoryState = {
    events: [],
    next: null,
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

  constructor(
    session: Session,
    preserveFocus: boolean,
    extensionUri: vscode.Uri,
    private readonly connection: ClientSource,
    private readonly documents: SessionJsonDocuments,
    private readonly onDispose: () => void,
  ) {
    this.session = session;
    this.media = vscode.Uri.joinPath(extensionUri, 'media');
    const placement = { viewColumn: vscode.ViewColumn.Active, preserveFocus };
    this.panel = vscode.window.createWebviewPanel(SESSION_VIEW_TYPE, sessionLabel(session), placement, {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [this.media],
    });
    this.panel.iconPath = vscode.Uri.joinPath(this.media, 'opencx.svg');
    this.subscriptions.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(parseWebviewMessage(message))),
    );
    this.documents.update(session.id, prettyJson(session.raw));
    this.track(this.loadHistory(undefined));
    this.render();
  }

  get html(): string {
    return this.panel.webview.html;
  }

  reveal(preserveFocus: boolean): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  /** Takes a copy of the session from elsewhere (the tree) when it is newer than the one shown. */
  adopt(session: Session): void {
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

  private onMessage(message: WebviewMessage | undefined): void {
    if (!message || this.disposed) return;
    switch (message.type) {
      case 'copyId':
        void copyToClipboard(this.session.id, vscode.l10n.t('$(check) Copied session id {0}', this.session.id));
        break;
      case 'copyJson':
        void copyToClipboard(prettyJson(this.session.raw), vscode.l10n.t('$(check) Copied the JSON of session {0}', this.session.id));
        break;
      case 'refresh':
        this.refresh();
        break;
      case 'openJson':
        void this.openJson();
        break;
      case 'loadOlder':
        if (this.history.next && !this.history.busy) this.track(this.loadHistory(this.history.next));
        break;
      case 'retryHistory':
        if (!this.history.busy) this.track(this.loadHistory(this.history.failedCursor));
        break;
      case 'setToken':
        void vscode.commands.executeCommand('opencx.setToken');
        break;
    }
  }

  /** Re-fetches the session and the newest page of its history; what is shown stays until the answers arrive. */
  private refresh(): void {
    this.track(this.fetchSession());
    this.track(this.loadHistory(undefined));
  }

  private async fetchSession(): Promise<void> {
    this.sessionRequest?.abort();
    const controller = new AbortController();
    this.sessionRequest = controller;
    this.refreshing = true;
    this.scheduleRender();
    try {
      const client = await this.client();
      const session = await client.getSession(this.session.id, controller.signal);
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

  /** The newest page (cursor undefined) replaces the transcript; an older page is appended to it. */
  private async loadHistory(cursor: string | undefined): Promise<void> {
    // A newer request wins: loading the newest page again makes an older page's answer moot.
    this.historyRequest?.abort();
    const controller = new AbortController();
    this.historyRequest = controller;
    this.history.busy = cursor === undefined ? 'newest' : 'older';
    this.history.error = undefined;
    this.scheduleRender();
    try {
      const client = await this.client();
      const page = await client.listHistory(this.session.id, cursor, controller.signal);
      if (controller.signal.aborted) return;
      const kept = cursor === undefined ? [] : this.history.events;
      // Cursor pages can overlap when new messages arrive between requests.
      const seen = new Set(kept.map((event) => event.id).filter((id) => id != null));
      const added = page.items.filter((event) => event.id == null || !seen.has(event.id));
      this.history = {
        ...this.history,
        events: [...kept, ...added],
        next: page.next,
        hasOlder: page.next !== null,
        loaded: true,
        unreadable: (cursor === undefined ? 0 : this.history.unreadable) + page.unreadable,
        failedCursor: undefined,
      };
    } catch (error) {
      if (controller.signal.aborted || isCancellation(error)) return;
      this.history.error = toInlineError(error);
      this.history.failedCursor = cursor;
    } finally {
      if (this.historyRequest === controller) {
        this.historyRequest = undefined;
        this.history.busy = false;
        this.scheduleRender();
      }
    }
  }

  private setSession(session: Session): void {
    this.session = session;
    this.documents.update(session.id, prettyJson(session.raw));
    this.scheduleRender();
  }

  private async client(): Promise<OpenCxClient> {
    const client = await this.connection.client();
    if (!client) throw new SignedOutError();
    return client;
  }

  private async openJson(): Promise<void> {
    try {
      const document = await vscode.workspace.openTextDocument(this.documents.uriFor(this.session.id));
      // The .json path already selects JSON; this covers a user's files.associations pointing elsewhere.
      const json = document.languageId === 'json' ? document : await vscode.languages.setTextDocumentLanguage(document, 'json');
      await vscode.window.showTextDocument(json, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not open the JSON of session {0}: {1}', this.session.id, message));
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
    this.panel.title = sessionLabel(this.session);
    webview.html = renderSessionPage(
      { session: this.session, refreshing: this.refreshing, error: this.sessionError, history: this.history },
      {
        cspSource: webview.cspSource,
        nonce: createNonce(),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'session.js')).toString(),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'session.css')).toString(),
        lang: vscode.env.language,
      },
      { text: panelText(), locale: vscode.env.language },
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
