// How a group's pages take in their first page(s) read again while watching: in place, so that
// loaded older pages, their cursors and the rows the user looks at stay. Plain data in, plain
// data out.
import type { Session } from '../../api/schemas';
import type { SessionQuery } from '../../api/sessionQuery';

/** A loaded session and the stream (query) of the group whose pages brought it. */
export interface LoadedSession {
  readonly session: Session;
  readonly stream: number;
}

/** One stream's first page as read just now. */
export interface FreshPage {
  readonly stream: number;
  readonly items: readonly Session[];
  readonly next: string | null;
}

export interface MergeOutcome {
  /** The group's sessions in display order. */
  sessions: LoadedSession[];
  /** Sessions new to the group, at the top. */
  added: Session[];
  /** Ids of sessions that left the group (changed status, channel, … or deleted). */
  removed: string[];
  /** Loaded sessions the server now sends differently. */
  updated: Session[];
  /** Ids of sessions put back behind "Load more", so that the group keeps as many as were loaded. */
  trimmed: string[];
  /** Streams that start again from their fresh page: its `next` becomes their cursor. */
  restarted: number[];
}

/**
 * The rules:
 * - a session of the fresh page that the group does not hold is new: it goes on top, in the
 *   page's order (newest first across streams, as a page load sorts them);
 * - a session it holds is updated where it stands;
 * - a held session that a stream listed before the last session its fresh page still holds, yet
 *   is not in that page, has left the group: a page is a contiguous prefix of the list, and the
 *   list's order does not put an older session ahead of a newer one, so it can only have gone;
 * - a held session further down (it may simply have moved to the second page) stays;
 * - a fresh page with a `next` that holds no loaded session at all leaves a gap of unknown size:
 *   the group restarts from the fresh pages;
 * - each stream keeps as many sessions as it had loaded (trimToLoaded): the group does not grow
 *   round after round while watching.
 * `loadedToEnd`: the streams whose loaded sessions reach the end of their list (no cursor left).
 */
export function mergeFirstPages(loaded: readonly LoadedSession[], fresh: readonly FreshPage[], loadedToEnd: ReadonlySet<number> = new Set()): MergeOutcome {
  const loadedIds = new Set(loaded.map(({ session }) => session.id));
  const freshById = new Map<string, LoadedSession>();
  for (const page of fresh) for (const session of page.items) if (!freshById.has(session.id)) freshById.set(session.id, { session, stream: page.stream });
  const freshInOrder = byRecentActivityIfMerged([...freshById.values()], fresh.length);

  const gap = fresh.some((page) => page.next !== null && !page.items.some((session) => loadedIds.has(session.id)));
  if (gap) {
    return {
      sessions: freshInOrder,
      added: freshInOrder.filter(({ session }) => !loadedIds.has(session.id)).map(({ session }) => session),
      removed: [...loadedIds].filter((id) => !freshById.has(id)),
      updated: freshInOrder.filter(({ session }) => loadedIds.has(session.id)).map(({ session }) => session),
      trimmed: [],
      restarted: fresh.map((page) => page.stream),
    };
  }

  const removed = new Set<string>();
  for (const page of fresh) {
    const ofStream = loaded.filter((entry) => entry.stream === page.stream);
    let lastKept = -1;
    ofStream.forEach(({ session }, index) => {
      if (freshById.has(session.id)) lastKept = index;
    });
    for (const { session } of ofStream.slice(0, lastKept)) if (!freshById.has(session.id)) removed.add(session.id);
  }
  const updated: Session[] = [];
  const kept = loaded
    .filter(({ session }) => !removed.has(session.id))
    .map((entry) => {
      const newer = freshById.get(entry.session.id);
      if (!newer || sameSession(newer.session, entry.session)) return entry;
      updated.push(newer.session);
      return newer;
    });
  const added = freshInOrder.filter(({ session }) => !loadedIds.has(session.id));
  const { sessions, trimmed, restarted } = trimToLoaded([...added, ...kept], loaded, fresh, loadedToEnd);
  return { sessions, added: added.map(({ session }) => session), removed: [...removed], updated, trimmed, restarted };
}

/**
 * Each stream keeps as many sessions as it had loaded; the oldest of the rest go back behind "Load
 * more". A cursor is a place in the list, counted from its top (the stand-in's are offsets): the
 * stream's cursor stood after the sessions it had loaded, and stands after as many now, so it
 * stays. A stream loaded to its end has no cursor: when it grows past its fresh page, it starts
 * again from that page, whose `next` leads on. A fresh page without a `next` is the whole list.
 */
function trimToLoaded(
  merged: LoadedSession[],
  loaded: readonly LoadedSession[],
  fresh: readonly FreshPage[],
  loadedToEnd: ReadonlySet<number>,
): Pick<MergeOutcome, 'sessions' | 'trimmed' | 'restarted'> {
  /** Streams with a cursor that grew: how many sessions each keeps. */
  const limits = new Map<number, number>();
  /** Streams loaded to their end that grew: the ids of their fresh page, all they keep. */
  const restartedPages = new Map<number, Set<string>>();
  for (const page of fresh) {
    const before = loaded.filter((entry) => entry.stream === page.stream).length;
    const after = merged.filter((entry) => entry.stream === page.stream).length;
    if (page.next === null || after <= before) continue;
    if (loadedToEnd.has(page.stream)) restartedPages.set(page.stream, new Set(page.items.map((session) => session.id)));
    else limits.set(page.stream, before);
  }
  const sessions: LoadedSession[] = [];
  const trimmed: string[] = [];
  const shown = new Map<number, number>();
  for (const entry of merged) {
    const count = shown.get(entry.stream) ?? 0;
    const onPage = restartedPages.get(entry.stream);
    const keep = onPage ? onPage.has(entry.session.id) : count < (limits.get(entry.stream) ?? Infinity);
    if (!keep) {
      trimmed.push(entry.session.id);
      continue;
    }
    sessions.push(entry);
    shown.set(entry.stream, count + 1);
  }
  return { sessions, trimmed, restarted: [...restartedPages.keys()] };
}

/** Whether a session (as the server sends it now) belongs to the list a query asks for. */
export function matchesQuery(query: SessionQuery, session: Session): boolean {
  return (
    (query.status === undefined || session.status === query.status) &&
    (query.channel === undefined || session.channel.type === query.channel) &&
    (query.handedOff === undefined || (session.handoff != null) === query.handedOff)
  );
}

/** The same as the server sent it before: every field, unknown ones included. */
export function sameSession(a: Session, b: Session): boolean {
  return JSON.stringify(a.raw) === JSON.stringify(b.raw);
}

/** Parallel streams are merged newest first, as a page load merges them. */
function byRecentActivityIfMerged(entries: LoadedSession[], streams: number): LoadedSession[] {
  if (streams < 2) return entries;
  const time = ({ session }: LoadedSession) => session.updated_at ?? session.created_at ?? '';
  return entries.sort((a, b) => time(b).localeCompare(time(a)));
}
