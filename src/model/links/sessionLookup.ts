// What the hover over a session id shows: one request when an id is first asked for, the answer
// kept and fetched again once it is older than the freshness limit. A "no such session" is kept
// too, so hovering an id of another organization asks once. Requests for the same id share one
// answer. The answers of the MAX_LOOKUPS ids last asked for are kept, so that a window hovering
// ids for days holds no more. Plain TypeScript: the fetch and the clock are passed in.
import { ApiError } from '../../api/errors';
import type { Session } from '../../api/schemas';

export type Lookup =
  | { readonly kind: 'found'; readonly session: Session }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'failed'; readonly error: unknown };

interface Entry {
  lookup?: Lookup;
  at: number;
  pending?: Promise<Lookup>;
}

export const LOOKUP_FRESH_MS = 60_000;
export const MAX_LOOKUPS = 256;

export class SessionLookupCache {
  /** Least recently asked for first. */
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly fetch: (id: string, signal: AbortSignal) => Promise<Session>,
    private readonly now: () => number = Date.now,
    private readonly freshMs = LOOKUP_FRESH_MS,
  ) {}

  /** The answer for `id` if one is known and fresh; no request. */
  known(id: string): Lookup | undefined {
    const entry = this.entries.get(id);
    if (!entry?.lookup || this.now() - entry.at >= this.freshMs) return undefined;
    this.keep(id, entry);
    return entry.lookup;
  }

  /**
   * The answer for `id`: the known one while fresh, else one request, which `signal` aborts (the
   * hover went away). A failure other than "not found", an abort included, is not kept: the next
   * hover asks again. Callers asking while a request runs share it.
   */
  lookUp(id: string, signal?: AbortSignal): Promise<Lookup> {
    const fresh = this.known(id);
    if (fresh) return Promise.resolve(fresh);
    const entry = this.entries.get(id) ?? { at: 0 };
    if (entry.pending) return entry.pending;
    entry.pending = this.fetch(id, signal ?? new AbortController().signal).then(
      (session): Lookup => ({ kind: 'found', session }),
      (error: unknown): Lookup => (error instanceof ApiError && error.kind === 'notFound' ? { kind: 'notFound' } : { kind: 'failed', error }),
    );
    this.keep(id, entry);
    void entry.pending.then((lookup) => {
      entry.pending = undefined;
      if (lookup.kind === 'failed') return;
      entry.lookup = lookup;
      entry.at = this.now();
    });
    return entry.pending;
  }

  /** Keeps `entry` as the one most recently asked for; the least recent goes beyond MAX_LOOKUPS. */
  private keep(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= MAX_LOOKUPS) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets every answer (after a token or server change: another organization's view). */
  clear(): void {
    this.entries.clear();
  }
}
