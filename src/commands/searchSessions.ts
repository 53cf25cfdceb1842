// "Search Sessions…": a quick pick that answers while the user types. At once, from the sessions
// already loaded (no request); after a pause, from GET /chat/sessions/search (message and contact
// hits). Text handed over by a link is only filled in: it goes to the server once the user presses
// Enter or types. Every text from the server is shown as text: no icon or link syntax can form in it.
import * as vscode from 'vscode';
import type { CurrentClient } from '../api/client';
import { ApiError } from '../api/errors';
import type { Session } from '../api/schemas';
import type { ContactHit, MessageHit, SearchResult } from '../api/searchResults';
import { sessionFacts, sessionLabel, statusLabel } from '../model/labels';
import { matchLoadedSessions, snippetAround } from '../model/search/localSearch';
import { RemoteSearch, SEARCH_MIN_LENGTH, type RemoteSearchState } from '../model/search/remoteSearch';
import { capSearchText } from '../model/search/searchText';
import { COMMANDS } from '../ui/ids';
import { plainText } from '../ui/plainText';
import { showContactActions } from './searchContact';
import type { SessionOpener } from './sessions';

export interface SearchTargets {
  client: CurrentClient;
  /** The deep link to a session, for the items' Copy Link button. */
  linkTo: (id: string) => string;
  /** The sessions the tree has loaded. */
  loadedSessions: () => Session[];
  sessions: SessionOpener;
}

type SearchItem = vscode.QuickPickItem &
  (
    | { kind?: undefined; action: 'session'; session: Session }
    | { kind?: undefined; action: 'message'; hit: MessageHit }
    | { kind?: undefined; action: 'contact'; hit: ContactHit }
    | { kind?: undefined; action: 'send' | 'setToken' | 'retry' | 'none' }
    | { kind: vscode.QuickPickItemKind.Separator; action?: undefined }
  );

/** Message hits whose session is not loaded are looked up, this many per query at most. */
const LOOKUPS_PER_QUERY = 5;

/** The text the box opens with; `waitForEnter`: handed over (by a link), not asked for by the user. */
export interface SearchStart {
  query?: string;
  waitForEnter?: boolean;
}

export async function searchSessions(targets: SearchTargets, { query: initialQuery = '', waitForEnter = false }: SearchStart = {}): Promise<void> {
  const pick = vscode.window.createQuickPick<SearchItem>();
  pick.title = vscode.l10n.t('Search open.cx Sessions');
  pick.placeholder = vscode.l10n.t('Name, email, phone, #ticket, session id, or words a customer wrote');
  // The server matches on more than the label shows: nothing is filtered out again here.
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  const lookups = new SessionLookups(targets, () => render());
  const remote = new RemoteSearch({ search: (query, signal) => search(targets, query, signal) }, () => render());
  const disposables: vscode.Disposable[] = [];

  function render(): void {
    const query = pick.value.trim();
    const state = remote.state;
    lookups.request(state.query === query ? state.result : undefined);
    pick.busy = state.busy || lookups.busy;
    pick.items = items(query, targets.loadedSessions(), state.query === query ? state : undefined, lookups);
  }

  const done = new Promise<void>((resolve) => {
    disposables.push(
      pick.onDidChangeValue((value) => {
        remote.type(value);
        render();
      }),
      pick.onDidAccept(() => {
        const [chosen] = pick.selectedItems;
        if (chosen) accept(chosen, pick, remote, targets);
      }),
      pick.onDidTriggerItemButton(({ item }) => {
        const id = item.action === 'session' ? item.session.id : item.action === 'message' ? item.hit.session_id : undefined;
        if (id !== undefined) void vscode.commands.executeCommand(COMMANDS.copySessionLink, id);
      }),
      pick.onDidHide(() => resolve()),
    );
  });
  const initial = capSearchText(initialQuery);
  pick.value = initial;
  if (waitForEnter) remote.fill(initial);
  else remote.type(initial);
  render();
  pick.show();
  await done;
  remote.dispose();
  lookups.dispose();
  for (const disposable of disposables) disposable.dispose();
  pick.dispose();
}

/** What choosing an item does: most close the quick pick and open what the item names. */
function accept(chosen: SearchItem, pick: vscode.QuickPick<SearchItem>, remote: RemoteSearch, targets: SearchTargets): void {
  if (chosen.kind !== undefined) return;
  switch (chosen.action) {
    case 'send':
      remote.send(pick.value);
      return;
    case 'retry':
      remote.retry();
      return;
    case 'none':
      return;
    case 'setToken':
      pick.hide();
      void vscode.commands.executeCommand(COMMANDS.setToken);
      return;
    case 'session':
      pick.hide();
      targets.sessions.show(chosen.session);
      return;
    case 'message':
      pick.hide();
      void targets.sessions.showById(chosen.hit.session_id, { highlightEventId: chosen.hit.id == null ? undefined : String(chosen.hit.id) });
      return;
    case 'contact':
      pick.hide();
      void showContactActions(chosen.hit, targets, (query) => void searchSessions(targets, { query }));
      return;
  }
}

async function search(targets: SearchTargets, query: string, signal: AbortSignal) {
  const client = await targets.client();
  if (!client) throw new ApiError('unauthorized', vscode.l10n.t('You are signed out of open.cx. Set an API token to search.'));
  return client.searchSessions(query, signal);
}

function separator(label: string): SearchItem {
  return { kind: vscode.QuickPickItemKind.Separator, label };
}

