// How long to wait after open.cx answered 429. Retry-After is read strictly, and every wait taken
// without the person asking for it (a retry inside one call, or the tree's own retry timer) is kept
// between a floor and a ceiling: a "0", a date in the past or a value Date.parse happens to accept
// would otherwise retry at once, over and over, and a wait beyond 2^31-1 ms fires a Node timer
// after 1 ms.

/** The shortest automatic wait after a 429, whatever the server said. */
export const RETRY_WAIT_FLOOR_MS = 2_000;
/** The longest automatic wait after a 429: beyond it the person retries by hand, if at all. */
export const RETRY_WAIT_CEILING_MS = 5 * 60_000;
/** The wait reported after a 429 whose Retry-After was absent or could not be read. */
export const UNKNOWN_RETRY_WAIT_MS = 30_000;

const DELTA_SECONDS = /^\d+$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// RFC 9110's IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT". Its obsolete forms are not read.
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/** The time an IMF-fixdate names, or undefined for a date that does not exist (31 Nov, 24:00). */
function readImfFixdate(value: string): number | undefined {
  const match = IMF_FIXDATE.exec(value);
  if (!match) return undefined;
  const [day, month, year, hours, minutes, seconds] = [match[1], MONTHS.indexOf(match[2]!), match[3], match[4], match[5], match[6]].map(Number) as [
    number, number, number, number, number, number,
  ];
  const time = Date.UTC(year, month, day, hours, minutes, seconds);
  // Date.UTC rolls an impossible date over into the next month; such a header is junk.
  const date = new Date(time);
  const exists = date.getUTCDate() === day && date.getUTCMonth() === month && date.getUTCHours() === hours && date.getUTCMinutes() === minutes && date.getUTCSeconds() === seconds;
  return exists ? time : undefined;
}

/**
 * A `Retry-After` value as milliseconds from `now`: delta-seconds (digits only) or an IMF-fixdate
 * (a date in the past is 0). Anything else is undefined, "unknown". The result may be far beyond
 * any timer: clamp it before waiting.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  // However many digits: a wait longer than anyone will keep, not junk.
  if (DELTA_SECONDS.test(value)) return Math.min(Number(value) * 1000, Number.MAX_VALUE);
  const date = readImfFixdate(value);
  return date === undefined ? undefined : Math.max(0, date - now);
}

/** The backoff between attempts that the server gave no wait for: 0.3 s, 0.6 s, 1.2 s, … and at most 8 s. */
export const backoffMs = (attempt: number) => Math.min(8_000, 300 * 2 ** (attempt - 1));

/** An automatic wait kept between the floor and the ceiling. */
export function clampRetryWait(milliseconds: number): number {
  if (Number.isNaN(milliseconds)) return UNKNOWN_RETRY_WAIT_MS;
  return Math.min(RETRY_WAIT_CEILING_MS, Math.max(RETRY_WAIT_FLOOR_MS, Math.ceil(milliseconds)));
}

/** The wait to report after a 429, from its parsed Retry-After (undefined: absent or unreadable). */
export function rateLimitWait(retryAfterMs: number | undefined): number {
  return retryAfterMs === undefined ? UNKNOWN_RETRY_WAIT_MS : clampRetryWait(retryAfterMs);
}
