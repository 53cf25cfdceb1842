// What a session panel restored after a window reload is for: the session id and the account id
// its page kept in the webview state. The state is read as unknown: it may come from an older
// version of the page, which kept no account, or from elsewhere.
import { parseSessionId } from '../../api/ids';

export interface RestoredPanel {
  /** As the page kept it: the server's spelling, by which the open panels are keyed. */
  readonly sessionId: string;
  /** Undefined when none was kept: the panel then takes the active account. */
  readonly accountId: string | undefined;
}

/** Longer than any account id; a longer one is cut, and then matches no account. */
const MAX_ACCOUNT_ID_LENGTH = 100;

export function readRestoredPanel(state: unknown): RestoredPanel | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { sessionId, accountId } = state as { sessionId?: unknown; accountId?: unknown };
  if (typeof sessionId !== 'string' || parseSessionId(sessionId) !== sessionId.toLowerCase()) return undefined;
  return { sessionId, accountId: typeof accountId === 'string' && accountId ? accountId.slice(0, MAX_ACCOUNT_ID_LENGTH) : undefined };
}
