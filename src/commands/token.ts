// "Set API Token" and "Sign Out": the token goes to SecretStorage only after the server accepted it.
import * as vscode from 'vscode';
import { readApiKey } from '../api/apiKey';
import { ApiError } from '../api/errors';
import type { Connection } from '../services/connection';
import { withAbortSignal } from '../ui/cancellation';
import { offerToken } from '../ui/tokenOffer';
import { showError, showWarning, withProgress } from '../ui/notifications';

export async function setToken(connection: Connection): Promise<boolean> {
  const { credentials } = connection;
  const baseUrl = credentials.baseUrl;
  const token = await vscode.window.showInputBox({
    title: vscode.l10n.t('open.cx: Set API Token'),
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
  if (token === undefined || !token.trim()) return false;
  const reading = readApiKey(token);
  if (!reading.ok) {
    void showError(vscode.l10n.t('The API key was not saved. {0}', reading.problem));
    return false;
  }
  return checkAndStoreToken(connection, baseUrl, reading.key);
}

/**
 * Checks `token` with one request to `baseUrl` and stores it as that server's key. The check can
 * take a while and the box stays open on focus loss, so the setting may have changed meanwhile:
 * then nothing is stored, since the key was checked against a server that is no longer the one
 * the extension talks to.
 */
export async function checkAndStoreToken(connection: Connection, baseUrl: string, token: string): Promise<boolean> {
  const { credentials } = connection;
  try {
    const client = connection.clientFor(baseUrl, token);
    await withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the API key with {0}…', baseUrl), cancellable: true },
      // The cheapest documented call: one page of sessions.
      (_progress, cancellation) => withAbortSignal(cancellation, (signal) => client.listSessions({}, undefined, signal)),
    );
  } catch (error) {
    if (!(error instanceof ApiError) || error.kind === 'cancelled') return false;
    if (error.needsToken || error.kind === 'configuration') {
      const retry = vscode.l10n.t('Try Again');
      const choice = await showError(vscode.l10n.t('The API key was not saved. {0}', error.message), retry);
      return choice === retry ? setToken(connection) : false;
    }
    // The server could not be asked (offline, 5xx, …): the key may well be right.
    const save = vscode.l10n.t('Save Anyway');
    const choice = await showWarning(
      vscode.l10n.t('Could not check the API key: {0}', error.message),
      save,
    );
    if (choice !== save) return false;
  }
  if (credentials.baseUrl !== baseUrl) {
    offerToken(
      vscode.l10n.t(
        'The API key was not saved: it was checked with {0}, but the opencx.apiBaseUrl setting changed to {1} meanwhile. Set the key for {1} again.',
        baseUrl,
        credentials.baseUrl,
      ),
    );
    return false;
  }
  await credentials.store(token, baseUrl);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('open.cx: API key saved for {0}', baseUrl), 4000);
  return true;
}

export async function signOut(connection: Connection): Promise<void> {
  await connection.credentials.clear();
  void vscode.window.setStatusBarMessage(vscode.l10n.t('open.cx: signed out of {0}', connection.credentials.baseUrl), 4000);
}
