// open.cx accounts: a name the user chose, the server's base URL and, kept elsewhere, a key. Plain
// values and the rules for names; the stored list is read defensively, since several windows and
// versions of the extension write it.
import * as l10n from '@vscode/l10n';

export interface Account {
  readonly id: string;
  readonly name: string;
  readonly baseUrl: string;
}

/** Long enough for "open.cx · api.eu-staging.example.com"; short enough for a view's title. */
export const MAX_ACCOUNT_NAME_LENGTH = 60;

/** The name proposed for a new account: the server's host, "open.cx · api.open.cx". */
export function proposedName(baseUrl: string): string {
  let host: string;
  try {
    host = new URL(baseUrl).host;
  } catch {
    host = baseUrl.trim();
  }
  return `open.cx · ${host}`.slice(0, MAX_ACCOUNT_NAME_LENGTH);
}

/** Two names are the same account's when they differ only in case or spacing. */
export function sameAccountName(a: string, b: string): boolean {
  return normalizeAccountName(a).toLocaleLowerCase() === normalizeAccountName(b).toLocaleLowerCase();
}

/** A name as it is kept: trimmed, every run of white space one space. */
export function normalizeAccountName(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export type AccountNameCheck = { readonly ok: true; readonly name: string } | { readonly ok: false; readonly message: string };

/**
 * Whether `text` can name an account among `accounts`. `renaming` is the id of the account being
 * renamed: keeping its own name, or changing only its case, is no clash.
 */
export function checkAccountName(text: string, accounts: readonly Account[], renaming?: string): AccountNameCheck {
  const name = normalizeAccountName(text);
  if (!name) return { ok: false, message: l10n.t('Type a name for the account.') };
  if (name.length > MAX_ACCOUNT_NAME_LENGTH) {
    return { ok: false, message: l10n.t('Keep the name to {0} characters (this one has {1}).', MAX_ACCOUNT_NAME_LENGTH, name.length) };
  }
  if (/\p{Cc}/u.test(name)) return { ok: false, message: l10n.t('The name cannot hold control characters.') };
  const clash = accounts.find((account) => account.id !== renaming && sameAccountName(account.name, name));
  if (clash) return { ok: false, message: l10n.t('Another account is called {0}.', clash.name) };
  return { ok: true, name };
}

/**
 * A name no other account has: `name` itself, else `name (2)`, `name (3)`, … Accounts made without
 * asking (an upgrade) take it.
 */
export function uniqueAccountName(name: string, accounts: readonly Account[]): string {
  const base = normalizeAccountName(name).slice(0, MAX_ACCOUNT_NAME_LENGTH - 5);
  let candidate = normalizeAccountName(name).slice(0, MAX_ACCOUNT_NAME_LENGTH);
  for (let n = 2; accounts.some((account) => sameAccountName(account.name, candidate)); n++) candidate = `${base} (${n})`;
  return candidate;
}

/** The list with `account` in it: one of the same id is replaced in place, a new one added at the end. */
export function putAccount(accounts: readonly Account[], account: Account): Account[] {
  const index = accounts.findIndex((other) => other.id === account.id);
  return index < 0 ? [...accounts, account] : accounts.map((other, at) => (at === index ? account : other));
}

export function renameAccount(accounts: readonly Account[], id: string, name: string): Account[] {
  return accounts.map((account) => (account.id === id ? { ...account, name: normalizeAccountName(name) } : account));
}

export function removeAccount(accounts: readonly Account[], id: string): Account[] {
  return accounts.filter((account) => account.id !== id);
}

/** The active account: the workspace's choice while it exists, else the first. */
export function activeAccount(accounts: readonly Account[], chosenId: unknown): Account | undefined {
  return accounts.find((account) => account.id === chosenId) ?? accounts[0];
}

/**
 * Reads the stored list: anything that is not an account with a string id, a usable name and a
 * base URL is skipped, and so is a repeated id or name (the first is kept). Never throws.
 */
export function readAccounts(stored: unknown): Account[] {
  if (!Array.isArray(stored)) return [];
  const accounts: Account[] = [];
  for (const item of stored) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, name, baseUrl } = item as Record<string, unknown>;
    if (typeof id !== 'string' || !id || typeof name !== 'string' || typeof baseUrl !== 'string' || !baseUrl.trim()) continue;
    if (accounts.some((account) => account.id === id)) continue;
    const checked = checkAccountName(name, accounts);
    if (!checked.ok) continue;
    accounts.push({ id, name: checked.name, baseUrl: baseUrl.trim() });
  }
  return accounts;
}

/** The list as it is stored: plain JSON, only the fields an account has (never a key). */
export function writeAccounts(accounts: readonly Account[]): unknown[] {
  return accounts.map(({ id, name, baseUrl }) => ({ id, name, baseUrl }));
}
