// API tokens live in SecretStorage only, one per API base URL, so pointing the extension at a
// staging server picks that server's token. Keeps the `opencx.signedIn` context key current.
import * as vscode from 'vscode';
import { CONTEXT_KEYS } from '../ui/ids';
import { apiBaseUrl, affects } from './config';

const KEY_PREFIX = 'opencx.apiToken:';

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
  /**
   * The token of one base URL, read once: each read of secret storage is a round trip to the
   * window, and every page load asks for the token. Dropped whenever the secret or the URL changes.
   */
  private cached: { baseUrl: string; token: Promise<string | undefined> } | undefined;
  /** What listeners were last told about. */
  private announced: { baseUrl: string; token: string | undefined } | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.disposables.push(
      // Also fires for changes made in another window, and after this window's own store().
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

  /** The token of the current base URL. */
  async token(): Promise<string | undefined> {
    return (await this.signIn())?.token;
  }

  /**
   * The base URL and its token, read together: reading the URL again after the token could pair
   * one server's token with another server's URL when the setting changes in between.
   */
  async signIn(): Promise<{ baseUrl: string; token: string } | undefined> {
    const baseUrl = this.baseUrl;
    if (this.cached?.baseUrl !== baseUrl) {
      const token = Promise.resolve(this.secrets.get(secretKey(baseUrl))).then((value) => value || undefined);
      this.cached = { baseUrl, token };
      // A failed read is not remembered.
      token.catch(() => this.cached?.token === token && (this.cached = undefined));
    }
    const token = await this.cached.token;
    return token === undefined ? undefined : { baseUrl, token };
  }

  /** Stores `token` as the key of `baseUrl`: the server it was checked against, by default the current one. */
  async store(token: string, baseUrl = this.baseUrl): Promise<void> {
    this.cached = undefined;
    await this.secrets.store(secretKey(baseUrl), token);
    await this.announce({ always: true });
  }

  async clear(): Promise<void> {
    this.cached = undefined;
    await this.secrets.delete(secretKey(this.baseUrl));
    await this.announce({ always: true });
  }

  /** Whether a token is stored, as last read; false until refreshContext() first ran. */
  get isSignedIn(): boolean {
    return this.signedIn === true;
  }

  /** Sets the context key from what is stored; call once at activation. */
  async refreshContext(): Promise<boolean> {
    const signedIn = (await this.token()) !== undefined;
    if (signedIn !== this.signedIn) {
      this.signedIn = signedIn;
      await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.signedIn, signedIn);
    }
    return signedIn;
  }

  /**
   * Tells listeners. The storage event that follows this window's own store() repeats news they
   * already have, so events only announce an actual change; the user's own actions always do
   * (setting the same token again is how one retries after a 401).
   */
  private async announce({ always = false } = {}): Promise<void> {
    this.cached = undefined;
    const baseUrl = this.baseUrl;
    const token = await this.token();
    await this.refreshContext();
    if (!always && this.announced?.baseUrl === baseUrl && this.announced.token === token) return;
    this.announced = { baseUrl, token };
    this.changed.fire();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
