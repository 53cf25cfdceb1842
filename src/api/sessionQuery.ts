// One server-side query of GET /chat/sessions and the query string it becomes. The user's filter
// (model/tree/sessionFilter.ts) turns into one or more of these.
import type { ChannelType, SessionStatus } from './schemas';

/** One server-side query: every field maps to one documented query parameter. */
export interface SessionQuery {
  status?: SessionStatus;
  channel?: ChannelType;
  handedOff?: boolean;
  /** ISO 8601 date-times. */
  createdAfter?: string;
  createdBefore?: string;
  updatedAfter?: string;
  updatedBefore?: string;
}

const PARAMETER_NAMES: Record<keyof SessionQuery, string> = {
  status: 'status',
  channel: 'channel_type',
  handedOff: 'handed_off',
  createdAfter: 'created_after',
  createdBefore: 'created_before',
  updatedAfter: 'updated_after',
  updatedBefore: 'updated_before',
};

/**
 * The parameters whose values the user picked from the extension's own choices (statuses,
 * channels, dates): the only values the log keeps.
 */
export const FILTER_PARAMETERS: ReadonlySet<string> = new Set(Object.values(PARAMETER_NAMES));

/** The query string of one list request: each set field as its documented parameter, then the cursor. */
export function sessionQueryParams(query: SessionQuery, cursor?: string): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMETER_NAMES) as (keyof SessionQuery)[]) {
    const value = query[key];
    if (value === undefined) continue;
    params.set(PARAMETER_NAMES[key], typeof value === 'boolean' ? String(value) : value);
  }
  if (cursor) params.set('cursor', cursor);
  return params;
}
