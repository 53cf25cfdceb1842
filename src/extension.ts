import * as vscode from 'vscode';
import { setToken, signOut } from './commands/token';
import { Connection } from './connection';
import { Credentials } from './credentials';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('open.cx', { log: true });
  const credentials = new Credentials(context.secrets);
  const connection = new Connection(credentials, log);
  context.subscriptions.push(
    log,
    credentials,
    vscode.commands.registerCommand('opencx.setToken', () => setToken(connection)),
    vscode.commands.registerCommand('opencx.signOut', () => signOut(connection)),
  );
  await adoptDevelopmentToken(context, credentials);
  await credentials.refreshContext();
}

/**
 * For local demos and tests only (never in an installed extension): a token handed over in
 * OPENCX_DEV_TOKEN goes straight to SecretStorage, so nobody pastes it by hand.
 */
async function adoptDevelopmentToken(context: vscode.ExtensionContext, credentials: Credentials): Promise<void> {
  const token = process.env.OPENCX_DEV_TOKEN;
  if (context.extensionMode === vscode.ExtensionMode.Production || !token) return;
  if ((await credentials.token()) === undefined) await credentials.store(token);
}

export function deactivate(): void {}
