// Serves `opencx-session:/<id>.json`. Documents of a content provider are read-only, so the JSON
// cannot be edited by mistake or leave an "unsaved" tab behind, and they follow the panel's
// refreshes. A document reopened after its panel closed is fetched again.
import * as vscode from 'vscode';
import type { CurrentClient } from '../api/client';
import { parseSessionId } from '../api/ids';
import { exactJsonOf } from '../api/exactJson';
import { withAbortSignal } from '../ui/cancellation';
import { SESSION_JSON_SCHEME } from '../ui/ids';

export class SessionJsonDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor(private readonly client: CurrentClient) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(SESSION_JSON_SCHEME, this);
  }

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
    const name = uri.path.replace(/^\//, '').replace(/\.json$/, '');
    const known = this.texts.get(name);
    if (known !== undefined) return known;
    // A typed or linked URI: only a session id may become a request path.
    const id = parseSessionId(name);
    if (!id) throw new Error(vscode.l10n.t('"{0}" is not a session ID.', name.slice(0, 60)));
    const client = await this.client();
    if (!client) throw new Error(vscode.l10n.t('Set an open.cx API token to open sessions.'));
    return withAbortSignal(cancellation, async (signal) => exactJsonOf(await client.getSession(id, signal)).pretty);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.texts.clear();
  }
}
