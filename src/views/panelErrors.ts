// What a session panel shows for a failed request: the error as the page words it, and whether
// the page offers Set API Token with its Retry.
import * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import type { InlineError } from './page/html';

/** No client: no API token is stored for the current server. */
export class SignedOutError extends Error {}

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
