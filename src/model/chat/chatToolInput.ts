// The input of the chat's session tools, checked before any request: a language model writes it,
// so every problem is named in a sentence the model can act on (what was wrong, what to send
// instead), and all problems of one input are reported at once. No VS Code here: tested in Node.
import * as l10n from '@vscode/l10n';
import { parseSessionId } from '../../api/ids';
import { CHANNEL_TYPES, SESSION_STATUSES, isRecord } from '../../api/schemas';
import type { SessionQuery } from '../../api/sessionQuery';
import { SEARCH_MAX_LENGTH } from '../search/searchText';

/** How much the tools read and write; the README and the tool descriptions quote these numbers. */
export const CHAT_LIMITS = {
  /** Sessions opencx_listSessions reads when the input names no limit. */
  listDefault: 25,
  /** The most sessions one call of opencx_listSessions reads. */
  listMax: 100,
  /** The longest search text, as for every search. */
  queryChars: SEARCH_MAX_LENGTH,
} as const;

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

export interface SearchInput {
  query: string;
}

export interface ListInput {
  query: SessionQuery;
  limit: number;
}

export interface GetInput {
  id: string;
  includeHistory: boolean;
}

const DATE_FIELDS = ['createdAfter', 'createdBefore', 'updatedAfter', 'updatedBefore'] as const;
const LIST_FIELDS = ['status', 'channel', 'handedOff', ...DATE_FIELDS, 'limit'] as const;

/** Collects the problems of one input; `result` is only read when there were none. */
class Problems {
  readonly list: string[] = [];

  add(problem: string): void {
    this.list.push(problem);
  }

  result<T>(value: T): Checked<T> {
    if (this.list.length === 0) return { ok: true, value };
    const intro = l10n.t('The input was not used; nothing was read from open.cx. Fix this and call the tool again:');
    return { ok: false, problem: [intro, ...this.list.map((problem) => `- ${problem}`)].join('\n') };
  }
}

