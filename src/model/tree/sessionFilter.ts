// The user's filters and how they become server-side queries. Several selected values of one
// dimension become parallel queries, never a client-side filter over everything.
import { CHANNEL_TYPES, SESSION_STATUSES, type ChannelType, type SessionStatus } from '../../api/schemas';
import type { SessionQuery } from '../../api/sessionQuery';
import type { GroupedBy } from './treeNodes';

export const DATE_PRESETS = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;
export type DatePreset = keyof typeof DATE_PRESETS;

/** A time window: a preset relative to now (resolved when a query is made), or fixed bounds. */
export interface DateWindow {
  preset?: DatePreset;
  /** ISO 8601; exclusive bounds as the API documents them. */
  after?: string;
  before?: string;
}

/** The bounds of a window at `now`; a preset always ends now. */
export function resolveWindow(window: DateWindow | undefined, now = Date.now()): { after?: string; before?: string } {
  if (!window) return {};
  if (window.preset && Object.hasOwn(DATE_PRESETS, window.preset)) {
    return { after: new Date(now - DATE_PRESETS[window.preset]).toISOString() };
  }
  return { after: window.after, before: window.before };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Reads an ISO 8601 date or date-time typed by a person. Returns the normalized UTC form, or a
 * message that says what is wrong and what would be right.
 */
export function parseIsoDate(text: string): { value: string } | { error: string } {
  const input = text.trim();
  const example = 'Use ISO 8601, e.g. 2026-11-30 or 2026-11-30T14:00:00Z.';
  const match = ISO_DATE.exec(input);
  if (!match) return { error: `"${input}" is not an ISO 8601 date. ${example}` };
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] = match;
  if (Number(month) < 1 || Number(month) > 12) return { error: `"${input}": the month must be 01 to 12. ${example}` };
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return { error: `"${input}": the time is out of range. ${example}` };
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(day) < 1 || Number(day) > daysInMonth) {
    return { error: `"${input}": ${year}-${month} has ${daysInMonth} days. ${example}` };
  }
  // No zone: a date or time as the user reads it, in UTC (the API's timestamps are UTC).
  const normalized = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${zone ? zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : 'Z'}`;
  const time = Date.parse(normalized);
  if (Number.isNaN(time)) return { error: `"${input}" is not a valid date. ${example}` };
  return { value: new Date(time).toISOString().replace('.000Z', 'Z') };
}

export interface SessionFilter {
  /** Empty: every status. */
  statuses: SessionStatus[];
  /** Empty: every channel. */
  channels: ChannelType[];
  handedOff?: boolean;
  created?: DateWindow;
  updated?: DateWindow;
}

export const NO_FILTER: SessionFilter = { statuses: [], channels: [] };

export function isFiltered(filter: SessionFilter): boolean {
  return (
    filter.statuses.length > 0 ||
    filter.channels.length > 0 ||
    filter.handedOff !== undefined ||
    hasWindow(filter.created) ||
    hasWindow(filter.updated)
  );
}

function hasWindow(window: DateWindow | undefined): boolean {
  return !!(window?.preset || window?.after || window?.before);
}

export function statusesOf(filter: SessionFilter): SessionStatus[] {
  return filter.statuses.length > 0 ? SESSION_STATUSES.filter((status) => filter.statuses.includes(status)) : [...SESSION_STATUSES];
}

export function channelsOf(filter: SessionFilter): ChannelType[] {
  return filter.channels.length > 0 ? CHANNEL_TYPES.filter((channel) => filter.channels.includes(channel)) : [...CHANNEL_TYPES];
}

/**
 * The queries of one leaf group: the values its path fixes (`groupedBy`), crossed with the
 * filter's selected values of every other dimension. No selection means no parameter (all).
 */
export function groupQueries(
  groupedBy: GroupedBy,
  filter: SessionFilter,
  now = Date.now(),
): SessionQuery[] {
  const base: SessionQuery = {};
  const created = resolveWindow(filter.created, now);
  const updated = resolveWindow(filter.updated, now);
  if (filter.handedOff !== undefined) base.handedOff = filter.handedOff;
  if (created.after) base.createdAfter = created.after;
  if (created.before) base.createdBefore = created.before;
  if (updated.after) base.updatedAfter = updated.after;
  if (updated.before) base.updatedBefore = updated.before;
  const statuses: (SessionStatus | undefined)[] = groupedBy.status ? [groupedBy.status] : filter.statuses.length > 0 ? statusesOf(filter) : [undefined];
  const channels: (ChannelType | undefined)[] = groupedBy.channel ? [groupedBy.channel] : filter.channels.length > 0 ? channelsOf(filter) : [undefined];
  const queries: SessionQuery[] = [];
  for (const status of statuses) {
    for (const channel of channels) {
      const query = { ...base };
      if (status) query.status = status;
      if (channel) query.channel = channel;
      queries.push(query);
    }
  }
  return queries;
}

function describeWindow(name: string, window: DateWindow | undefined): string | undefined {
  if (!window || !hasWindow(window)) return undefined;
  if (window.preset) return `${name} ${window.preset}`;
  const day = (iso: string) => iso.slice(0, 10);
  if (window.after && window.before) return `${name} ${day(window.after)}…${day(window.before)}`;
  return window.after ? `${name} after ${day(window.after)}` : `${name} before ${day(window.before!)}`;
}

/** A one-line summary for the view's description, e.g. "open · web, email · handed off · created 7d". */
/** Reads a stored filter defensively: values this version does not know are dropped. */
export function readFilter(stored: unknown): SessionFilter {
  if (typeof stored !== 'object' || stored === null) return NO_FILTER;
  const value = stored as Partial<Record<keyof SessionFilter, unknown>>;
  const list = <T extends string>(items: unknown, known: readonly T[]): T[] =>
    Array.isArray(items) ? known.filter((item) => items.includes(item)) : [];
  const window = (item: unknown): DateWindow | undefined => {
    if (typeof item !== 'object' || item === null) return undefined;
    const { preset, after, before } = item as Record<string, unknown>;
    if (typeof preset === 'string' && Object.hasOwn(DATE_PRESETS, preset)) return { preset: preset as DatePreset };
    const bound = (text: unknown) => (typeof text === 'string' && 'value' in parseIsoDate(text) ? text : undefined);
    const result = { after: bound(after), before: bound(before) };
    return result.after || result.before ? result : undefined;
  };
  return {
    statuses: list(value.statuses, SESSION_STATUSES),
    channels: list(value.channels, CHANNEL_TYPES),
    handedOff: typeof value.handedOff === 'boolean' ? value.handedOff : undefined,
    created: window(value.created),
    updated: window(value.updated),
  };
}

export function describeFilter(filter: SessionFilter): string {
  const parts = [
    filter.statuses.length > 0 ? filter.statuses.join(', ') : undefined,
    filter.channels.length > 0 ? filter.channels.join(', ') : undefined,
    filter.handedOff === undefined ? undefined : filter.handedOff ? 'handed off' : 'not handed off',
    describeWindow('created', filter.created),
    describeWindow('updated', filter.updated),
  ];
  return parts.filter((part) => part !== undefined).join(' · ');
}
