// What each of the chat's session tools does once VS Code hands it an input: check the input, read
// through the extension's own API client (so the requests count against the sidebar's budget of
// 100 a minute), and answer in text a language model can use: the extension's sentences around
// one block of customer content (chatContent.ts). Problems are answered in text as well, saying
// what to do next; an error's own text goes inside the customer content (chatFailures.ts). The
// key never leaves: every answer passes through the client's redaction.
// No VS Code here: tested in Node against the stand-in.
import * as l10n from '@vscode/l10n';
import type { OpenCxClient } from '../../api/client';
import { ApiError, isCancellation } from '../../api/errors';
import type { HistoryEvent, Session } from '../../api/schemas';
import { cutText, customerContent, dataLine, fitLines, OUTPUT_LIMITS, sessionSummary, transcriptEntry } from './chatContent';
import { errorLine, failureAnswer, failureSentence } from './chatFailures';
import { CHAT_LIMITS, checkGetInput, checkListInput, checkSearchInput, type Checked, type GetInput, type ListInput, type SearchInput } from './chatToolInput';
import { channelLabel, statusLabel } from '../labels';

export type ChatClient = Pick<OpenCxClient, 'listSessions' | 'searchSessions' | 'getSession' | 'listHistory' | 'redact'>;

/** The tools by what they do; the names VS Code knows them by are in src/ui/ids.ts. */
export type ChatToolKind = 'search' | 'list' | 'get';

/** The most list pages one call reads, whatever page size the server picks. */
const MAX_LIST_PAGES = 10;
const fmt = (value: number) => value.toLocaleString('en-US');

export function signedOutAnswer(): string {
  return l10n.t(
    'The user is signed out of open.cx, so nothing could be read. Tell the user to run the command "open.cx: Set API Token" (from the Command Palette) with their open.cx API key, then ask again.',
  );
}

/** Runs one tool on `input`; `client` undefined means signed out. Rejects only when cancelled. */
export async function answerTool(kind: ChatToolKind, client: ChatClient | undefined, input: unknown, signal?: AbortSignal): Promise<string> {
  if (!client) return signedOutAnswer();
  try {
    const answer = await run(kind, client, input, signal);
    return client.redact(answer);
  } catch (error) {
    if (isCancellation(error) || signal?.aborted) throw error;
    return client.redact(failureAnswer(error));
  }
}

function run(kind: ChatToolKind, client: ChatClient, input: unknown, signal?: AbortSignal): Promise<string> {
  const answer = <T>(checked: Checked<T>, read: (value: T) => Promise<string>) => (checked.ok ? read(checked.value) : Promise.resolve(checked.problem));
  switch (kind) {
    case 'search':
      return answer(checkSearchInput(input), (value) => search(client, value, signal));
    case 'list':
      return answer(checkListInput(input), (value) => list(client, value, signal));
    case 'get':
      return answer(checkGetInput(input), (value) => get(client, value, signal));
  }
}

/** What VS Code shows while a tool runs: what will be read. */
export function invocationMessage(kind: ChatToolKind, input: unknown): string {
  switch (kind) {
    case 'search': {
      const checked = checkSearchInput(input);
      return checked.ok ? l10n.t('Searching open.cx sessions for "{0}"', cutText(checked.value.query, 60) ?? '') : l10n.t('Searching open.cx sessions');
    }
    case 'list': {
      const checked = checkListInput(input);
      if (!checked.ok) return l10n.t('Reading sessions from open.cx');
      const filters = describeFilters(checked.value);
      return filters
        ? l10n.t('Reading up to {0} sessions from open.cx ({1})', checked.value.limit, filters)
        : l10n.t('Reading up to {0} sessions from open.cx', checked.value.limit);
    }
    case 'get': {
      const checked = checkGetInput(input);
      if (!checked.ok) return l10n.t('Reading a session from open.cx');
      return checked.value.includeHistory
        ? l10n.t('Reading open.cx session {0} and its history', checked.value.id)
        : l10n.t('Reading open.cx session {0}', checked.value.id);
    }
  }
}

