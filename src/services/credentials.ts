// The key and server of this window's active open.cx account (services/accounts.ts keeps the
// accounts), as every request reads them; and the `opencx.signedIn` and `opencx.severalAccounts`
// context keys. Whatever follows the credentials follows the active account.
import * as vscode from 'vscode';
import { proposedName, type Account } from '../model/accounts/accounts';
import { CONTEXT_KEYS } from '../ui/ids';
import type { AccountStore } from './accounts';
import { apiBaseUrl } from './config';

/** Where a key goes: the account it was asked for, or, with none yet, a first account for a server. */
export interface KeyTarget {
  readonly accountId: string | undefined;
  readonly baseUrl: string;
}

export class Credentials implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the active account, its server or its key changed. */
  readonly onDidChange = this.changed.event;
  private readonly stopListening: () => void;
  private signedIn: boolean | undefined;
  private severalAccounts: boolean | undefined;
  /** Keys stored by an earlier release become accounts before the first read. */
  private readonly migrated: Promise<void>;
  /**
   * Each account's key by account id, read once: each read of secret storage is a round trip to
   * the window, and every page load asks for the key. Dropped whenever the accounts or a key change.
   */
  private readonly keys = new Map<string, Promise<string | undefined>>();
  /** What listeners were last told about. */
  private announced: { accountId: string | undefined; baseUrl: string; token: string | undefined } | undefined;

  constructor(readonly accounts: AccountStore) {
    this.migrated = accounts.migrate(apiBaseUrl()).catch(() => undefined);
    this.stopListening = accounts.onDidChange(() => void this.announce());
  }

  /** The active account, if there is one. */
  get account(): Account | undefined {
    return this.accounts.active();
  }

  /** The active account's name while there are several to tell apart; with one, the view names none. */
  get accountToName(): string | undefined {
    return this.accounts.list().length > 1 ? this.account?.name : undefined;
  }

  /** The active account's server; with no account, the one proposed for a new account. */
  get baseUrl(): string {
    return this.account?.baseUrl ?? apiBaseUrl();
  }

  /** Where a key set now would go. */
  target(): KeyTarget {
    const account = this.account;
    return { accountId: account?.id, baseUrl: account?.baseUrl ?? apiBaseUrl() };
  }

  /** The active account's key. */
  async token(): Promise<string | undefined> {
    return (await this.signIn())?.token;
  }

  /**
   * The active account's base URL and key, read together: reading the account again after the key
   * could pair one account's key with another account's server when the user switches in between.
   */
  async signIn(): Promise<{ baseUrl: string; token: string } | undefined> {
    await this.migrated;
    const account = this.account;
    return account && this.signInTo(account);
  }

  /** The base URL and key of `account`, active or not (a session panel keeps the account it was opened from). */
  async signInTo(account: Account): Promise<{ baseUrl: string; token: string } | undefined> {
    await this.migrated;
    let token = this.keys.get(account.id);
    if (!token) {
      const read = this.accounts.key(account.id);
      this.keys.set(account.id, read);
      // A failed read is not remembered.
      read.catch(() => this.keys.get(account.id) === read && this.keys.delete(account.id));
      token = read;
    }
    const key = await token;
    return key === undefined ? undefined : { baseUrl: account.baseUrl, token: key };
  }

  /** Stores `token` as the key of `target`'s account; with no account, a first one for its server. */
  async store(token: string, target: KeyTarget = this.target()): Promise<void> {
    this.keys.clear();
    if (target.accountId !== undefined) await this.accounts.setKey(target.accountId, token);
    else await this.accounts.add({ name: proposedName(target.baseUrl), baseUrl: target.baseUrl }, token);
    await this.announce({ always: true });
  }

  /** Signs out of the active account: its key and its entry go, and the next account becomes active. */
  async clear(): Promise<void> {
    const account = this.account;
    this.keys.clear();
    if (account) await this.accounts.remove(account.id);
    await this.announce({ always: true });
  }

  /** Whether the active account has a key, as last read; false until refreshContext() first ran. */
  get isSignedIn(): boolean {
    return this.signedIn === true;
  }

  /** Sets the context keys from what is stored; call once at activation. */
  async refreshContext(): Promise<boolean> {
    const signedIn = (await this.token()) !== undefined;
    if (signedIn !== this.signedIn) {
      this.signedIn = signedIn;
      await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.signedIn, signedIn);
    }
    const several = this.accounts.list().length > 1;
    if (several !== this.severalAccounts) {
      this.severalAccounts = several;
      await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.severalAccounts, several);
    }
    return signedIn;
  }

  /**
   * Tells listeners. The storage event that follows this window's own store() repeats news they
   * already have, so events only announce an actual change; the user's own actions always do
   * (setting the same key again is how one retries after a 401).
   */
  private async announce({ always = false } = {}): Promise<void> {
    this.keys.clear();
    const { accountId, baseUrl } = this.target();
    const token = await this.token();
    await this.refreshContext();
    const last = this.announced;
    if (!always && last !== undefined && last.accountId === accountId && last.baseUrl === baseUrl && last.token === token) return;
    this.announced = { accountId, baseUrl, token };
    this.changed.fire();
  }

  dispose(): void {
    this.stopListening();
    this.changed.dispose();
  }
}
