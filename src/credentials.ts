// API tokens live in SecretStorage only, one per API base URL, so pointing the extension at a
// staging server picks that server's token. Keeps the `opencx.signedIn` context key current.
import * as vscode from 'vscode';
import { apiBaseUrl, affects } from './config';

const KEY_PREFIX = 'opencx.apiToken:';
const SIGNED_IN = 'opencx.signedIn';

/** One secret per server: scheme, host, port and path, without a trailing slash. */
export function secretKey(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return KEY_PREFIX + `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '').toLowerCase();
  } catch {
    return KEY_PREFIX + baseUrl.trim().toLowerCase();
  }
}

export class Credentials implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the token of the current base URL, or the base URL itself, changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private signedIn: boolean | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.disposables.push(
      // Also fires for changes made in another window.
      secrets.onDidChange((event) => {
        if (event.key === secretKey(apiBaseUrl())) void this.announce();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, 'apiBaseUrl')) void this.announce();
      }),
    );
  }

  get baseUrl(): string {
    return apiBaseUrl();
  }

  async token(): Promise<string | undefined> {
    return (await this.secrets.get(secretKey(this.baseUrl))) || undefined;
  }

  async store(token: string): Promise<void> {
    await this.secrets.store(secretKey(this.baseUrl), token);
    await this.announce();
  }

  async clear(): Promise<void> {
    await this.secrets.delete(secretKey(this.baseUrl));
    await this.announce();
  }

  /** Sets the context key from what is stored; call once at activation. */
  async refreshContext(): Promise<boolean> {
    const signedIn = (await this.token()) !== undefined;
    if (signedIn !== this.signedIn) {
      this.signedIn = signedIn;
      await vscode.commands.executeCommand('setContext', SIGNED_IN, signedIn);
    }
    return signedIn;
  }

  private async announce(): Promise<void> {
    await this.refreshContext();
    this.changed.fire();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
