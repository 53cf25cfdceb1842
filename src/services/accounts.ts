// The open.cx accounts as VS Code keeps them: the list (ids, names, base URLs; never keys) in the
// user's global state, shared by every window; each key in SecretStorage under its account's id;
// which account is active in the workspace's state, so each window keeps its own. The rules
// (names, reading the stored list) are in model/accounts/accounts.ts. Only VS Code's types are
// used here, so the store runs in plain Node over stand-in storage too.
import { createHash, randomUUID } from 'node:crypto';
import type * as vscode from 'vscode';
import {
  activeAccount,
  proposedName,
  putAccount,
  readAccounts,
  removeAccount,
  renameAccount,
  uniqueAccountName,
  writeAccounts,
  type Account,
} from '../model/accounts/accounts';

const LIST_KEY = 'opencx.accounts';
const ACTIVE_KEY = 'opencx.activeAccount';
const MIGRATED_KEY = 'opencx.accountsMigrated';
const ACCOUNT_KEY_PREFIX = 'opencx.accountKey:';
/** Where earlier releases kept one key per server. */
const SERVER_KEY_PREFIX = 'opencx.apiToken:';

export function accountKeySecret(id: string): string {
  return ACCOUNT_KEY_PREFIX + id;
}

/** The secret an earlier release kept a server's key under: scheme, host, port and path, lower case, no trailing slash. */
export function serverKeySecret(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return SERVER_KEY_PREFIX + `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '').toLowerCase();
  } catch {
    return SERVER_KEY_PREFIX + baseUrl.trim().toLowerCase();
  }
}

/** The same in every window, so two windows upgrading at once make one account of one stored key. */
function migratedAccountId(serverSecret: string): string {
  return 'server-' + createHash('sha256').update(serverSecret).digest('hex').slice(0, 20);
}

type Listener = () => void;

export class AccountStore {
  private readonly listeners = new Set<Listener>();
  private readonly secretsWatch: vscode.Disposable;

  constructor(
    private readonly global: vscode.Memento,
    private readonly workspace: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {
    // Also fires for keys changed in another window, and after this store's own writes.
    this.secretsWatch = secrets.onDidChange((event) => {
      if (event.key.startsWith(ACCOUNT_KEY_PREFIX)) this.fire();
    });
  }

  /** The list, the active account or a key changed. */
  onDidChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): Account[] {
    return readAccounts(this.global.get(LIST_KEY));
  }

  active(): Account | undefined {
    return activeAccount(this.list(), this.workspace.get(ACTIVE_KEY));
  }

  async key(id: string): Promise<string | undefined> {
    return (await this.secrets.get(accountKeySecret(id))) || undefined;
  }

  /** Adds an account with its key and makes it this window's active one. */
  async add(fields: Omit<Account, 'id'>, key: string): Promise<Account> {
    const account = { id: randomUUID(), ...fields };
    await this.secrets.store(accountKeySecret(account.id), key);
    // Read, changed and written with no await between: another window's account, added
    // meanwhile, is in what is read and stays.
    await this.global.update(LIST_KEY, writeAccounts(putAccount(this.list(), account)));
    await this.setActive(account.id);
    return account;
  }

  async setKey(id: string, key: string): Promise<void> {
    await this.secrets.store(accountKeySecret(id), key);
    this.fire();
  }

  async rename(id: string, name: string): Promise<void> {
    await this.global.update(LIST_KEY, writeAccounts(renameAccount(this.list(), id, name)));
    this.fire();
  }

  /** Deletes the account's key, then its entry; the next account becomes active where it was. */
  async remove(id: string): Promise<void> {
    await this.secrets.delete(accountKeySecret(id));
    const remaining = removeAccount(this.list(), id);
    await this.global.update(LIST_KEY, remaining.length > 0 ? writeAccounts(remaining) : undefined);
    if (this.workspace.get(ACTIVE_KEY) === id) await this.workspace.update(ACTIVE_KEY, remaining[0]?.id);
    this.fire();
  }

  async setActive(id: string): Promise<void> {
    await this.workspace.update(ACTIVE_KEY, id);
    this.fire();
  }

  /**
   * Makes each key an earlier release stored for a server an account, once, without asking: the
   * key is copied to its account before the old secret is deleted, and the account of
   * `currentBaseUrl` (the setting that picked the server) becomes active.
   */
  async migrate(currentBaseUrl: string): Promise<void> {
    if (this.global.get(MIGRATED_KEY) === true) return;
    const serverSecrets = (await this.secrets.keys()).filter((key) => key.startsWith(SERVER_KEY_PREFIX));
    let current: Account | undefined;
    for (const serverSecret of serverSecrets) {
      const key = await this.secrets.get(serverSecret);
      if (!key) continue;
      const id = migratedAccountId(serverSecret);
      const baseUrl = serverSecret.slice(SERVER_KEY_PREFIX.length);
      await this.secrets.store(accountKeySecret(id), key);
      const accounts = this.list();
      const account = accounts.find((other) => other.id === id) ?? { id, name: uniqueAccountName(proposedName(baseUrl), accounts), baseUrl };
      await this.global.update(LIST_KEY, writeAccounts(putAccount(this.list(), account)));
      await this.secrets.delete(serverSecret);
      if (serverSecret === serverKeySecret(currentBaseUrl)) current = account;
    }
    await this.global.update(MIGRATED_KEY, true);
    if (current && this.workspace.get(ACTIVE_KEY) === undefined) await this.workspace.update(ACTIVE_KEY, current.id);
    if (serverSecrets.length > 0) this.fire();
  }

  dispose(): void {
    this.secretsWatch.dispose();
    this.listeners.clear();
  }

  private fire(): void {
    for (const listener of this.listeners) listener();
  }
}
