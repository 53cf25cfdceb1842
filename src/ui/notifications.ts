// Every notification of the extension goes through here, so that no message (which often quotes
// the server) can show a link or run a command when clicked.
import * as vscode from 'vscode';
import { plainText } from './plainText';

export function showError<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showErrorMessage(plainText(message), ...items);
}

export function showWarning<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(plainText(message), ...items);
}

export function showInformation<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(plainText(message), ...items);
}

/** A question that waits for an answer (a modal dialog). */
export function askModal<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(plainText(message), { modal: true }, ...items);
}
