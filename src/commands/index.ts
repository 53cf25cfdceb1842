// The one place every command is registered. Each id comes from ui/ids.ts and is declared in
// package.json (a unit test compares the two); the record below must name a handler for every id,
// so a command declared there and forgotten here does not compile.
import * as vscode from 'vscode';
import type { Session } from '../api/schemas';
import { NO_FILTER } from '../model/tree/sessionFilter';
import type { SessionTreeModel } from '../model/tree/sessionTree';
import type { NoticeNode, TreeNode } from '../model/tree/treeNodes';
import type { Connection } from '../services/connection';
import type { FilterController } from '../services/filterController';
import type { SavedViews } from '../services/savedViewStore';
import { COMMANDS, VIEW_ID, type CommandName } from '../ui/ids';
import { loadOnFirstUse, type SharedLocale } from '../ui/lazyParts';
import { withProgress } from '../ui/notifications';
import { askChat } from './askChat';
import { copySessionIds, copySessionIdText, copySessionJson, copySessionLinks, selectedSessions } from './copy';
import { groupByHandlers } from './groupBy';
import { goToSession, openSession, openSessionAtCursor, type SessionOpener } from './sessions';
import type { WatchSwitch } from './watchSwitch';
import type { ExportRequest, ShownSessions } from './exportSessions';

/** What the commands act on, built by the extension's activation. */
export interface CommandTargets {
  connection: Connection;
  /** The deep link to a session, for Copy Link. */
  linkTo: (id: string) => string;
  model: SessionTreeModel;
  view: vscode.TreeView<TreeNode>;
  filters: FilterController;
  /** The session panels: they open sessions, and tell what a panel shows for its Export. */
  sessions: SessionOpener & ShownSessions;
  savedViews: SavedViews;
  watching: WatchSwitch;
  /** Handed to the commands loaded on first use. */
  locale: SharedLocale;
  /** Global state: the folder of the last export. */
  state: vscode.Memento;
}

type Handler = (...args: never[]) => unknown;

export function registerCommands({ connection, linkTo, model, view, filters, sessions, savedViews, watching, locale, state }: CommandTargets): vscode.Disposable {
  const search = { client: () => connection.client(), loadedSessions: () => model.loadedSessions(), sessions, linkTo };
  const quickPicks = loadOnFirstUse(async () => (await import('./quickPicksPart.js')).quickPicksPart(locale));
  const exporting = loadOnFirstUse(async () => (await import('./exportPart.js')).exportPart(locale));
  const handlers: Record<CommandName, Handler> = {
    setToken: async () => (await quickPicks()).setToken(connection),
    signOut: async () => (await quickPicks()).signOut(connection),
    refresh: () => model.reload(),
    filter: async () => (await quickPicks()).filterSessions(filters),
    clearFilters: () => filters.apply(NO_FILTER),
    // VS Code passes (clicked node, all selected nodes) to tree context-menu commands.
    // From a hover the id comes as text.
    copySessionId: (clicked?: TreeNode | string, selected?: TreeNode[]) =>
      typeof clicked === 'string' ? copySessionIdText(clicked) : copySessionIds(selectedSessions(view, clicked, selected)),
    copySessionJson: (clicked?: TreeNode, selected?: TreeNode[]) => copySessionJson(selectedSessions(view, clicked, selected)),
    copySessionLink: (clicked?: TreeNode | string, selected?: TreeNode[]) =>
      copySessionLinks(
        typeof clicked === 'string' ? [clicked] : selectedSessions(view, clicked, selected).map((session) => session.id),
        linkTo,
      ),
    openSession: (target?: unknown, selected?: unknown) => openSession(sessions, target, selected),
    goToSession: () => goToSession(sessions),
    openSessionAtCursor: () => openSessionAtCursor(sessions),
    // A deep link hands over the text to search for: it is filled in, and sent once the user presses Enter.
    searchSessions: async (query?: unknown) => (await quickPicks()).searchSessions(search, { query: typeof query === 'string' ? query : '', waitForEnter: true }),
    // Row commands: the row they were clicked on names its group's pages.
    loadMore: (notice?: NoticeNode) => notice?.pages && inViewProgress(model.loadMore(notice.pages)),
    retry: (notice?: NoticeNode) => (notice?.pages ? model.retry(notice.pages) : model.refresh()),
    // From a session panel the id comes as text; from the tree, the rows.
    askChat: (clicked?: TreeNode | string, selected?: TreeNode[]) =>
      askChat(typeof clicked === 'string' ? [clicked] : selectedSessions(view, clicked, selected).map((session) => session.id)),
    saveView: async () => (await quickPicks()).saveView({ savedViews, filters }),
    // A keybinding may name the view in its `args`.
    switchView: async (name?: unknown) => (await quickPicks()).switchView({ savedViews, filters }, typeof name === 'string' ? name : undefined),
    ...groupByHandlers(),
    watch: () => watching.start(),
    stopWatching: () => watching.stop(),
    // From a group row: that group; from session rows: those; from the view's menu or the palette: the view.
    // From a session panel the id comes as text: what that panel shows, if it is open.
    exportSessions: async (clicked?: TreeNode | string, selected?: TreeNode[], answers?: unknown) => {
      const request = typeof clicked === 'string' ? shownRequest(sessions, clicked) : exportRequest(model, clicked?.type === 'session' ? selectedSessions(view, clicked, selected) : clicked);
      if (!request) return undefined;
      const part = await exporting();
      const context = { client: () => connection.client(), state };
      return part.exportSessions(context, request, part.readExportAnswers(answers));
    },
    addAccount: async () => (await quickPicks()).addAccount(connection),
    switchAccount: async () => (await quickPicks()).switchAccount(connection),
  };
  return vscode.Disposable.from(
    ...(Object.keys(handlers) as CommandName[]).map((name) =>
      vscode.commands.registerCommand(COMMANDS[name], handlers[name] as (...args: unknown[]) => unknown),
    ),
  );
}

/** What Export Sessions… exports: the rows given, a group with the filter, or the whole view. */
function exportRequest(model: SessionTreeModel, target: Session[] | TreeNode | undefined): ExportRequest {
  const filter = model.currentFilter;
  if (Array.isArray(target)) return { selection: target, filter };
  const group = target?.type === 'group' ? target : undefined;
  const groupedBy = group?.groupedBy ?? {};
  const loaded = model.loadedSessions().filter((session) => [groupedBy.status ?? session.status, groupedBy.channel ?? session.channel.type].join() === [session.status, session.channel.type].join());
  return { groupedBy, filter, loaded, more: (group && model.loaded(group)?.more) ?? true };
}

/** What a session's panel shows, when it is open: its Export needs nothing else. */
function shownRequest(panels: ShownSessions, id: string): ExportRequest | undefined {
  const shown = panels.shownSession(id);
  return shown && { shown };
}

/** The view's progress bar while `work` runs: the row clicked does not change until the page is in. */
function inViewProgress(work: Promise<void>): Thenable<void> {
  return withProgress({ location: { viewId: VIEW_ID } }, () => work);
}
