// What a session panel shows for a failed request: the error as the page words it, and whether
// the page offers Set API Token (and Switch Account) with its Retry. And the panel's reader: the
// client of the account the panel was opened from, never another's.
import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import type { PanelAccount } from '../model/accounts/panelAccount';
import type { SessionReader } from '../model/history/openSession';
import type { Connection } from '../services/connection';
import type { InlineError } from './page/html';

/** No client: no API token is stored for the panel's account, or there is no account. */
export class SignedOutError extends Error {}

/** The account the panel was opened from was signed out. */
export class AccountSignedOutError extends SignedOutError {}

/** The client of the panel's account, or a SignedOutError when there is none, for the panel to show. */
export function panelReader(connection: Connection, account: PanelAccount): SessionReader {
  return async () => {
    const { credentials } = connection;
    const own = account.resolve(credentials.accounts.list(), credentials.account);
    const client = own && (await connection.accountClient(own.id));
    if (client) return client;
    throw account.isSignedOut(credentials.accounts.list()) ? new AccountSignedOutError() : new SignedOutError();
  };
}

/** Whether `error` goes away with a valid token: the page offers Set API Token for it. */
export function needsToken(error: unknown): boolean {
  return toInlineError(error)?.canSetToken ?? false;
}

/** An error as the page shows it; undefined for none. */
export function toInlineError(error: unknown): InlineError | undefined {
  if (error === undefined) return undefined;
  if (error instanceof AccountSignedOutError) {
    const message = vscode.l10n.t('The open.cx account this session was opened from is signed out. Set an API token or switch accounts to open it in another.');
    return { message, canSetToken: true, canSwitchAccount: true };
  }
  if (error instanceof SignedOutError) {
    return { message: vscode.l10n.t('You are signed out of open.cx. Set an API token, then retry.'), canSetToken: true };
  }
  if (error instanceof ApiError) return { message: error.message, canSetToken: error.needsToken };
  const detail = error instanceof Error ? error.message : String(error);
  return { message: vscode.l10n.t('Something went wrong: {0}', detail), canSetToken: false };
}
