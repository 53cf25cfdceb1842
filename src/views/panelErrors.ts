// What a session panel shows for a failed request: the error as the page words it, and whether
// the page offers Set API Token with its Retry.
import * as vscode from 'vscode';
import type { CurrentClient } from '../api/client';
import { ApiError } from '../api/errors';
import type { SessionReader } from '../model/history/openSession';
import type { InlineError } from './page/html';

/** No client: no API token is stored for the current server. */
export class SignedOutError extends Error {}

/** The current client, or a SignedOutError when there is none, for the panel to show. */
export function signedInClient(client: CurrentClient): SessionReader {
  return async () => {
    const current = await client();
    if (!current) throw new SignedOutError();
    return current;
  };
}

/** Whether `error` goes away with a valid token: the page offers Set API Token for it. */
export function needsToken(error: unknown): boolean {
  return toInlineError(error)?.canSetToken ?? false;
}

/** An error as the page shows it; undefined for none. */
export function toInlineError(error: unknown): InlineError | undefined {
  if (error === undefined) return undefined;
  if (error instanceof SignedOutError) {
    return { message: vscode.l10n.t('You are signed out of open.cx. Set an API token, then retry.'), canSetToken: true };
  }
  if (error instanceof ApiError) return { message: error.message, canSetToken: error.needsToken };
  const detail = error instanceof Error ? error.message : String(error);
  return { message: vscode.l10n.t('Something went wrong: {0}', detail), canSetToken: false };
}
