// Every name VS Code knows the extension by, in one place: commands (each declared in package.json,
// which a unit test checks), the view, the webview type, the document scheme and context keys.
// No VS Code import here, so the list is read in Node too.

export const COMMANDS = {
  setToken: 'opencx.setToken',
  signOut: 'opencx.signOut',
  refresh: 'opencx.refresh',
  filter: 'opencx.filter',
  clearFilters: 'opencx.clearFilters',
  copySessionId: 'opencx.copySessionId',
  copySessionJson: 'opencx.copySessionJson',
  copySessionLink: 'opencx.copySessionLink',
  openSession: 'opencx.openSession',
  goToSession: 'opencx.goToSession',
  searchSessions: 'opencx.searchSessions',
  openSessionAtCursor: 'opencx.openSessionAtCursor',
  loadMore: 'opencx.loadMore',
  retry: 'opencx.retry',
  askChat: 'opencx.askChat',
  saveView: 'opencx.saveView',
  switchView: 'opencx.switchView',
  // The Group By submenu: one command per grouping, and its "✓" twin shown for the current one.
  groupByStatusChannel: 'opencx.groupByStatusChannel',
  groupByStatusChannelChecked: 'opencx.groupByStatusChannel.checked',
  groupByChannelStatus: 'opencx.groupByChannelStatus',
  groupByChannelStatusChecked: 'opencx.groupByChannelStatus.checked',
  groupByStatus: 'opencx.groupByStatus',
  groupByStatusChecked: 'opencx.groupByStatus.checked',
  groupByChannel: 'opencx.groupByChannel',
  groupByChannelChecked: 'opencx.groupByChannel.checked',
  groupByNone: 'opencx.groupByNone',
  groupByNoneChecked: 'opencx.groupByNone.checked',
  watch: 'opencx.watch',
  stopWatching: 'opencx.stopWatching',
  exportSessions: 'opencx.exportSessions',
  addAccount: 'opencx.addAccount',
  switchAccount: 'opencx.switchAccount',
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandName];

/** Commands of tree rows only: they need the row they were clicked on, so the palette hides them. */
export const ROW_COMMANDS: readonly CommandId[] = [COMMANDS.loadMore, COMMANDS.retry];

/** The Group By submenu's "✓" twins: the palette lists the plain commands instead. */
export const CHECKED_COMMANDS: readonly CommandId[] = [
  COMMANDS.groupByStatusChannelChecked,
  COMMANDS.groupByChannelStatusChecked,
  COMMANDS.groupByStatusChecked,
  COMMANDS.groupByChannelChecked,
  COMMANDS.groupByNoneChecked,
];

export const VIEW_ID = 'opencx.sessions';
/** The session panel's webview type; package.json activates the extension for it after a reload. */
export const SESSION_VIEW_TYPE = 'opencx.session';
/** Read-only documents holding a session's JSON, for search and folding in a normal editor. */
export const SESSION_JSON_SCHEME = 'opencx-session';

export const CONTEXT_KEYS = {
  signedIn: 'opencx.signedIn',
  filtered: 'opencx.filtered',
  /** Sessions are selected in the tree: the copy commands show in the palette. */
  sessionsSelected: 'opencx.sessionsSelected',
  /** The `opencx.groupBy` setting's value, which picks the checked item of the Group By submenu. */
  groupBy: 'opencx.groupBy',
  /** Watching for new sessions is on: the view title shows "Stop Watching" instead of "Watch". */
  watching: 'opencx.watching',
  /** More than one open.cx account: the welcome view offers Switch Account…. */
  severalAccounts: 'opencx.severalAccounts',
} as const;

/** The authentication provider whose accounts VS Code's Accounts menu lists. */
export const AUTH_PROVIDER_ID = 'opencx';

/** The chat's read-only session tools (package.json contributes.languageModelTools), by what each does. */
export const CHAT_TOOLS = {
  search: 'opencx_searchSessions',
  list: 'opencx_listSessions',
  get: 'opencx_getSession',
} as const;

/** VS Code's command that opens the chat, and takes a query to put in its input box. */
export const CHAT_OPEN_COMMAND = 'workbench.action.chat.open';
