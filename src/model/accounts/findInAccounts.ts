// Something one account does not have, looked for in others: one request each, in turn, until
// one has it. A "not found" sends the search on; any other failure is kept, to be told; a
// cancellation ends the search.
import { ApiError, isCancellation } from '../../api/errors';
import type { Account } from './accounts';

export interface FoundInAccounts<T> {
  /** The first account that had it, and what it answered. */
  readonly found: { readonly account: Account; readonly value: T } | undefined;
  /** The accounts that could not answer, before one did. */
  readonly failed: readonly { readonly account: Account; readonly error: unknown }[];
}

export async function findInAccounts<T>(accounts: readonly Account[], read: (account: Account) => Promise<T>): Promise<FoundInAccounts<T>> {
  const failed: { account: Account; error: unknown }[] = [];
  for (const account of accounts) {
    try {
      return { found: { account, value: await read(account) }, failed };
    } catch (error) {
      if (isCancellation(error)) throw error;
      if (!(error instanceof ApiError && error.kind === 'notFound')) failed.push({ account, error });
    }
  }
  return { found: undefined, failed };
}
