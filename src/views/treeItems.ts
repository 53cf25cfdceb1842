// How each kind of row of the sessions tree looks: label, description, icon, tooltip, command.
// Every text that came from the server is shown as text: it never becomes markup or a link.
import * as vscode from 'vscode';
import { formatWait } from '../api/errors';
import type { Session } from '../api/schemas';
import { formatAge, formatDate, formatTime, sessionDescription, sessionFacts, sessionLabel, visible } from '../model/labels';
import type { GroupedBy, GroupNode, NoticeNode } from '../model/tree/treeNodes';
import { groupIcon, sessionIcon } from '../ui/icons';
import { COMMANDS } from '../ui/ids';
import { markdownText } from '../ui/plainText';

/**
 * `loaded` is what the group has loaded so far, shown as "25+" while more pages exist. `expanded`:
 * the user had it expanded, so a refresh or a window reload draws it expanded again.
 */
export function groupItem(group: GroupNode, loaded: { count: number; more: boolean } | undefined, expanded = false): vscode.TreeItem {
  const item = new vscode.TreeItem(group.label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = group.id;
  item.contextValue = `group.${group.dimension}`;
  item.iconPath = groupIcon(group.dimension, group.value);
  if (loaded) item.description = loaded.more ? `${loaded.count}+` : String(loaded.count);
  return item;
}

/**
 * Without its tooltip: the provider's resolveTreeItem adds sessionTooltip when it is about to show.
 * `groupedBy`: what the row's groups already say (its status, its channel), left out of its description.
 * `isNew`: arrived while watching and not yet looked at.
 */
export function sessionItem(id: string, session: Session, groupedBy: GroupedBy = {}, isNew = false): vscode.TreeItem {
  const item = new vscode.TreeItem(sessionLabel(session), vscode.TreeItemCollapsibleState.None);
  item.id = id;
  const description = sessionDescription(session, groupedBy);
  item.description = isNew ? [NEW_MARK, description].filter(visible).join(' · ') : description;
  item.iconPath = sessionIcon(session);
  item.contextValue = 'session';
  item.command = { command: COMMANDS.openSession, title: vscode.l10n.t('Open Session'), arguments: [session] };
  // A screen reader reads the row whole: its status and channel too, whatever its groups.
  item.accessibilityInformation = {
    label: [isNew ? vscode.l10n.t('new') : '', sessionLabel(session), sessionDescription(session)].filter(visible).join(', '),
  };
  return item;
}

/** The mark of a session that arrived while watching, before its description. */
const NEW_MARK = `● ${vscode.l10n.t('new')}`;

/** `filtered` changes the words of an empty group. */
export function noticeItem(notice: NoticeNode, filtered: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem('', vscode.TreeItemCollapsibleState.None);
  item.id = notice.id;
  item.contextValue = `notice.${notice.kind}`;
  switch (notice.kind) {
    case 'loadMore':
      item.label = vscode.l10n.t('Load more…');
      item.iconPath = new vscode.ThemeIcon('fold-down');
      item.command = { command: COMMANDS.loadMore, title: vscode.l10n.t('Load more'), arguments: [notice] };
      break;
    case 'loading':
      item.label = vscode.l10n.t('Loading…');
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      break;
    case 'empty':
      item.label = filtered ? vscode.l10n.t('No sessions match the filters') : vscode.l10n.t('No sessions');
      item.iconPath = new vscode.ThemeIcon('info');
      break;
    case 'unreadable':
      item.label = vscode.l10n.t('{0} sessions could not be read', notice.unreadable ?? 0);
      item.tooltip = vscode.l10n.t('The server sent items without an id; they cannot be shown or opened.');
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      break;
    default:
      describeFailure(item, notice);
  }
  return item;
}

/** A row that says why a group's rows stopped, and what to do: set a token, wait, or retry. */
function describeFailure(item: vscode.TreeItem, notice: NoticeNode): void {
  const retry = { command: COMMANDS.retry, title: vscode.l10n.t('Retry'), arguments: [notice] };
  const error = notice.error;
  switch (notice.kind) {
    case 'signedOut':
      item.label = vscode.l10n.t('Set API Token…');
      item.description = error?.message;
      item.tooltip = error?.message;
      item.iconPath = new vscode.ThemeIcon('key', new vscode.ThemeColor('list.errorForeground'));
      item.command = { command: COMMANDS.setToken, title: vscode.l10n.t('Set API Token') };
      break;
    case 'rateLimited': {
      const at = new Date(notice.retryAt ?? Date.now());
      item.label = vscode.l10n.t('Rate limited: retrying at {0}', formatTime(at.getTime()));
      item.description = vscode.l10n.t('waiting {0} · click to retry now', formatWait(error?.retryAfterMs ?? 0));
      item.tooltip = error?.message;
      item.iconPath = new vscode.ThemeIcon('watch', new vscode.ThemeColor('list.warningForeground'));
      item.command = retry;
      break;
    }
    case 'watchFailed':
      item.label = vscode.l10n.t('Could not check for new sessions');
      item.description = vscode.l10n.t('the rows below may be out of date · click to try again');
      item.tooltip = errorTooltip(
        error?.message ?? item.label,
        vscode.l10n.t('Click to read the first page again; loaded sessions stay. Watching also tries again by itself.'),
      );
      item.iconPath = new vscode.ThemeIcon('eye', new vscode.ThemeColor('list.warningForeground'));
      item.command = retry;
      break;
    case 'error':
      item.label = error?.message ?? vscode.l10n.t('Could not load sessions');
      item.description = notice.pages ? vscode.l10n.t('click to retry') : undefined;
      item.tooltip = errorTooltip(item.label);
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
      item.command = notice.pages ? retry : { command: 'workbench.action.openSettings', title: '', arguments: ['opencx.apiBaseUrl'] };
      break;
  }
}

/** The message quotes the server: as escaped text, so a URL or link in it is not one. */
function errorTooltip(message: string, hint = vscode.l10n.t('Click to retry this page; loaded sessions stay.')): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(`${markdownText(message)}\n\n${markdownText(hint)}`);
  tooltip.supportHtml = false;
  tooltip.isTrusted = false;
  return tooltip;
}

