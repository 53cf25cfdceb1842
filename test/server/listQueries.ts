// The list endpoint's query as the reference describes it: filters checked and applied, and
// opaque cursors bound to the query they were issued for.
import { CHANNEL_TYPES, SESSION_STATUSES } from '../../src/api/schemas';
import type { RawSession } from './data';
import { HttpFailure } from './http';

export const FILTER_PARAMS = ['status', 'channel_type', 'handed_off', 'created_after', 'created_before', 'updated_after', 'updated_before'] as const;

export function validateQuery(query: Record<string, string>): void {
  const check = (name: string, allowed: readonly string[]) => {
    const value = query[name];
    if (value !== undefined && !allowed.includes(value)) {
      throw new HttpFailure(400, `${name} must be one of the following values: ${allowed.join(', ')}`);
    }
  };
  check('status', SESSION_STATUSES);
  check('channel_type', CHANNEL_TYPES);
  check('handed_off', ['true', 'false']);
  for (const name of FILTER_PARAMS.filter((param) => param.endsWith('_after') || param.endsWith('_before'))) {
    const value = query[name];
    if (value !== undefined && Number.isNaN(Date.parse(value))) throw new HttpFailure(400, `${name} must be a valid ISO 8601 date string`);
  }
}

export function filterSessions(sessions: RawSession[], query: Record<string, string | undefined>): RawSession[] {
  const time = (name: string) => (query[name] === undefined ? undefined : Date.parse(query[name]!));
  const [createdAfter, createdBefore, updatedAfter, updatedBefore] = ['created_after', 'created_before', 'updated_after', 'updated_before'].map(time);
  return sessions.filter((session) => {
    // A session without a time (the 2024 document allows null) is in no window of that time.
    const created = Date.parse(session.created_at ?? '');
    const updated = Date.parse(session.updated_at ?? '');
    return (
      (query.status === undefined || session.status === query.status) &&
      (query.channel_type === undefined || session.channel.type === query.channel_type) &&
      (query.handed_off === undefined || (session.handoff != null) === (query.handed_off === 'true')) &&
      (createdAfter === undefined || created > createdAfter) &&
      (createdBefore === undefined || created < createdBefore) &&
      (updatedAfter === undefined || updated > updatedAfter) &&
      (updatedBefore === undefined || updated < updatedBefore)
    );
  });
}

/** Opaque to clients; bound to the query it was issued for. */
export function encodeCursor(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope })).toString('base64url');
}

export function decodeCursor(cursor: string, scope: string): number {
  try {
    const { o, s } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o: unknown; s: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && s === scope) return o;
  } catch {
    // falls through to the error below
  }
  throw new HttpFailure(400, 'Invalid cursor');
}
