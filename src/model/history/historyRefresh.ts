// How a session panel's Refresh folds a fresh read of the newest history pages into what it shows,
// so that pages loaded with "Load older" survive. Plain TypeScript, no VS Code: tested in Node.
//
// History pages run newest first behind opaque cursors, so older pages cannot be re-read by
// position, and reading every loaded page again would cost one request per page. Refresh therefore
// reads from the newest page down only until it meets an event already shown (one request unless
// more than a page of events arrived), keeps the shown events below that point, and keeps the
// cursor that continues below them.
import type { HistoryEvent, Page } from '../../api/schemas';

/** An event's id as the server sent it (a string or a number). */
export type EventId = NonNullable<HistoryEvent['id']>;

export interface ShownHistory {
  /** Newest first. */
  events: readonly HistoryEvent[];
  /** Cursor of the next older page; null when `events` reach the first event of the session. */
  next: string | null;
  /** How many pages were read to show `events`. */
  pages: number;
}

export interface RefreshedHistory {
  events: HistoryEvent[];
  next: string | null;
  /** Pages `events` stand for: those read now, or as many as before when older events were kept. */
  pages: number;
  /** How many of the shown events were kept below the fresh ones. */
  kept: number;
  /** Events the fresh pages held that could not be read. */
  unreadable: number;
}

/** Event ids of `events`; events without an id cannot be matched and are left out. */
export function eventIds(events: readonly HistoryEvent[]): Set<EventId> {
  const ids = new Set<EventId>();
  for (const event of events) if (event.id != null) ids.add(event.id);
  return ids;
}

/**
 * Reads the newest pages through `readPage` until one meets a shown event, the history ends, or as
 * many pages as are shown were read (past that the fresh pages alone show as much), then merges.
 * Errors from `readPage` propagate: the caller keeps showing what it showed.
 */
export async function readRefreshedHistory(
  shown: ShownHistory,
  readPage: (cursor: string | undefined) => Promise<Page<HistoryEvent>>,
): Promise<RefreshedHistory> {
  const shownIds = eventIds(shown.events);
  const fresh: HistoryEvent[] = [];
  const freshIds = new Set<EventId>();
  let unreadable = 0;
  let next: string | null = null;
  let pages = 0;
  let met = false;
  do {
    const page = await readPage(next ?? undefined);
    pages++;
    unreadable += page.unreadable;
    next = page.next;
    for (const event of page.items) {
      // Cursor pages can overlap when new messages arrive between requests.
      if (event.id != null && freshIds.has(event.id)) continue;
      if (event.id != null) {
        freshIds.add(event.id);
        if (shownIds.has(event.id)) met = true;
      }
      fresh.push(event);
    }
  } while (!met && next !== null && pages < Math.max(1, shown.pages));
  const merged = mergeRefreshedHistory(shown, { events: fresh, next });
  return { ...merged, pages: merged.kept > 0 ? Math.max(shown.pages, pages) : pages, unreadable };
}

/**
 * The history to show after a refresh: the fresh pages, then the shown events older than the
 * oldest shown event the fresh pages still contain, with the cursor below those.
 * Shown events newer than that point but missing from the fresh pages were deleted and go.
 * When the fresh pages do not reach any shown event (more new events arrived than were read),
 * keeping the older ones would leave a silent gap, so only the fresh pages are shown.
 */
export function mergeRefreshedHistory(
  shown: Pick<ShownHistory, 'events' | 'next'>,
  fresh: { events: readonly HistoryEvent[]; next: string | null },
): { events: HistoryEvent[]; next: string | null; kept: number } {
  // The fresh pages hold the whole history: nothing older exists to keep.
  if (fresh.next === null) return { events: [...fresh.events], next: null, kept: 0 };
  const freshIds = eventIds(fresh.events);
  let lastMatch = -1;
  shown.events.forEach((event, index) => {
    if (event.id != null && freshIds.has(event.id)) lastMatch = index;
  });
  const older = lastMatch < 0 ? [] : shown.events.slice(lastMatch + 1).filter((event) => event.id == null || !freshIds.has(event.id));
  if (older.length === 0) return { events: [...fresh.events], next: fresh.next, kept: 0 };
  return { events: [...fresh.events, ...older], next: shown.next, kept: older.length };
}
