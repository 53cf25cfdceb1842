// Copying for every command and panel: the clipboard, then a short confirmation in the status bar.
import * as vscode from 'vscode';

const CONFIRMATION_MS = 4000;

export async function copyToClipboard(text: string, confirmation: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(confirmation, CONFIRMATION_MS);
}
