// One session's webview panel: the session's JSON exactly as the server sent it, and its history.
//
// The panel's state lives here and in the history model (model/sessionHistory.ts); the page is
// rendered from it (page/sessionPage.ts) on every change, one at a time (page/pageLoad.ts). The
// first page is loaded; once its script runs, a change goes to it as an update, the new title and
// body that the page's script puts in place: loading a page again took 75–130 ms more, and showed
// the history that much later. A hidden panel is loaded again when shown (retainContextWhenHidden
// is off, so VS Code drops a hidden page and shows its last HTML on reveal): its HTML is brought
// up to date as it hides. The page's script (src/webview/session.ts) keeps collapsed nodes, scroll
// position and focus in its webview state, across updates and loads.
import * as vscode from 'vscode';
import type { CurrentClient, OpenCxClient } from '../api/client';
import { isCancellation } from '../api/errors';
import type { Session } from '../api/schemas';
import { exactJsonOf } from '../api/sentJson';
import { sessionLabel } from '../model/labels';
import { SessionHistory } from '../model/sessionHistory';
import { copyToClipboard } from '../ui/clipboard';
import { plainText } from '../ui/plainText';
import { COMMANDS } from '../ui/ids';
import type { EventHighlight } from './page/historyHtml';
import type { InlineError } from './page/html';
import { panelText } from './page/panelText';
import { pageHtml, pendingPageContent, sessionPageContent } from './page/sessionPage';
import { createNonce } from './page/html';
import { PageLoad } from './page/pageLoad';
import { parseWebviewMessage, type PageContent, type PageUpdate } from './page/webviewMessages';
import { pageAssets } from './pageAssets';
import { SignedOutError, toInlineError } from './panelErrors';
import type { SessionJsonDocuments } from './sessionJsonDocuments';
import { showError } from '../ui/notifications';

/** What a session panel's page may load and do; set again on a restored panel, whose saved options may name an old install. */
export function sessionWebviewOptions(media: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
}

/** What every session panel shares: where the extension's files are, the API, the JSON documents, links. */
export interface PanelShared {
  extensionUri: vscode.Uri;
  client: CurrentClient;
  documents: SessionJsonDocuments;
  linkTo: (id: string) => string;
}

export class SessionPanel implements vscode.Disposable {
  /** Undefined until a restored panel has fetched its session. */
  private session: Session | undefined;
  private refreshing = false;
  private sessionError: InlineError | undefined;
  private readonly history: SessionHistory;
  private sessionRequest: AbortController | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The event a search hit led to; `reveal` makes the page bring it into view once per request. */
  private highlighted: EventHighlight | undefined;
  private reveals = 0;
  /** A new page is due; changes made together produce one (one update, or one load). */
  private dirty = false;
  private disposed = false;
  private readonly pageLoad = new PageLoad(() => this.render());
  private visible: boolean;
  /** The page as last given, whole, whether it went as HTML or as an update. */
  private page = '';
  /** The page showing has said its script runs, so changes can go to it as updates. */
  private pageRuns = false;

