// One round of watching over the leaf groups of the tree: the first pages of the watched groups
// read again and merged (groupPages.ts, firstPageMerge.ts), then what they brought passed on to
// every other group that shows the same sessions, and what is new and what newly needs a human
// worked out.
import type { ApiError } from '../../api/errors';
import type { Session } from '../../api/schemas';
import type { GroupPages, LoadContext } from '../tree/groupPages';
import { needsHuman } from './newSessions';

/** What one round of watching found. */
export interface WatchRound {
  /** Sessions new to the tree, marked and counted (newSessions.ts). */
  added: Session[];
  /** Sessions that newly need a human: new, or changed to, open and handed off. */
  needHuman: Session[];
  /** The first failure of the round, if any: watching backs off by it. */
  error?: ApiError;
}

export interface RoundContext {
  /** The pages of every leaf group of the tree shown now, watched or not. */
  all: () => GroupPages[];
  load: (pages: GroupPages) => Omit<LoadContext, 'retryAutomatically'> & { background: boolean };
}

/** Reads and merges; returns the round and the pages whose rows changed (one change event each). */
export async function readFirstPages(watched: GroupPages[], context: RoundContext): Promise<{ round: WatchRound; changed: Set<GroupPages> }> {
  const known = new Map(context.all().flatMap((pages) => pages.loadedSessions().map((session) => [session.id, session] as const)));
  const failedBefore = new Set(watched.filter((pages) => pages.hasWatchError));
  const results = await Promise.all(watched.map((pages) => pages.refreshFirstPages(context.load(pages))));
  const changed = new Set<GroupPages>();
  const fresh = new Map<string, Session>();
  const added = new Map<string, Session>();
  let error: ApiError | undefined;
  results.forEach((result, index) => {
    const pages = watched[index]!;
    if (pages.hasWatchError !== failedBefore.has(pages)) changed.add(pages);
    if (result.kind === 'failed') error ??= result.error;
    if (result.kind !== 'merged') return;
    if (result.changed) changed.add(pages);
    for (const session of result.fresh) fresh.set(session.id, session);
    for (const session of result.added) if (!known.has(session.id)) added.set(session.id, session);
  });
  // A session read in one group updates, or leaves, every other group that shows it.
  for (const pages of context.all()) if (pages.applyFresh(fresh)) changed.add(pages);
  const needHuman = [...fresh.values()].filter((session) => {
    const before = known.get(session.id);
    return needsHuman(session) && (before === undefined || !needsHuman(before));
  });
  return { round: { added: [...added.values()], needHuman, error }, changed };
}
