// A session the active account does not have, looked for in the user's other accounts when they
// ask: one request each, in turn, under a cancellable progress notification. What no account has,
// or what some could not answer, is said.
import * as vscode from 'vscode';
import { isCancellation } from '../api/errors';
import type { Session } from '../api/schemas';
import type { Account } from '../model/accounts/accounts';
import { findInAccounts, type FoundInAccounts } from '../model/accounts/findInAccounts';
import type { Connection } from '../services/connection';
import { withAbortSignal } from '../ui/cancellation';
import { showError, withProgress } from '../ui/notifications';
import { SignedOutError, toInlineError } from './panelErrors';

/** The account among `accounts` that has session `id`, and the session; undefined when none has it (said) or on cancel. */
export async function lookInOtherAccounts(connection: Connection, id: string, accounts: readonly Account[]): Promise<FoundInAccounts<Session>['found']> {
  let result: FoundInAccounts<Session>;
  try {
    result = await withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking for open.cx session {0} in the other accounts…', id), cancellable: true },
      (_progress, cancellation) =>
        withAbortSignal(cancellation, (signal) =>
          findInAccounts(accounts, async (account) => {
            const client = await connection.accountClient(account.id);
            if (!client) throw new SignedOutError();
            return client.getSession(id, signal);
          }),
        ),
    );
  } catch (error) {
    if (!isCancellation(error)) void showError(error instanceof Error ? error.message : String(error));
    return undefined;
  }
  if (result.found) return result.found;
  const failures = result.failed.map(({ account, error }) => `${account.name}: ${toInlineError(error)?.message ?? ''}`);
  void showError(
    failures.length === 0
      ? vscode.l10n.t('None of the other open.cx accounts has a session with the ID "{0}".', id)
      : vscode.l10n.t('None of the other open.cx accounts that answered has a session with the ID "{0}". Could not ask {1}', id, failures.join('; ')),
  );
  return undefined;
}
