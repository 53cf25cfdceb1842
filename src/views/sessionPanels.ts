// Every open session panel, one per session, and their return after a window reload.
//
// A panel's webview state carries its session id and its account id, and VS Code keeps that state
// across a reload: this turns a restored panel back into a session panel, which fetches the session
// again from its account. Only the ids are kept, never the session's data. A panel opened here
// reads from the account active when it opened (model/accounts/panelAccount.ts). Loaded on first
// use (sessionPanelsPart.ts): what the rest of the extension holds is SessionPanelsOnDemand, which
// registers the serializer at activation.
import * as vscode from 'vscode';
import { ApiError, isCancellation } from '../api/errors';
import type { Session } from '../api/schemas';
import type { Account } from '../model/accounts/accounts';
import { PanelAccount } from '../model/accounts/panelAccount';
import { readRestoredPanel } from '../model/history/restoredPanel';
import type { ShownSession } from '../model/history/openSession';
import { sessionLabel } from '../model/labels';
import type { Connection } from '../services/connection';
import { withAbortSignal } from '../ui/cancellation';
import { SESSION_VIEW_TYPE } from '../ui/ids';
import { offerToken } from '../ui/tokenOffer';
import { lookInOtherAccounts } from './lookInOtherAccounts';
import { SessionJsonDocuments } from './sessionJsonDocuments';
import { SessionPanel, sessionWebviewOptions } from './sessionPanel';
import { showError, withProgress } from '../ui/notifications';

export interface OpenOptions {
  /** Keep the focus where it is (opening from the tree). */
  preserveFocus?: boolean;
  /** An event of the history to mark and bring into view (a search hit), once it is loaded. */
  highlightEventId?: string;
  /** The account the session was read from; the window's active account when not said. */
  accountId?: string;
}

export class SessionPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly documents: SessionJsonDocuments;
  private readonly media: vscode.Uri;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly connection: Connection,
    /** The deep link to a session, for the panel's Copy Link. */
    private readonly linkTo: (id: string) => string,
    /** The open panels by session id; a caller that passes the map sees them (the integration tests, through TestApi). */
    private readonly panels = new Map<string, SessionPanel>(),
  ) {
    this.media = vscode.Uri.joinPath(extensionUri, 'media');
    this.documents = new SessionJsonDocuments(() => connection.client());
  }

  /**
   * Opens the session's panel, or reveals it if it is already open. From the tree the focus stays
   * in the tree (as the Explorer opens files), so arrow keys keep browsing.
   */
  show(session: Session, options: OpenOptions = {}): void {
    const preserveFocus = options.preserveFocus ?? false;
    const open = this.panels.get(session.id);
    if (open) {
      open.adopt(session);
      if (options.highlightEventId !== undefined) open.highlight(options.highlightEventId);
      open.reveal(preserveFocus);
      return;
    }
    const placement = { viewColumn: vscode.ViewColumn.Active, preserveFocus };
    const panel = vscode.window.createWebviewPanel(SESSION_VIEW_TYPE, sessionLabel(session), placement, {
      ...sessionWebviewOptions(this.media),
      enableFindWidget: true,
      retainContextWhenHidden: false,
    });
    const account = new PanelAccount(options.accountId ?? this.connection.credentials.account?.id);
    this.adoptPanel(panel, session.id, session, account).highlight(options.highlightEventId);
  }

  /**
   * Called by VS Code for each session panel it restores after a reload, with the page's saved
   * webview state. The panel shows "Loading session…" at once, then the session fetched again,
   * or an error with Retry (signed out, a failed request): never a blank page.
   */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restored = readRestoredPanel(state);
    // Without an id there is nothing to fetch (a page that never ran its script): closing the tab
    // beats leaving an empty one.
    if (!restored) {
      panel.dispose();
      return;
    }
    const id = restored.sessionId;
    // A hidden tab is restored only when first shown; by then the session may be open in another.
    const open = this.panels.get(id);
    if (open) {
      panel.dispose();
      open.reveal(false);
      return;
    }
    // A page saved before panels kept their account reads from the active one.
    this.adoptPanel(panel, id, undefined, new PanelAccount(restored.accountId ?? this.connection.credentials.account?.id));
  }

  /**
   * Fetches a session by id from the active account and opens it. Failures are reported in a
   * notification, never thrown, and the returned promise does not wait for the user to dismiss them.
   */
  async showById(id: string, options: Pick<OpenOptions, 'highlightEventId'> = {}): Promise<void> {
    const wanted = id.trim();
    if (!wanted) return;
    const open = this.panels.get(wanted);
    if (open) {
      open.highlight(options.highlightEventId);
      open.reveal(false);
      return;
    }
    // Read together: a switch while the request is out does not change where the panel reads from.
    const account = this.connection.credentials.account;
    let session: Session;
    try {
      // Throws for a base URL that is invalid or would send the token in clear text.
      const client = account && (await this.connection.accountClient(account.id));
      if (!account || !client) {
        offerToken(vscode.l10n.t('Set an open.cx API token to open sessions.'));
        return;
      }
      session = await withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Opening open.cx session {0}…', wanted), cancellable: true },
        (_progress, cancellation) => withAbortSignal(cancellation, (signal) => client.getSession(wanted, signal)),
      );
    } catch (error) {
      if (!isCancellation(error)) this.reportOpenFailure(wanted, account, error, options);
      return;
    }
    this.show(session, { ...options, accountId: account.id });
  }

  /** What the open panel of session `id` shows, for its Export. */
  shownSession(id: string): ShownSession | undefined {
    return this.panels.get(id)?.shown;
  }

  /** After a token change: panels that could not load for want of a valid token load again. */
  retrySignedOut(): void {
    for (const panel of this.panels.values()) panel.retryIfSignedOut();
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
    this.documents.dispose();
  }

  /** Makes `panel` the one panel of session `id`, new or restored; without `session` it fetches it from `account`. */
  private adoptPanel(panel: vscode.WebviewPanel, id: string, session: Session | undefined, account: PanelAccount): SessionPanel {
    const shared = { extensionUri: this.extensionUri, connection: this.connection, documents: this.documents, linkTo: this.linkTo };
    const sessionPanel = new SessionPanel(panel, id, session, account, shared, () => {
      this.panels.delete(id);
      this.documents.forget(id);
    });
    this.panels.set(id, sessionPanel);
    return sessionPanel;
  }

  private reportOpenFailure(id: string, account: Account | undefined, error: unknown, options: Pick<OpenOptions, 'highlightEventId'>): void {
    if (error instanceof ApiError && error.kind === 'notFound') {
      const others = this.connection.credentials.accounts.list().filter((other) => other.id !== account?.id);
      const look = vscode.l10n.t('Look in Other Accounts');
      void showError(
        vscode.l10n.t('There is no open.cx session with the ID "{0}" (or the API token cannot see it).', id),
        ...(others.length > 0 ? [look] : []),
      ).then(async (choice) => {
        if (choice !== look) return;
        const found = await lookInOtherAccounts(this.connection, id, others);
        if (found) this.show(found.value, { ...options, accountId: found.account.id });
      });
      return;
    }
    if (error instanceof ApiError && error.needsToken) {
      offerToken(error.message);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const retry = vscode.l10n.t('Retry');
    const actions = error instanceof ApiError && error.isTransient ? [retry] : [];
    void showError(vscode.l10n.t('Could not open session {0}: {1}', id, message), ...actions).then((choice) => {
      if (choice === retry) void this.showById(id);
    });
  }
}
