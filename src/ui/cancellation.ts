// VS Code cancels with a CancellationToken, the API client with an AbortSignal.
import type * as vscode from 'vscode';

/**
 * Runs `work` with a signal that aborts when `token` is cancelled; the listener is removed
 * afterwards, so a long-lived token does not keep every finished request alive.
 */
export async function withAbortSignal<T>(token: vscode.CancellationToken, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const listener = token.onCancellationRequested(() => controller.abort());
  try {
    return await work(controller.signal);
  } finally {
    listener.dispose();
  }
}