/** "Dec 1, 2026, 9:50 PM · 3h ago" in the display language. */
function when(iso: string | undefined): string | undefined {
  return iso === undefined ? undefined : `${formatDate(iso)} · ${formatAge(iso)}`;
}

/** Every value is added as text: names and summaries come from customers and may hold markup. */
export function sessionTooltip(session: Session): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.supportHtml = false;
  tooltip.isTrusted = false;
  // Not appendText: it leaves "<" and "&" alone and bare URLs become links.
  const row = (name: string, value: string | undefined) => {
    if (value !== undefined) tooltip.appendMarkdown(`**${name}:** ${markdownText(value)}  \n`);
  };
  // The facts leave out what the session lacks: sessions of the 2024 document have no ticket,
  // AI closure or sentiment, and may have neither timestamp.
  const facts = sessionFacts(session);
  tooltip.appendMarkdown(`#### ${markdownText(sessionLabel(session))}\n\n`);
  row(vscode.l10n.t('ID'), session.id);
  row(vscode.l10n.t('Ticket'), facts.ticket);
  row(vscode.l10n.t('Status'), facts.status);
  row(vscode.l10n.t('Channel'), facts.channel);
  row(vscode.l10n.t('AI closure'), facts.aiClosure);
  row(vscode.l10n.t('Sentiment'), facts.sentiment);
  row(vscode.l10n.t('Assignee'), facts.assignee);
  row(vscode.l10n.t('Team'), facts.team);
  row(vscode.l10n.t('Handoff'), facts.handoff ?? (facts.handedOff ? vscode.l10n.t('yes') : undefined));
  row(vscode.l10n.t('Created'), when(facts.created));
  row(vscode.l10n.t('Updated'), when(facts.updated));
  return tooltip;
}
