// An export's walk: the sessions of a group's queries page after page to the end (or the sessions
// already loaded), each with its history when asked, handed on one at a time as they arrive so
// that nothing holds them all. Every request waits its turn (requestsInTurn.ts).
import type { RequestMode } from '../../api/client';
import type { HistoryEvent, Page, Session } from '../../api/schemas';
import type { SessionQuery } from '../../api/sessionQuery';
import { ApiError } from '../../api/errors';
import type { ShownSession } from '../history/openSession';
import { followPage, newStream } from '../tree/pageStreams';
import type { Scheduler } from '../watching/scheduler';
import { cancelled, inTurn, type TurnOptions } from './requestsInTurn';

/** What the walk asks of the API client. */
export interface ExportClient {
  listSessions(query: SessionQuery, cursor?: string, signal?: AbortSignal, mode?: RequestMode): Promise<Page<Session>>;
  listHistory(id: string, cursor?: string, signal?: AbortSignal, mode?: RequestMode): Promise<Page<HistoryEvent>>;
}

/** The sessions of these queries, every page; or these sessions, as loaded; or the session a panel shows, with the history it loaded. */
export type ExportSource = { queries: readonly SessionQuery[] } | { sessions: readonly Session[] } | { shown: ShownSession };

export interface ExportProgress {
  /** Sessions handed on so far. */
  exported: number;
  /** Set while the walk waits: for the request budget or the server's rate limit, or after a failure. */
  waiting?: { ms: number; rateLimited: boolean };
}

export interface WalkOptions {
  client: ExportClient;
  withHistory: boolean;
  signal: AbortSignal;
  scheduler: Scheduler;
  onProgress: (progress: ExportProgress) => void;
  /** The wait before a failed request is sent again. */
  failureWaitMs?: number;
  /**
   * Asked once, when `count` sessions are exported and another follows: whether to go on (a walk
   * to the end of a large group takes long within the rate limit). No: the walk is cancelled.
   */
  confirmBeyond?: { count: number; ask: () => Promise<boolean> };
}

const BACKGROUND: RequestMode = { background: true };

/**
 * Hands each session (and its history when asked) to `take`, in the order the pages give them, a
 * session on two pages once. Resolves with how many; rejects with an ApiError when a request
 * fails for good or the walk is cancelled (kind `cancelled`).
 */
export async function walkSessions(
  source: ExportSource,
  options: WalkOptions,
  take: (session: Session, history?: readonly HistoryEvent[]) => Promise<void>,
): Promise<number> {
  let exported = 0;
  const turn: TurnOptions = {
    signal: options.signal,
    scheduler: options.scheduler,
    failureWaitMs: options.failureWaitMs ?? 5_000,
    onWait: (ms, rateLimited) => options.onProgress({ exported, waiting: { ms, rateLimited } }),
  };
  const hand = async (session: Session) => {
    const confirm = options.confirmBeyond;
    if (confirm && exported === confirm.count && !(await confirm.ask())) throw cancelled();
    const history = options.withHistory ? await historyOf(session.id, options.client, turn) : undefined;
    if (options.signal.aborted) throw cancelled();
    await take(session, history);
    options.onProgress({ exported: ++exported });
  };
  if ('shown' in source) {
    // The panel's history as loaded: what it shows, without a request.
    await take(source.shown.session, options.withHistory ? source.shown.history : undefined);
    options.onProgress({ exported: ++exported });
    return exported;
  }
  if ('sessions' in source) {
    for (const session of source.sessions) await hand(session);
    return exported;
  }
  // Sessions move between pages while the walk goes (new ones push the list down): each goes once.
  const seen = new Set<string>();
  for (const query of source.queries) {
    const stream = newStream(query);
    while (!stream.done) {
      const page = await inTurn(() => options.client.listSessions(query, stream.cursor, options.signal, BACKGROUND), turn);
      if (!followPage(stream, page, (id) => seen.has(id))) throw stream.error ?? new ApiError('invalidResponse', 'open.cx sent a page that cannot be followed.');
      for (const session of page.items) {
        if (seen.has(session.id)) continue;
        seen.add(session.id);
        await hand(session);
      }
    }
  }
  return exported;
}

/** Every page of a session's history, oldest page first as the server sends them. */
async function historyOf(id: string, client: ExportClient, turn: TurnOptions): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  const followed = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await inTurn(() => client.listHistory(id, cursor, turn.signal, BACKGROUND), turn);
    events.push(...page.items);
    if (page.next !== null && followed.has(page.next)) {
      throw new ApiError('invalidResponse', 'open.cx sent a history page cursor it had sent before, so the history would repeat without end. The export stopped here.');
    }
    cursor = page.next ?? undefined;
    if (cursor) followed.add(cursor);
  } while (cursor);
  return events;
}
