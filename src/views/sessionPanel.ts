// One session's webview panel: the session's JSON exactly as the server sent it, and its history.
//
// The panel owns its webview and little else. The session and its history load in OpenSession
// (model/history/openSession.ts); the page is made from their state (page/sessionPage.ts) and
// reaches the webview one way (page/pageChannel.ts): the first content inside the page's HTML,
// every change after as an update that the page's script (page/pageScript.ts) puts in place once
// it has said it runs. The script keeps collapsed nodes, scroll position and focus in its webview
// state, across updates and loads.
import * as vscode from 'vscode';
import type { Session } from '../api/schemas';
import { exactJsonOf } from '../api/exactJson';
import type { PanelAccount } from '../model/accounts/panelAccount';
import { sessionLabel } from '../model/labels';
import { OpenSession, type ShownSession } from '../model/history/openSession';
import { copyToClipboard } from '../ui/clipboard';
import { plainText } from '../ui/plainText';
import { COMMANDS } from '../ui/ids';
import { createNonce } from './page/html';
import { PageChannel } from './page/pageChannel';
import { panelText } from './page/panelText';
import { pageHtml, pendingPageContent, sessionPageContent } from './page/sessionPage';
import { parseWebviewMessage, type PageAction, type PageContent, type PageUpdate } from './page/webviewMessages';
import { pageAssets } from './pageAssets';
import type { Connection } from '../services/connection';
import { needsToken, panelReader, toInlineError } from './panelErrors';
import type { SessionJsonDocuments } from './sessionJsonDocuments';
import { showError } from '../ui/notifications';

/** What a session panel's page may load and do; set again on a restored panel, whose saved options may name an old install. */
export function sessionWebviewOptions(media: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [media] };
}

/** What every session panel shares: where the extension's files are, the accounts' clients, the JSON documents, links. */
export interface PanelShared {
  extensionUri: vscode.Uri;
  connection: Connection;
  documents: SessionJsonDocuments;
  linkTo: (id: string) => string;
}

export class SessionPanel implements vscode.Disposable {
  /** The page in the webview: what it shows, and whether its script runs. */
  readonly page: PageChannel;
  private readonly openSession: OpenSession;
  private readonly subscriptions: vscode.Disposable[];
  private disposed = false;

