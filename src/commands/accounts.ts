// Add Account… and Switch Account…: an account is made with today's key flow (the key checked with
// one request before anything is stored); the switcher lists the accounts with Rename and Sign Out.
import * as vscode from 'vscode';
import { checkBaseUrl } from '../api/baseUrl';
import { ApiError } from '../api/errors';
import { checkAccountName, proposedName, type Account } from '../model/accounts/accounts';
import { apiBaseUrl } from '../services/config';
import type { Connection } from '../services/connection';
import { plainText } from '../ui/plainText';
import { askKey, checkKey } from './token';

export async function addAccount(connection: Connection): Promise<Account | undefined> {
  const title = vscode.l10n.t('open.cx: Add Account');
  const baseUrl = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The open.cx API server of the account'),
    value: apiBaseUrl(),
    ignoreFocusOut: true,
    validateInput: (value) => baseUrlProblem(value.trim()),
  });
  if (baseUrl === undefined || baseUrlProblem(baseUrl.trim())) return undefined;
  const server = baseUrl.trim().replace(/\/+$/, '');
  const name = await askAccountName(connection, { title, value: proposedName(server) });
  if (name === undefined) return undefined;
  for (;;) {
    const key = await askKey(server, title);
    if (key === undefined) return undefined;
    const check = await checkKey(connection, server, key);
    if (check === 'refused') return undefined;
    if (check === 'accepted') {
      const account = await connection.credentials.accounts.add({ name, baseUrl: server }, key);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('open.cx: signed in to {0}', plainText(account.name)), 4000);
      return account;
    }
  }
}

function baseUrlProblem(value: string): string | undefined {
  try {
    checkBaseUrl(value);
    return undefined;
  } catch (error) {
    return error instanceof ApiError ? error.message : String(error);
  }
}

/** A name for an account: unique, not empty, not too long; `renaming` may keep its own. */
function askAccountName(connection: Connection, options: { title: string; value: string; renaming?: string }): Thenable<string | undefined> {
  const check = (value: string) => checkAccountName(value, connection.credentials.accounts.list(), options.renaming);
  return vscode.window
    .showInputBox({
      title: options.title,
      prompt: vscode.l10n.t('A name for the account, as the Sessions view and the Accounts menu show it'),
      value: options.value,
      ignoreFocusOut: true,
      validateInput: (value) => {
        const checked = check(value);
        return checked.ok ? undefined : checked.message;
      },
    })
    .then((value) => {
      const checked = value === undefined ? undefined : check(value);
      return checked?.ok ? checked.name : undefined;
    });
}

interface AccountItem extends vscode.QuickPickItem {
  account?: Account;
}

const RENAME: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('edit'), tooltip: vscode.l10n.t('Rename') };
const SIGN_OUT: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('sign-out'), tooltip: vscode.l10n.t('Sign Out') };

type Choice = { kind: 'use' | 'rename'; account: Account } | { kind: 'add' };

export async function switchAccount(connection: Connection): Promise<void> {
  const { accounts } = connection.credentials;
  const choice = await pickAccount(connection);
  if (choice?.kind === 'use') await accounts.setActive(choice.account.id);
  else if (choice?.kind === 'add') await addAccount(connection);
  else if (choice?.kind === 'rename') {
    const name = await askAccountName(connection, { title: vscode.l10n.t('Rename Account'), value: choice.account.name, renaming: choice.account.id });
    if (name !== undefined) await accounts.rename(choice.account.id, name);
  }
}

function pickAccount(connection: Connection): Promise<Choice | undefined> {
  const { accounts } = connection.credentials;
  const picker = vscode.window.createQuickPick<AccountItem>();
  picker.title = vscode.l10n.t('Switch Account');
  picker.placeholder = vscode.l10n.t('Choose the open.cx account this window shows');
  picker.matchOnDescription = true;
  const show = () => {
    const active = accounts.active();
    picker.items = [
      ...accounts.list().map((account) => ({
        label: plainText(account.name),
        description: account.id === active?.id ? vscode.l10n.t('{0} · active', account.baseUrl) : account.baseUrl,
        iconPath: new vscode.ThemeIcon(account.id === active?.id ? 'check' : 'account'),
        buttons: [RENAME, SIGN_OUT],
        account,
      })),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: vscode.l10n.t('Add Account…'), iconPath: new vscode.ThemeIcon('add') },
    ];
    const current = picker.items.find((item) => item.account?.id === active?.id);
    if (current) picker.activeItems = [current];
  };
  show();
  return new Promise((resolve) => {
    picker.onDidTriggerItemButton(async ({ item, button }) => {
      if (!item.account) return;
      if (button === RENAME) {
        resolve({ kind: 'rename', account: item.account });
        picker.hide();
      } else {
        await accounts.remove(item.account.id);
        show();
      }
    });
    picker.onDidAccept(() => {
      const item = picker.selectedItems[0];
      resolve(item?.account ? { kind: 'use', account: item.account } : item ? { kind: 'add' } : undefined);
      picker.hide();
    });
    picker.onDidHide(() => {
      resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
}
