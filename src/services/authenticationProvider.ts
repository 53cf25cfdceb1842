// The open.cx accounts in VS Code's Accounts menu. Another extension reaches a session only through
// vscode.authentication.getSession, where VS Code asks the user's consent first; nothing here
// hands a key out any other way.
import * as vscode from 'vscode';
import type { Account } from '../model/accounts/accounts';
import type { AccountStore } from './accounts';

export class AccountsAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private readonly stopListening: () => void;
  /** The sessions last announced, to tell VS Code what was added, removed or changed. */
  private known = new Map<string, string>();

  constructor(
    private readonly accounts: AccountStore,
    /** Add Account…, run when the Accounts menu asks for a new session. */
    private readonly addAccount: () => Promise<Account | undefined>,
  ) {
    this.known = this.snapshot();
    this.stopListening = accounts.onDidChange(() => void this.announce());
  }

  async getSessions(_scopes: readonly string[] | undefined, options: vscode.AuthenticationProviderSessionOptions): Promise<vscode.AuthenticationSession[]> {
    const wanted = this.accounts.list().filter((account) => !options?.account || options.account.id === account.id);
    const sessions = await Promise.all(wanted.map((account) => this.sessionOf(account)));
    return sessions.filter((session): session is vscode.AuthenticationSession => session !== undefined);
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    const account = await this.addAccount();
    const session = account && (await this.sessionOf(account));
    if (!session) throw new Error(vscode.l10n.t('No open.cx account was added.'));
    return session;
  }

  async removeSession(sessionId: string): Promise<void> {
    await this.accounts.remove(sessionId);
  }

  dispose(): void {
    this.stopListening();
    this.changed.dispose();
  }

  private async sessionOf(account: Account): Promise<vscode.AuthenticationSession | undefined> {
    const key = await this.accounts.key(account.id);
    return key === undefined ? undefined : { id: account.id, accessToken: key, account: { id: account.id, label: account.name }, scopes: [] };
  }

  private snapshot(): Map<string, string> {
    return new Map(this.accounts.list().map((account) => [account.id, account.name]));
  }

  private async announce(): Promise<void> {
    const before = this.known;
    const after = (this.known = this.snapshot());
    const sessions = await this.getSessions(undefined, {});
    const named = (ids: string[]) => sessions.filter((session) => ids.includes(session.id));
    const removed = [...before.keys()].filter((id) => !after.has(id));
    this.changed.fire({
      added: named([...after.keys()].filter((id) => !before.has(id))),
      // A removed account has no key left to read: it is named by its id and last name alone.
      removed: removed.map((id) => ({ id, accessToken: '', account: { id, label: before.get(id) ?? id }, scopes: [] })),
      // A key set again, or a rename.
      changed: named([...after.keys()].filter((id) => before.has(id))),
    });
  }
}
