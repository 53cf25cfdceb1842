// Links into the extension: `<scheme>://opencx.opencx-sessions/session/<id>` opens the session's
// panel, `…/search?q=<text>` opens Search Sessions with the text filled in, sent once the user
// presses Enter. A teammate can click one in a ticket or chat; the link is read like any other
// input (model/links/deepLinkUris.ts).
import * as vscode from 'vscode';
import { parseDeepLink } from '../model/links/deepLinkUris';
import { showError } from '../ui/notifications';
import { offerToken } from '../ui/tokenOffer';
import type { SessionOpener } from './sessions';

export class DeepLinkHandler implements vscode.UriHandler {
  /** A session a link asked for while signed out: it opens once a token is set. */
  private waiting: string | undefined;

  constructor(
    private readonly opener: SessionOpener,
    private readonly signedIn: () => Promise<boolean>,
    private readonly search: (query: string) => Promise<void>,
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
          this.waiting = link.id;
          offerToken(vscode.l10n.t('Set an open.cx API token to open session {0}: it opens as soon as the token is set.', link.id));
          return;
        }
        this.waiting = undefined;
        await this.opener.showById(link.id);
    }
  }

  /** After a token change: the session a link asked for while signed out opens now. */
  async openWaiting(): Promise<void> {
    const id = this.waiting;
    if (id === undefined || !(await this.signedIn())) return;
    this.waiting = undefined;
    await this.opener.showById(id);
  }
}
