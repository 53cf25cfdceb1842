// The one way the extension offers to set an API token: a message with a "Set API Token" button.
import * as vscode from 'vscode';
import { COMMANDS } from './ids';
import { showError, showWarning } from './notifications';

/**
 * Shows `message` with "Set API Token"; returns once shown, without waiting for the user.
 * `dismissed` runs if the message is closed without the button.
 */
export function offerToken(message: string, severity: 'error' | 'warning' = 'error', dismissed?: () => void): void {
  const setToken = vscode.l10n.t('Set API Token');
  const shown = severity === 'error' ? showError(message, setToken) : showWarning(message, setToken);
  void shown.then((choice) => {
    if (choice === setToken) void vscode.commands.executeCommand(COMMANDS.setToken);
    else dismissed?.();
  });
}

/** Offers the token once however many tree groups report the same rejected token; reset() on a token change. */
export class OneTokenOffer {
  private offered = false;

  offer(message: string | undefined): void {
    if (this.offered) return;
    this.offered = true;
    offerToken(message ?? vscode.l10n.t('open.cx rejected the API key.'), 'warning');
  }

  reset(): void {
    this.offered = false;
  }
}
