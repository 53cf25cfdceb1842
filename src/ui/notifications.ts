// Every notification of the extension goes through here, progress titles included, so that no
// message (which often quotes the server) can show a link or run a command when clicked.
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

/** `vscode.window.withProgress`, its title made plain text: a progress notification draws links too. */
export function withProgress<R>(
  options: vscode.ProgressOptions,
  task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>,
): Thenable<R> {
  const title = options.title === undefined ? undefined : plainText(options.title);
  return vscode.window.withProgress({ ...options, title }, task);
}

/** A question that waits for an answer (a modal dialog). */
export function askModal<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(plainText(message), { modal: true }, ...items);
}
