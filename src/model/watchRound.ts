// One round of watching over the slices of the tree: the first pages of the watched slices read
// again and merged (slice.ts, firstPageMerge.ts), then what they brought passed on to every other
// slice that shows the same sessions, and what is new and what newly needs a human worked out.
import type { ApiError } from '../api/errors';
import type { Session } from '../api/schemas';
import { needsHuman } from './newSessions';
import type { LoadContext, Slice } from './slice';

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
  /** Every slice of the tree shown now, watched or not. */
  all: () => Slice[];
  load: (slice: Slice) => Omit<LoadContext, 'retryAutomatically'> & { background: boolean };
}

/** Reads and merges; returns the round and the slices whose rows changed (one change event each). */
export async function readFirstPages(slices: Slice[], context: RoundContext): Promise<{ round: WatchRound; changed: Set<Slice> }> {
  const known = new Map(context.all().flatMap((slice) => slice.loadedSessions().map((session) => [session.id, session] as const)));
  const failedBefore = new Set(slices.filter((slice) => slice.hasWatchError));
  const results = await Promise.all(slices.map((slice) => slice.refreshFirstPages(context.load(slice))));
  const changed = new Set<Slice>();
  const fresh = new Map<string, Session>();
  const added = new Map<string, Session>();
  let error: ApiError | undefined;
  results.forEach((result, index) => {
    const slice = slices[index]!;
    if (slice.hasWatchError !== failedBefore.has(slice)) changed.add(slice);
    if (result.kind === 'failed') error ??= result.error;
    if (result.kind !== 'merged') return;
    if (result.changed) changed.add(slice);
    for (const session of result.fresh) fresh.set(session.id, session);
    for (const session of result.added) if (!known.has(session.id)) added.set(session.id, session);
  });
  // A session read in one slice updates, or leaves, every other slice that shows it.
  for (const slice of context.all()) if (slice.applyFresh(fresh)) changed.add(slice);
  const needHuman = [...fresh.values()].filter((session) => {
    const before = known.get(session.id);
    return needsHuman(session) && (before === undefined || !needsHuman(before));
  });
  return { round: { added: [...added.values()], needHuman, error }, changed };
}