/** A value as the problem quotes it: JSON, shortened, so an odd value cannot run on. */
function quote(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** The input as an object, and a problem for each field the tool does not know. */
function fieldsOf(input: unknown, known: readonly string[], example: string, problems: Problems): Record<string, unknown> {
  if (!isRecord(input)) {
    problems.add(l10n.t('The input must be a JSON object such as {0}, not {1}.', example, quote(input)));
    return {};
  }
  for (const key of Object.keys(input).filter((key) => !known.includes(key))) {
    problems.add(l10n.t('"{0}" is not an input of this tool. It accepts only: {1}.', key, known.join(', ')));
  }
  return input;
}

export function checkSearchInput(input: unknown): Checked<SearchInput> {
  const problems = new Problems();
  const { query } = fieldsOf(input, ['query'], '{"query": "refund"}', problems);
  if (typeof query !== 'string' || query.trim() === '') {
    problems.add(l10n.t('query must be a non-empty text: a contact\'s name, email or phone number, or words from the messages. It was {0}.', quote(query)));
  } else if ([...query.trim()].length > CHAT_LIMITS.queryChars) {
    problems.add(l10n.t('query is {0} characters long; use at most {1}: a name, an email, a phone number or a few keywords.', [...query.trim()].length, CHAT_LIMITS.queryChars));
  }
  return problems.result({ query: typeof query === 'string' ? query.trim() : '' });
}

export function checkGetInput(input: unknown): Checked<GetInput> {
  const problems = new Problems();
  const { id, includeHistory } = fieldsOf(input, ['id', 'includeHistory'], '{"id": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "includeHistory": true}', problems);
  const parsed = typeof id === 'string' ? parseSessionId(id) : undefined;
  if (parsed === undefined) {
    problems.add(
      l10n.t(
        'id {0} is not an open.cx session id. Session ids are UUIDs such as 3c90c3cc-0d44-4b50-8888-8dd25736052a; find them with opencx_listSessions or opencx_searchSessions.',
        quote(id),
      ),
    );
  }
  if (includeHistory !== undefined && typeof includeHistory !== 'boolean') {
    problems.add(l10n.t('includeHistory must be true or false, not {0}.', quote(includeHistory)));
  }
  return problems.result({ id: parsed ?? '', includeHistory: includeHistory === true });
}

export function checkListInput(input: unknown): Checked<ListInput> {
  const problems = new Problems();
  const fields = fieldsOf(input, LIST_FIELDS, '{"status": "open", "channel": "web", "limit": 25}', problems);
  const query: SessionQuery = {};
  const { status, channel, handedOff, limit } = fields;
  if (status !== undefined) {
    if (typeof status === 'string' && (SESSION_STATUSES as readonly string[]).includes(status)) query.status = status as SessionQuery['status'];
    else problems.add(l10n.t('status {0} is not a session status. Use one of: {1}.', quote(status), SESSION_STATUSES.join(', ')));
  }
  if (channel !== undefined) {
    if (typeof channel === 'string' && (CHANNEL_TYPES as readonly string[]).includes(channel)) query.channel = channel as SessionQuery['channel'];
    else problems.add(l10n.t('channel {0} is not a channel. Use one of: {1}.', quote(channel), CHANNEL_TYPES.join(', ')));
  }
  if (handedOff !== undefined) {
    if (typeof handedOff === 'boolean') query.handedOff = handedOff;
    else problems.add(l10n.t('handedOff must be true (sessions handed off to a person) or false, not {0}.', quote(handedOff)));
  }
  const times: Partial<Record<(typeof DATE_FIELDS)[number], number>> = {};
  for (const name of DATE_FIELDS) {
    const value = fields[name];
    if (value === undefined) continue;
    const time = typeof value === 'string' ? parseIsoTime(value) : undefined;
    if (time === undefined) {
      problems.add(
        l10n.t(
          '{0} {1} is not an ISO 8601 date. Use a date such as 2026-11-30 (midnight UTC) or a date-time with its time zone such as 2026-11-30T14:00:00Z or 2026-11-30T14:00:00+02:00.',
          name,
          quote(value),
        ),
      );
      continue;
    }
    times[name] = time;
    query[name] = new Date(time).toISOString();
  }
  for (const [after, before] of [['createdAfter', 'createdBefore'], ['updatedAfter', 'updatedBefore']] as const) {
    const [from, to] = [times[after], times[before]];
    if (from !== undefined && to !== undefined && from >= to) {
      problems.add(l10n.t('{0} ({1}) must be earlier than {2} ({3}): no session can match both.', after, query[after]!, before, query[before]!));
    }
  }
  let count: number = CHAT_LIMITS.listDefault;
  if (limit !== undefined) {
    if (typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit <= CHAT_LIMITS.listMax) count = limit;
    else if (typeof limit === 'number' && Number.isInteger(limit) && limit > CHAT_LIMITS.listMax) {
      problems.add(l10n.t('limit {0} is more than {1}, the most one call reads. Use {1} or less, and narrow the filters (status, channel, dates) to reach other sessions.', limit, CHAT_LIMITS.listMax));
    } else {
      problems.add(l10n.t('limit must be a whole number from 1 to {0} (default {1}), not {2}.', CHAT_LIMITS.listMax, CHAT_LIMITS.listDefault, quote(limit)));
    }
  }
  return problems.result({ query, limit: count });
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2}))?$/;

/**
 * Milliseconds of an ISO 8601 date (midnight UTC) or date-time with a zone; undefined for anything
 * else, including days that do not exist (2026-02-30) and times without a zone, which would be read
 * in some unknown time zone.
 */
export function parseIsoTime(text: string): number | undefined {
  const match = ISO_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  let offsetMinutes = 0;
  if (zone !== undefined && !/^z$/i.test(zone)) {
    const [offsetHours, offsetRest] = [Number(zone.slice(1, 3)), Number(zone.slice(-2))];
    if (offsetHours > 23 || offsetRest > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  const milliseconds = fraction === '' ? 0 : Math.floor(Number(fraction) * 1000);
  return Date.UTC(y, mo - 1, d, h, mi, s, milliseconds) - offsetMinutes * 60_000;
}
