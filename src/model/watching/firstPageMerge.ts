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
  /**
   * More than a page of new sessions arrived in a stream: what lies between them and the loaded
   * pages is unknown, so the group starts again from the fresh pages (their `next` the cursors).
   */
  restarted: boolean;
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
 *   the group restarts from the fresh pages.
 */
export function mergeFirstPages(loaded: readonly LoadedSession[], fresh: readonly FreshPage[]): MergeOutcome {
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
      restarted: true,
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
  return { sessions: [...added, ...kept], added: added.map(({ session }) => session), removed: [...removed], updated, restarted: false };
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
