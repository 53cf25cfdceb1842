// Links into the extension: `<scheme>://opencx.opencx-sessions/session/<id>` opens the session's
// panel, `…/search?q=<text>` opens Search Sessions with the text filled in, sent once the user
// presses Enter. A teammate can click one in a ticket or chat; the link is read like any other
// input (model/links/deepLinkUris.ts).
import * as vscode from 'vscode';
import { parseDeepLink } from '../model/links/deepLinkUris';
import { WAITING_LINK_MS, WaitingSessionLink } from '../model/links/waitingLink';
import { showError } from '../ui/notifications';
import { offerToken } from '../ui/tokenOffer';
import type { SessionOpener } from './sessions';

export class DeepLinkHandler implements vscode.UriHandler {
  constructor(
    private readonly opener: SessionOpener,
    private readonly signedIn: () => Promise<boolean>,
    private readonly search: (query: string) => Promise<void>,
    /** A session a link asked for while signed out: it opens if a token is set soon after. */
    private readonly waiting = new WaitingSessionLink(),
  ) {}

  async handleUri(uri: vscode.Uri): Promise<void> {
    const link = parseDeepLink(uri.path, uri.query);
    switch (link.kind) {
      case 'invalid':
        void showError(vscode.l10n.t('This open.cx link cannot be opened: {0}.', link.reason));
        return;
      case 'search':
        // The search box stays open for the user: the link is handled once it shows.
        void this.search(link.query);
        return;
      case 'session':
        if (!(await this.signedIn())) {
          const forget = this.waiting.hold(link.id);
          const minutes = WAITING_LINK_MS / 60_000;
          offerToken(vscode.l10n.t('Set an open.cx API token to open session {0}: it opens if the token is set within {1} minutes.', link.id, minutes), 'error', forget);
          return;
        }
        this.waiting.clear();
        await this.opener.showById(link.id);
    }
  }

  /** After a token change: the session a link asked for while signed out opens now, if it still waits. */
  async openWaiting(): Promise<void> {
    if (!(await this.signedIn())) return;
    const id = this.waiting.take();
    if (id !== undefined) await this.opener.showById(id);
  }
}