  /**
   * Takes over `panel`, new or restored by VS Code; without `session` (a restored panel) fetches it
   * by id. It reads with `account`'s client, whichever account the window has active.
   */
  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly id: string,
    session: Session | undefined,
    private readonly account: PanelAccount,
    private readonly shared: PanelShared,
    private readonly onDispose: () => void,
  ) {
    const media = vscode.Uri.joinPath(shared.extensionUri, 'media');
    panel.webview.options = sessionWebviewOptions(media);
    // A tab icon is drawn as an image, so currentColor would be black in every theme.
    panel.iconPath = { light: vscode.Uri.joinPath(media, 'opencx-light.svg'), dark: vscode.Uri.joinPath(media, 'opencx-dark.svg') };
    this.openSession = new OpenSession(id, session, panelReader(shared.connection, account), {
      changed: () => this.show(),
      received: (received) => this.showJson(received),
    });
    if (session) this.showJson(session);
    this.openSession.open();
    this.page = new PageChannel(this.content(), {
      load: (content) => {
        const resources = { nonce: createNonce(), ...pageAssets(shared.extensionUri), lang: vscode.env.language };
        panel.webview.html = pageHtml(content, resources, id, account.id);
      },
      post: (content) => {
        const update: PageUpdate = { type: 'update', ...content };
        void panel.webview.postMessage(update);
      },
    });
    this.subscriptions = [
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      // Fires for focus changes too; a panel that leaves the screen loses its page.
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (!webviewPanel.visible) this.page.pageDropped();
      }),
    ];
  }

  /** The session shown and the history loaded, for Export; undefined until a restored panel has its session. */
  get shown(): ShownSession | undefined {
    return this.openSession.shown;
  }

  reveal(preserveFocus: boolean): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  /** Marks the history event `eventId` and brings it into view when it is among those loaded. */
  highlight(eventId: string | undefined): void {
    if (eventId === undefined || this.disposed) return;
    this.openSession.highlight(eventId);
  }

  /** Reloads what failed because the token was missing or rejected; the rest stays as it is. */
  retryIfSignedOut(): void {
    this.openSession.retryWhere(needsToken);
  }

  /** Takes a copy of the session from elsewhere (the tree) when it is newer than the one shown. */
  adopt(session: Session): void {
    // A restored panel still loading or showing why it could not load takes any copy.
    const shown = this.openSession.state.session;
    if (shown) {
      const shownAt = Date.parse(shown.updated_at ?? '');
      const offered = Date.parse(session.updated_at ?? '');
      if (!(offered > shownAt) || exactJsonOf(session).pretty === exactJsonOf(shown).pretty) return;
    }
    this.openSession.replace(session);
  }

  /** A message from the page: that its script runs, or a button pressed. */
  receive(value: unknown): void {
    const message = parseWebviewMessage(value);
    if (!message || this.disposed) return;
    if (message.type === 'ready') this.page.pageReady();
    else this.act(message.type);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.openSession.close();
    this.onDispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.panel.dispose();
  }

  private act(action: PageAction): void {
    const { session } = this.openSession.state;
    switch (action) {
      case 'copyId':
        void copyToClipboard(this.id, vscode.l10n.t('$(check) Copied session id {0}', plainText(this.id)));
        break;
      case 'copyLink':
        void copyToClipboard(this.shared.linkTo(this.id), vscode.l10n.t('$(check) Copied the link to session {0}', plainText(this.id)));
        break;
      case 'copyJson':
        if (session) void copyToClipboard(exactJsonOf(session).pretty, vscode.l10n.t('$(check) Copied the JSON of session {0}', plainText(this.id)));
        break;
      case 'refresh':
        this.openSession.refresh();
        break;
      case 'openJson':
        if (session) void this.openJson();
        break;
      case 'loadOlder':
        this.openSession.loadOlder();
        break;
      case 'retryHistory':
        this.openSession.retryHistory();
        break;
      case 'setToken':
        void this.changeAccount(COMMANDS.setToken);
        break;
      case 'switchAccount':
        void this.changeAccount(COMMANDS.switchAccount);
        break;
      case 'exportSession':
        if (session) void vscode.commands.executeCommand(COMMANDS.exportSessions, this.id);
        break;
      case 'askChat':
        void vscode.commands.executeCommand(COMMANDS.askChat, this.id);
        break;
    }
  }

  /**
   * Set API Token or Switch Account pressed in the page: once the command is done, a panel whose
   * account was signed out reads with the account then active, as the user chose from this panel.
   */
  private async changeAccount(command: string): Promise<void> {
    await vscode.commands.executeCommand(command);
    const { accounts } = this.shared.connection.credentials;
    const active = accounts.active();
    if (this.disposed || !active || !this.account.isSignedOut(accounts.list())) return;
    this.account.moveTo(active.id);
    this.openSession.refresh();
  }

  /** Shows the current state: the page's content, and the session's label as the tab's title. */
  private show(): void {
    const { session } = this.openSession.state;
    // A restored panel keeps the title VS Code saved until its session is back.
    if (session) this.panel.title = sessionLabel(session);
    this.page.show(this.content());
  }

  private content(): PageContent {
    const options = { text: panelText(), locale: vscode.env.language };
    const { session, refreshing, error, history, highlight } = this.openSession.state;
    if (!session) return pendingPageContent({ id: this.id, refreshing, error: toInlineError(error) }, options);
    return sessionPageContent(
      { session, refreshing, error: toInlineError(error), history: { ...history, error: toInlineError(history.error) }, highlight },
      options,
    );
  }

  /** The read-only JSON document of the session follows the session shown. */
  private showJson(session: Session): void {
    this.shared.documents.update(this.id, exactJsonOf(session).pretty);
  }

  private async openJson(): Promise<void> {
    try {
      const document = await vscode.workspace.openTextDocument(this.shared.documents.uriFor(this.id));
      // The .json path already selects JSON; this covers a user's files.associations pointing elsewhere.
      const json = document.languageId === 'json' ? document : await vscode.languages.setTextDocumentLanguage(document, 'json');
      await vscode.window.showTextDocument(json, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void showError(vscode.l10n.t('Could not open the JSON of session {0}: {1}', this.id, message));
    }
  }
}