function describeFilters({ query }: ListInput): string {
  const parts: string[] = [];
  if (query.status) parts.push(statusLabel(query.status));
  if (query.channel) parts.push(channelLabel(query.channel));
  if (query.handedOff !== undefined) parts.push(query.handedOff ? l10n.t('handed off') : l10n.t('not handed off'));
  if (query.createdAfter) parts.push(l10n.t('created after {0}', query.createdAfter));
  if (query.createdBefore) parts.push(l10n.t('created before {0}', query.createdBefore));
  if (query.updatedAfter) parts.push(l10n.t('updated after {0}', query.updatedAfter));
  if (query.updatedBefore) parts.push(l10n.t('updated before {0}', query.updatedBefore));
  return parts.join(', ');
}

/** "Cut: …" when lines were left out for size, naming the limit. */
function cutNote(shown: number, total: number, what: string): string | undefined {
  if (shown >= total) return undefined;
  return l10n.t('Cut: {0} of {1} {2} are shown; a tool answer holds at most {3} characters of customer content.', shown, total, what, fmt(OUTPUT_LIMITS.contentChars));
}

function unreadableNote(count: number): string | undefined {
  return count > 0 ? l10n.t('{0} items open.cx sent could not be read and are left out.', count) : undefined;
}

/** The characters of customer content left once `reserved` lines (a newline each) have their place. */
function contentRoom(reserved: readonly string[]): number {
  return reserved.reduce<number>((room, line) => room - line.length - 1, OUTPUT_LIMITS.contentChars);
}

function compose(...parts: (string | undefined)[]): string {
  return parts.filter((part) => part !== undefined && part !== '').join('\n\n');
}

async function search(client: ChatClient, { query }: SearchInput, signal?: AbortSignal): Promise<string> {
  const result = await client.searchSessions(query, signal);
  const quoted = dataLine(query);
  if (result.contacts.length === 0 && result.messages.length === 0) {
    return compose(l10n.t('open.cx found no contacts and no messages matching {0}.', quoted), unreadableNote(result.unreadable));
  }
  const lines = [
    ...result.contacts.map((hit) =>
      dataLine({ hit: 'contact', id: hit.id ?? undefined, name: cutText(hit.name, OUTPUT_LIMITS.labelChars), email: cutText(hit.email, OUTPUT_LIMITS.labelChars), phone: cutText(hit.phone, OUTPUT_LIMITS.labelChars) }),
    ),
    ...result.messages.map((hit) => dataLine({ hit: 'message', sessionId: hit.session_id, id: hit.id ?? undefined, text: cutText(hit.message, OUTPUT_LIMITS.textChars) })),
  ];
  const { kept } = fitLines(lines, OUTPUT_LIMITS.contentChars);
  const intro = l10n.t(
    'open.cx search for {0}: {1} contacts and {2} messages. A message hit names its session (sessionId): read it with opencx_getSession. Sessions of a contact are not listed by the search.',
    quoted,
    result.contacts.length,
    result.messages.length,
  );
  return compose(intro, customerContent(kept), cutNote(kept.length, lines.length, l10n.t('hits')), unreadableNote(result.unreadable));
}

