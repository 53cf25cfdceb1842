// The words of the session pages, in VS Code's display language. They live here once, with
// @vscode/l10n rather than vscode.l10n, so that the page renderer stays free of VS Code and runs in
// Node tests (where the words are English); the extension hands @vscode/l10n its bundle at start.
import * as l10n from '@vscode/l10n';

/** The words of the page's header: its actions, its title and the notices of a failed load. */
export interface HeaderText {
  sessionActions: string;
  refresh: string;
  refreshing: string;
  copyId: string;
  copyJson: string;
  copyLink: string;
  openJson: string;
  exportSession: string;
  exportSessionTitle: string;
  askChat: string;
  askChatTitle: string;
  retry: string;
  setToken: string;
  switchAccount: string;
  /** Title of a restored panel until its session is back. */
  pendingTitle: string;
  loadingSession: string;
  updated: (age: string) => string;
}

/** The words of the JSON section. */
export interface JsonText {
  json: string;
  jsonNote: string;
  /** Beside the JSON heading when the server's JSON could not be kept as sent (shown as read). */
  jsonNoteParsed: string;
  /** On a key that repeats an earlier key of its object. */
  repeatedKey: string;
  /** Above the JSON when keys repeat. */
  repeatedKeys: (count: number) => string;
  expandAll: string;
  collapseAll: string;
  root: string;
  /** Shown beside a collapsed object or array, e.g. "3 keys". */
  entries: (count: number, isArray: boolean) => string;
}

/** The words of the history section. */
export interface HistoryText {
  history: string;
  historyNote: string;
  loadingHistory: string;
  loadOlder: string;
  loadingOlder: string;
  noHistory: string;
  attachments: string;
  unknownSender: string;
  senderType: (type: string) => string;
  /** For an event without text: says what it was. */
  noText: (eventType: string | null) => string;
  /** Labels an agent's note that only agents see; the agent is named beside it. */
  internalComment: string;
  commentWithoutText: string;
  /** "Agent 12"; "Agent" when the id is unknown. */
  agent: (id: string | undefined) => string;
  /** "Handed off to Zendesk". */
  handedOff: (integration: string | undefined) => string;
  aiResolved: string;
  agentJoined: (id: string | undefined) => string;
  agentTookOver: (id: string | undefined) => string;
  unreadableEvents: (count: number) => string;
}

/** The words of the page. */
export interface PanelText extends HeaderText, JsonText, HistoryText {}

let translated: PanelText | undefined;

/** The page's words, translated once: every render needs them. */
export function panelText(): PanelText {
  return (translated ??= { ...translateHeaderText(), ...translateJsonText(), ...translateHistoryText() });
}

function translateHeaderText(): HeaderText {
  return {
    sessionActions: l10n.t('Session actions'),
    refresh: l10n.t('Refresh'),
    refreshing: l10n.t('Refreshing…'),
    copyId: l10n.t('Copy ID'),
    copyJson: l10n.t('Copy JSON'),
    copyLink: l10n.t('Copy Link'),
    openJson: l10n.t('Open in Editor'),
    exportSession: l10n.t('Export…'),
    exportSessionTitle: l10n.t('Export this session, with the history loaded, as JSON Lines, CSV or JSON'),
    askChat: l10n.t('Ask Chat'),
    askChatTitle: l10n.t('Ask Chat About This Session'),
    retry: l10n.t('Retry'),
    setToken: l10n.t('Set API Token'),
    switchAccount: l10n.t('Switch Account'),
    pendingTitle: l10n.t('open.cx session'),
    loadingSession: l10n.t('Loading session…'),
    updated: (age) => l10n.t('updated {0}', age),
  };
}

function translateJsonText(): JsonText {
  return {
    json: l10n.t('JSON'),
    jsonNote: l10n.t('as the server sent it'),
    jsonNoteParsed: l10n.t('as read from the server'),
    repeatedKey: l10n.t('This key repeats an earlier key of the same object. Both are shown as sent; most JSON readers keep only the last.'),
    repeatedKeys: (count) =>
      count === 1
        ? l10n.t('1 key repeats an earlier key of its object: both are shown as sent and marked.')
        : l10n.t('{0} keys repeat an earlier key of their object: all are shown as sent and marked.', count),
    expandAll: l10n.t('Expand all'),
    collapseAll: l10n.t('Collapse all'),
    root: l10n.t('session'),
    entries: (count, isArray) =>
      isArray
        ? count === 1
          ? l10n.t('1 item')
          : l10n.t('{0} items', count)
        : count === 1
          ? l10n.t('1 key')
          : l10n.t('{0} keys', count),
  };
}

function translateHistoryText(): HistoryText {
  const senders = new Map([
    ['contact', l10n.t('Contact')],
    ['ai', l10n.t('AI')],
    ['agent', l10n.t('Agent')],
    // The 2024 document's name for a person answering on the company's side.
    ['human_agent', l10n.t('Agent')],
    ['system', l10n.t('System')],
  ]);
  return {
    history: l10n.t('History'),
    historyNote: l10n.t('newest first'),
    loadingHistory: l10n.t('Loading history…'),
    loadOlder: l10n.t('Load older'),
    loadingOlder: l10n.t('Loading…'),
    noHistory: l10n.t('No messages in this session.'),
    attachments: l10n.t('Attachments'),
    unknownSender: l10n.t('Unknown sender'),
    senderType: (type) => senders.get(type) ?? type,
    noText: (eventType) => (eventType ? l10n.t('({0} event without text)', eventType) : l10n.t('(event without text)')),
    internalComment: l10n.t('Internal comment'),
    commentWithoutText: l10n.t('(comment without text)'),
    agent: (id) => (id ? l10n.t('Agent {0}', id) : l10n.t('Agent')),
    handedOff: (integration) => (integration ? l10n.t('Handed off to {0}', integration) : l10n.t('Handed off')),
    aiResolved: l10n.t('AI resolved the issue'),
    agentJoined: (id) => (id ? l10n.t('Agent {0} joined', id) : l10n.t('An agent joined')),
    agentTookOver: (id) => (id ? l10n.t('Agent {0} took over', id) : l10n.t('An agent took over')),
    unreadableEvents: (count) => (count === 1 ? l10n.t('1 event could not be read.') : l10n.t('{0} events could not be read.', count)),
  };
}
