// Which account a session panel reads with. A panel keeps the account it was opened from, also
// across a window reload, so that switching the window's account leaves it showing its own
// organization's session. Once that account is signed out the panel reads with none: only the
// user moves it to another.
import type { Account } from './accounts';

export class PanelAccount {
  /** `accountId` is undefined for a panel saved before it knew one, or restored while signed out. */
  constructor(private accountId: string | undefined) {}

  get id(): string | undefined {
    return this.accountId;
  }

  /**
   * The account to read with among `accounts`: the panel's own while it exists. A panel that knows
   * none takes `active`, and keeps it from then on.
   */
  resolve(accounts: readonly Account[], active: Account | undefined): Account | undefined {
    if (this.accountId === undefined) {
      this.accountId = active?.id;
      return active;
    }
    return accounts.find((account) => account.id === this.accountId);
  }

  /** Whether the panel's account is no longer among `accounts`. */
  isSignedOut(accounts: readonly Account[]): boolean {
    return this.accountId !== undefined && !accounts.some((account) => account.id === this.accountId);
  }

  /** The user chose, from the panel, to read it with account `id`. */
  moveTo(id: string): void {
    this.accountId = id;
  }
}