async function list(client: ChatClient, { query, limit }: ListInput, signal?: AbortSignal): Promise<string> {
  const sessions: Session[] = [];
  let cursor: string | undefined;
  let more = false;
  let unreadable = 0;
  let failed: unknown;
  for (let page = 0; page < MAX_LIST_PAGES && sessions.length < limit; page++) {
    try {
      const result = await client.listSessions(query, cursor, signal);
      const room = limit - sessions.length;
      sessions.push(...result.items.slice(0, room));
      unreadable += result.unreadable;
      more = result.items.length > room || result.next !== null;
      if (result.next === null) break;
      cursor = result.next;
    } catch (error) {
      // What was read is kept: the answer says where reading stopped.
      if (sessions.length === 0 || isCancellation(error)) throw error;
      failed = error;
      break;
    }
  }
  more ||= failed !== undefined;
  const filters = describeFilters({ query, limit });
  const lines = sessions.map((session) => dataLine(sessionSummary(session)));
  const failure = failed === undefined ? [] : [errorLine(failed)];
  const { kept } = fitLines(lines, contentRoom(failure));
  const intro = filters
    ? l10n.t('{0} sessions from open.cx matching: {1}; in the order open.cx lists them (newest first).', sessions.length, filters)
    : l10n.t('{0} sessions from open.cx, in the order open.cx lists them (newest first).', sessions.length);
  const next = more && failed === undefined
    ? l10n.t('More sessions match than were read (limit {0}, at most {1}): raise limit or narrow the filters (status, channel, dates) to see others.', limit, CHAT_LIMITS.listMax)
    : undefined;
  const stopped = failed === undefined ? undefined : l10n.t('Reading stopped after {0} sessions: {1}', sessions.length, failureSentence(failed));
  if (sessions.length === 0) return compose(l10n.t('open.cx has no sessions matching these filters.'), unreadableNote(unreadable));
  return compose(intro, customerContent([...kept, ...failure]), cutNote(kept.length, lines.length, l10n.t('sessions')), next, stopped, unreadableNote(unreadable));
}

async function get(client: ChatClient, { id, includeHistory }: GetInput, signal?: AbortSignal): Promise<string> {
  let session: Session;
  try {
    session = await client.getSession(id, signal);
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'notFound') {
      return l10n.t('open.cx has no session with id {0}. Check the id, or find sessions with opencx_searchSessions or opencx_listSessions.', id);
    }
    throw error;
  }
  const json = dataLine(session.raw);
  const sessionLine = json.length <= OUTPUT_LIMITS.sessionJsonChars ? json : dataLine(sessionSummary(session));
  const jsonNote =
    sessionLine === json
      ? undefined
      : l10n.t('Cut: the session\'s JSON has {0} characters, more than the {1} shown at most; its summary is shown instead.', fmt(json.length), fmt(OUTPUT_LIMITS.sessionJsonChars));
  const intro = l10n.t('open.cx session {0}: the first line of customer content is its JSON as open.cx sent it.', id);
  if (!includeHistory) return compose(intro, customerContent([sessionLine]), jsonNote);
  const history = await readHistory(client, id, signal);
  const failure = history.failed === undefined ? [] : [errorLine(history.failed)];
  // The history comes newest first: when it is too long, the oldest lines go. It is shown newest
  // last, as a conversation reads.
  const entries = history.events.map((event) => dataLine(transcriptEntry(event)));
  const kept = fitLines(entries, contentRoom([sessionLine, ...failure])).kept.reverse();
  const transcriptIntro = l10n.t('The lines after it are its history, oldest first, newest last: {0} events.', kept.length);
  const older = history.more
    ? l10n.t('Older events were not read: the transcript reads at most {0} pages of history, newest first.', OUTPUT_LIMITS.historyPages)
    : undefined;
  const stopped = history.failed === undefined ? undefined : l10n.t('Reading the history stopped: {0}', failureSentence(history.failed));
  return compose(
    `${intro} ${transcriptIntro}`,
    customerContent([sessionLine, ...kept, ...failure]),
    jsonNote,
    cutNote(kept.length, entries.length, l10n.t('events (the newest)')),
    older,
    stopped,
    unreadableNote(history.unreadable),
  );
}

/** The newest pages of a session's history, newest first; a failure after the first page keeps what was read. */
async function readHistory(client: ChatClient, id: string, signal?: AbortSignal): Promise<{ events: HistoryEvent[]; more: boolean; unreadable: number; failed?: unknown }> {
  const events: HistoryEvent[] = [];
  let cursor: string | undefined;
  let unreadable = 0;
  for (let page = 0; page < OUTPUT_LIMITS.historyPages; page++) {
    try {
      const result = await client.listHistory(id, cursor, signal);
      events.push(...result.items);
      unreadable += result.unreadable;
      if (result.next === null) return { events, more: false, unreadable };
      cursor = result.next;
    } catch (error) {
      if (isCancellation(error)) throw error;
      return { events, more: false, unreadable, failed: error };
    }
  }
  return { events, more: true, unreadable };
}