function items(query: string, loaded: Session[], state: RemoteSearchState | undefined, lookups: SessionLookups): SearchItem[] {
  const result: SearchItem[] = [];
  // First, so that Enter sends it.
  if (state?.unsent) result.push(sendItem(query));
  const local = matchLoadedSessions(loaded, query);
  if (local.length > 0) {
    result.push(separator(vscode.l10n.t('Loaded sessions')));
    for (const session of local) result.push(sessionItem(session));
  }
  if (state?.error !== undefined) {
    result.push(errorItem(state.error));
    return result;
  }
  const found = state?.result;
  if (found && found.messages.length > 0) {
    result.push(separator(vscode.l10n.t('Messages')));
    for (const hit of found.messages) result.push(messageItem(hit, query, lookups.sessionOf(hit.session_id)));
  }
  if (found && found.contacts.length > 0) {
    result.push(separator(vscode.l10n.t('Contacts')));
    for (const hit of found.contacts) result.push(contactItem(hit));
  }
  const waiting = query.length >= SEARCH_MIN_LENGTH && !found;
  if (query && result.length === 0 && !waiting) {
    result.push({
      action: 'none',
      label: vscode.l10n.t('No session, contact or message matches "{0}"', plainText(query)),
      detail: query.length < SEARCH_MIN_LENGTH ? vscode.l10n.t('Type at least {0} characters to search open.cx.', SEARCH_MIN_LENGTH) : undefined,
      alwaysShow: true,
    });
  }
  return result;
}

function sendItem(query: string): SearchItem {
  return {
    action: 'send',
    label: `$(search) ${vscode.l10n.t('Search open.cx for "{0}"', plainText(query))}`,
    detail: vscode.l10n.t('Filled in by a link: press Enter to send the search.'),
    alwaysShow: true,
  };
}

function sessionItem(session: Session): SearchItem {
  const facts = sessionFacts(session);
  return {
    action: 'session',
    session,
    label: `$(comment-discussion) ${plainText(sessionLabel(session))}`,
    description: plainText([facts.status, facts.channel, facts.ticket].filter((part) => part !== undefined).join(' · ')),
    detail: plainText(session.id),
    alwaysShow: true,
    buttons: [copyLinkButton()],
  };
}

function copyLinkButton(): vscode.QuickInputButton {
  return { iconPath: new vscode.ThemeIcon('link'), tooltip: vscode.l10n.t('Copy Link') };
}

function messageItem(hit: MessageHit, query: string, session: Session | null | undefined): SearchItem {
  const where = session ? `${sessionLabel(session)} · ${statusLabel(session.status)}` : vscode.l10n.t('Session {0}', hit.session_id.slice(0, 8));
  return {
    action: 'message',
    hit,
    label: `$(comment) ${plainText(snippetAround(hit.message ?? '', query))}`,
    description: plainText(where),
    alwaysShow: true,
    buttons: [copyLinkButton()],
  };
}

function contactItem(hit: ContactHit): SearchItem {
  const name = [hit.name, hit.email, hit.phone].find((value) => typeof value === 'string' && value.trim()) ?? vscode.l10n.t('Contact without details');
  return {
    action: 'contact',
    hit,
    label: `$(person) ${plainText(name.trim())}`,
    description: plainText([hit.email, hit.phone].filter((value) => value && value !== name).join(' · ')),
    alwaysShow: true,
  };
}

function errorItem(error: unknown): SearchItem {
  const message = plainText(error instanceof Error ? error.message : String(error));
  if (error instanceof ApiError && error.needsToken) {
    return { action: 'setToken', label: `$(key) ${vscode.l10n.t('Set API Token…')}`, detail: message, alwaysShow: true };
  }
  return { action: 'retry', label: `$(error) ${vscode.l10n.t('The search failed: press Enter to try again')}`, detail: message, alwaysShow: true };
}

/**
 * The sessions of message hits, for their label and status: from what the tree has loaded, else
 * fetched, a few per query (each request counts against the rate budget) and remembered while
 * the quick pick is open. Null: the session could not be fetched.
 */
class SessionLookups {
  private readonly known = new Map<string, Session | null>();
  private readonly pending = new Set<string>();
  private readonly asked = new WeakSet<SearchResult>();
  private readonly controller = new AbortController();

  constructor(
    private readonly targets: SearchTargets,
    private readonly changed: () => void,
  ) {}

  get busy(): boolean {
    return this.pending.size > 0;
  }

  sessionOf(id: string): Session | null | undefined {
    return this.known.get(id) ?? this.targets.loadedSessions().find((session) => session.id === id);
  }

  /** Looks up the sessions of a result's message hits that are not known yet, once per result. */
  request(result: SearchResult | undefined): void {
    if (!result || this.asked.has(result)) return;
    this.asked.add(result);
    const wanted = [...new Set(result.messages.map((hit) => hit.session_id))].filter((id) => this.sessionOf(id) === undefined && !this.pending.has(id));
    for (const id of wanted.slice(0, LOOKUPS_PER_QUERY)) void this.lookUp(id);
  }

  dispose(): void {
    this.controller.abort();
  }

  private async lookUp(id: string): Promise<void> {
    this.pending.add(id);
    try {
      const client = await this.targets.client();
      this.known.set(id, client ? await client.getSession(id, this.controller.signal) : null);
    } catch {
      this.known.set(id, null);
    } finally {
      this.pending.delete(id);
      if (!this.controller.signal.aborted) this.changed();
    }
  }
}
