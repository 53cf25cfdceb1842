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
  watch: 'opencx.watch',
  stopWatching: 'opencx.stopWatching',
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandName];

/** Commands of tree rows only: they need the row they were clicked on, so the palette hides them. */
export const ROW_COMMANDS: readonly CommandId[] = [COMMANDS.loadMore, COMMANDS.retry];

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
  /** Watching for new sessions is on: the view title shows "Stop Watching" instead of "Watch". */
  watching: 'opencx.watching',
} as const;
