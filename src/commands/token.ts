// "Set API Token" and "Sign Out" of the active account: a key goes to SecretStorage only after the
// server accepted it.
import * as vscode from 'vscode';
import { readApiKey } from '../api/apiKey';
import { ApiError } from '../api/errors';
import type { Connection } from '../services/connection';
import type { KeyTarget } from '../services/credentials';
import { withAbortSignal } from '../ui/cancellation';
import { offerToken } from '../ui/tokenOffer';
import { showError, showWarning, withProgress } from '../ui/notifications';
import { plainText } from '../ui/plainText';

export async function setToken(connection: Connection): Promise<boolean> {
  const target = connection.credentials.target();
  const key = await askKey(target.baseUrl, vscode.l10n.t('open.cx: Set API Token'));
  return key !== undefined && checkAndStoreToken(connection, target, key);
}

/** The key box: a password box, each character a header cannot carry named as it is typed. */
export async function askKey(baseUrl: string, title: string): Promise<string | undefined> {
  const token = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('API key for {0}. Create one in the open.cx dashboard; it is kept in VS Code secret storage.', baseUrl),
    placeHolder: vscode.l10n.t('Paste your open.cx API key'),
    password: true,
    ignoreFocusOut: true,
    // Says at once what a paste brought along (a line break, a zero-width space) rather than
    // after a request that could not be sent.
    // An empty box is not an error yet: a message there would also hold back the Enter that
    // follows a paste until the pasted value is checked.
    validateInput: (value) => {
      const reading = readApiKey(value);
      return reading.ok || !value.trim() ? undefined : reading.problem;
    },
  });
  if (token === undefined || !token.trim()) return undefined;
  const reading = readApiKey(token);
  if (!reading.ok) {
    void showError(vscode.l10n.t('The API key was not saved. {0}', reading.problem));
    return undefined;
  }
  return reading.key;
}

/**
 * Checks `token` with one request to `target`'s server and stores it as that account's key. The
 * check can take a while and the box stays open on focus loss, so the active account may have
 * changed meanwhile: then nothing is stored, since the key was meant for an account that is no
 * longer the one the window uses.
 */
export async function checkAndStoreToken(connection: Connection, target: KeyTarget, token: string): Promise<boolean> {
  const { credentials } = connection;
  const check = await checkKey(connection, target.baseUrl, token);
  if (check === 'again') return setToken(connection);
  if (check === 'refused') return false;
  const now = credentials.target();
  if (now.accountId !== target.accountId || now.baseUrl !== target.baseUrl) {
    offerToken(
      vscode.l10n.t('The API key was not saved: it was checked with {0}, but the active account changed to {1} meanwhile. Set the key again.', target.baseUrl, now.baseUrl),
    );
    return false;
  }
  await credentials.store(token, target);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('open.cx: API key saved for {0}', target.baseUrl), 4000);
  return true;
}

/**
 * One request to `baseUrl` with `token`: 'accepted', also when the server could not be asked and
 * the user saves anyway; 'again' when the server refused it and the user wants to type it again.
 */
export async function checkKey(connection: Connection, baseUrl: string, token: string): Promise<'accepted' | 'refused' | 'again'> {
  try {
    const client = connection.clientFor(baseUrl, token);
    await withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the API key with {0}…', baseUrl), cancellable: true },
      // The cheapest documented call: one page of sessions.
      (_progress, cancellation) => withAbortSignal(cancellation, (signal) => client.listSessions({}, undefined, signal)),
    );
    return 'accepted';
  } catch (error) {
    if (!(error instanceof ApiError) || error.kind === 'cancelled') return 'refused';
    if (error.needsToken || error.kind === 'configuration') {
      const retry = vscode.l10n.t('Try Again');
      const choice = await showError(vscode.l10n.t('The API key was not saved. {0}', error.message), retry);
      return choice === retry ? 'again' : 'refused';
    }
    // The server could not be asked (offline, 5xx, …): the key may well be right.
    const save = vscode.l10n.t('Save Anyway');
    const choice = await showWarning(vscode.l10n.t('Could not check the API key: {0}', error.message), save);
    return choice === save ? 'accepted' : 'refused';
  }
}

export async function signOut(connection: Connection): Promise<void> {
  const account = connection.credentials.account;
  await connection.credentials.clear();
  if (account) void vscode.window.setStatusBarMessage(vscode.l10n.t('open.cx: signed out of {0}', plainText(account.name)), 4000);
}
