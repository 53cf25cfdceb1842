// The user's filters and how they become server-side queries. Several selected values of one
// dimension become parallel queries, never a client-side filter over everything.
import { CHANNEL_TYPES, SESSION_STATUSES, type ChannelType, type SessionStatus } from '../api/schemas';
import type { SessionQuery } from '../api/filters';

export interface DateWindow {
  /** ISO 8601; exclusive bounds as the API documents them. */
  after?: string;
  before?: string;
  /** A preset's name ("24h", "7d") to show instead of the dates. */
  preset?: string;
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
    !!(filter.created?.after || filter.created?.before) ||
    !!(filter.updated?.after || filter.updated?.before)
  );
}

export function statusesOf(filter: SessionFilter): SessionStatus[] {
  return filter.statuses.length > 0 ? SESSION_STATUSES.filter((status) => filter.statuses.includes(status)) : [...SESSION_STATUSES];
}

export function channelsOf(filter: SessionFilter): ChannelType[] {
  return filter.channels.length > 0 ? CHANNEL_TYPES.filter((channel) => filter.channels.includes(channel)) : [...CHANNEL_TYPES];
}

/**
 * The queries of one tree slice: the values fixed by its place in the tree, crossed with the
 * filter's selected values of every other dimension. No selection means no parameter (all).
 */
export function sliceQueries(fixed: { status?: SessionStatus; channel?: ChannelType }, filter: SessionFilter): SessionQuery[] {
  const base: SessionQuery = {};
  if (filter.handedOff !== undefined) base.handedOff = filter.handedOff;
  if (filter.created?.after) base.createdAfter = filter.created.after;
  if (filter.created?.before) base.createdBefore = filter.created.before;
  if (filter.updated?.after) base.updatedAfter = filter.updated.after;
  if (filter.updated?.before) base.updatedBefore = filter.updated.before;
  const statuses: (SessionStatus | undefined)[] = fixed.status ? [fixed.status] : filter.statuses.length > 0 ? statusesOf(filter) : [undefined];
  const channels: (ChannelType | undefined)[] = fixed.channel ? [fixed.channel] : filter.channels.length > 0 ? channelsOf(filter) : [undefined];
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
  if (!window?.after && !window?.before) return undefined;
  if (window.preset) return `${name} ${window.preset}`;
  const day = (iso: string) => iso.slice(0, 10);
  if (window.after && window.before) return `${name} ${day(window.after)}…${day(window.before)}`;
  return window.after ? `${name} after ${day(window.after)}` : `${name} before ${day(window.before!)}`;
}

/** A one-line summary for the view's description, e.g. "open · web, email · handed off · created 7d". */
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