  /** Takes over `panel`, new or restored by VS Code; without `session` (a restored panel) fetches it by id. */
  private readonly extensionUri: vscode.Uri;
  private readonly media: vscode.Uri;
  private readonly client: CurrentClient;
  private readonly documents: SessionJsonDocuments;
  private readonly linkTo: (id: string) => string;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly id: string,
    session: Session | undefined,
    shared: PanelShared,
    private readonly onDispose: () => void,
  ) {
    this.extensionUri = shared.extensionUri;
    this.media = vscode.Uri.joinPath(shared.extensionUri, 'media');
    this.client = shared.client;
    this.documents = shared.documents;
    this.linkTo = shared.linkTo;
    this.session = session;
    this.history = new SessionHistory(
      async (cursor, signal) => (await this.currentClient()).listHistory(this.id, cursor, signal),
      () => this.scheduleRender(),
    );
    this.panel.webview.options = sessionWebviewOptions(this.media);
    // A tab icon is drawn as an image, so currentColor would be black in every theme.
    this.panel.iconPath = { light: vscode.Uri.joinPath(this.media, 'opencx-light.svg'), dark: vscode.Uri.joinPath(this.media, 'opencx-dark.svg') };
    this.visible = this.panel.visible;
    this.subscriptions.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      // Fires for focus changes too: only a change of visibility starts or drops a page load.
      this.panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.visible === this.visible) return;
        this.visible = webviewPanel.visible;
        if (this.visible) {
          this.pageLoad.shown();
        } else {
          // VS Code dropped the page; the HTML it loads on reveal must hold the updates.
          this.pageRuns = false;
          this.giveHtml();
          this.pageLoad.hidden();
        }
      }),
    );
    if (session) {
      this.documents.update(id, exactJsonOf(session).pretty);
      this.track(this.history.refresh());
    } else {
      this.refresh();
    }
    this.pageLoad.request(this.panel.visible);
  }

  /** The page as last given, whole; an update may have brought it to the page showing. */
  get html(): string {
    return this.page;
  }

  get iconPath(): vscode.WebviewPanel['iconPath'] {
    return this.panel.iconPath;
  }

  reveal(preserveFocus: boolean): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  /** Marks the history event `eventId` and brings it into view when it is among those loaded. */
  highlight(eventId: string | undefined): void {
    if (eventId === undefined || this.disposed) return;
    this.highlighted = { eventId, reveal: String(++this.reveals) };
    this.scheduleRender();
  }

  /** Reloads what failed because the token was missing or rejected; the rest stays as it is. */
  retryIfSignedOut(): void {
    if (this.disposed) return;
    if (this.sessionError?.canSetToken) this.refresh();
    else if (!this.history.isBusy && toInlineError(this.history.state.error)?.canSetToken) this.track(this.history.retry());
  }

  /** Takes a copy of the session from elsewhere (the tree) when it is newer than the one shown. */
  adopt(session: Session): void {
    if (!this.session) {
      // A restored panel still loading or showing why it could not load: the tree's copy is good news.
      this.sessionRequest?.abort();
      this.sessionError = undefined;
      this.setSession(session);
      if (this.history.state.error !== undefined && !this.history.isBusy) this.track(this.history.retry());
      return;
    }
    const shown = Date.parse(this.session.updated_at ?? '');
    const offered = Date.parse(session.updated_at ?? '');
    if (!(offered > shown) || exactJsonOf(session).pretty === exactJsonOf(this.session).pretty) return;
    this.setSession(session);
  }

  /** How the page's last load ended (its script said it runs, or it was given up on); for tests. */
  get lastPageLoadEnded(): PageLoad['lastLoadEnded'] {
    return this.pageLoad.lastLoadEnded;
  }

  /** Resolves once the requests in flight have finished and the page given shows their outcome; for tests. */
  async idle(): Promise<void> {
    for (;;) {
      if (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      else if (this.dirty || this.pageLoad.isWaiting) await new Promise((resolve) => setTimeout(resolve, 20));
      else return;
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.sessionRequest?.abort();
    this.history.abort();
    this.pageLoad.dispose();
    this.onDispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.panel.dispose();
  }

  /** A message from the page (a button press). */
  receive(value: unknown): void {
    const message = parseWebviewMessage(value);
    if (!message || this.disposed) return;
    const session = this.session;
    switch (message.type) {
      case 'copyId':
        void copyToClipboard(this.id, vscode.l10n.t('$(check) Copied session id {0}', plainText(this.id)));
        break;
      case 'copyLink':
        void copyToClipboard(this.linkTo(this.id), vscode.l10n.t('$(check) Copied the link to session {0}', plainText(this.id)));
        break;
      case 'copyJson':
        if (session) void copyToClipboard(exactJsonOf(session).pretty, vscode.l10n.t('$(check) Copied the JSON of session {0}', plainText(this.id)));
        break;
      case 'refresh':
        this.refresh();
        break;
      case 'openJson':
        if (session) void this.openJson();
        break;
      case 'loadOlder':
        this.track(this.history.loadOlder());
        break;
      case 'retryHistory':
        this.track(this.history.retry());
        break;
      case 'setToken':
        void vscode.commands.executeCommand(COMMANDS.setToken);
        break;
      case 'askChat':
        void vscode.commands.executeCommand(COMMANDS.askChat, this.id);
        break;
      case 'loaded': {
        this.pageRuns = this.visible;
        // VS Code loads a page again by itself too (a panel moved to another window): such a page
        // is the HTML given last, which updates may have left behind.
        const behind = this.panel.webview.html !== this.page;
        this.pageLoad.loaded();
        if (behind && this.pageRuns) this.scheduleRender();
        break;
      }
      case 'updated':
        this.pageLoad.loaded();
        break;
    }
  }

  /** Re-fetches the session and the history shown; what is shown stays until the answers arrive. */
  private refresh(): void {
    this.track(this.fetchSession());
    this.track(this.history.refresh());
  }

  private async fetchSession(): Promise<void> {
    this.sessionRequest?.abort();
    const controller = new AbortController();
    this.sessionRequest = controller;
    this.refreshing = true;
    this.scheduleRender();
    try {
      const session = await (await this.currentClient()).getSession(this.id, controller.signal);
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

  private setSession(session: Session): void {
    this.session = session;
    this.documents.update(this.id, exactJsonOf(session).pretty);
    this.scheduleRender();
  }

  private async currentClient(): Promise<OpenCxClient> {
    const client = await this.client();
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
      void showError(vscode.l10n.t('Could not open the JSON of session {0}: {1}', this.id, message));
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
      if (!this.dirty || this.disposed) return;
      this.dirty = false;
      this.pageLoad.request(this.panel.visible);
    });
  }

  /** Gives the webview the page of the current state, as an update when a page runs; only through pageLoad. */
  private render(): void {
    if (this.disposed) return;
    // A restored panel keeps the title VS Code saved until its session is back.
    if (this.session) this.panel.title = sessionLabel(this.session);
    const content = this.content();
    const resources = { nonce: createNonce(), ...pageAssets(this.extensionUri), lang: vscode.env.language };
    this.page = pageHtml(content, resources, this.id);
    // An update that found no page to answer it: the page goes in whole instead.
    if (this.pageLoad.lastLoadEnded === 'timedOut') this.pageRuns = false;
    if (!this.pageRuns || !this.visible) {
      this.giveHtml();
      return;
    }
    const update: PageUpdate = { type: 'update', ...content };
    void this.panel.webview.postMessage(update).then(
      (delivered) => this.notDelivered(delivered),
      () => this.notDelivered(false),
    );
  }

  private content(): PageContent {
    const options = { text: panelText(), locale: vscode.env.language };
    if (!this.session) return pendingPageContent({ id: this.id, refreshing: this.refreshing, error: this.sessionError }, options);
    const history = this.history.state;
    return sessionPageContent(
      {
        session: this.session,
        refreshing: this.refreshing,
        error: this.sessionError,
        history: { ...history, error: toInlineError(history.error) },
        highlight: this.highlighted,
      },
      options,
    );
  }

  /** An update that did not reach the page (it was dropped meanwhile) goes in as a page to load. */
  private notDelivered(delivered: boolean): void {
    if (delivered || this.disposed) return;
    this.pageRuns = false;
    this.giveHtml();
  }

  private giveHtml(): void {
    if (this.page && this.panel.webview.html !== this.page) this.panel.webview.html = this.page;
  }
}
