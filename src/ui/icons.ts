// The codicons of statuses, channels and sessions: one table for the tree and the quick picks.
import * as vscode from 'vscode';
import type { Session } from '../api/schemas';

const STATUS_ICONS: Record<string, string> = {
  open: 'circle-large-outline',
  closed_resolved: 'pass',
  closed_unresolved: 'circle-slash',
};

const CHANNEL_ICONS: Record<string, string> = {
  web: 'globe',
  email: 'mail',
  phone_voice: 'call-incoming',
  slack: 'organization',
  sms: 'device-mobile',
  whatsapp: 'comment',
  instagram: 'device-camera',
  messenger: 'comment-discussion',
  api: 'plug',
  web_voice: 'mic',
};

/** A value the server sent that this version does not know gets a neutral icon. */
const UNKNOWN = 'circle-outline';

/** The codicon name of a status or channel value, for `$(name)` in quick-pick labels. */
export function iconName(dimension: 'status' | 'channel', value: string): string {
  const table = dimension === 'status' ? STATUS_ICONS : CHANNEL_ICONS;
  return Object.hasOwn(table, value) ? table[value]! : UNKNOWN;
}

export function groupIcon(dimension: 'status' | 'channel', value: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(iconName(dimension, value));
}

/** Handoff first (someone must act), then sentiment. */
export function sessionIcon(session: Session): vscode.ThemeIcon {
  if (session.handoff || session.ai_closure_type === 'handed_off') {
    return new vscode.ThemeIcon('person', new vscode.ThemeColor('charts.blue'));
  }
  switch (session.sentiment) {
    case 'angry':
      return new vscode.ThemeIcon('flame', new vscode.ThemeColor('charts.red'));
    case 'happy':
      return new vscode.ThemeIcon('smiley', new vscode.ThemeColor('charts.green'));
    case 'neutral':
      return new vscode.ThemeIcon('comment');
    default:
      return new vscode.ThemeIcon('comment-discussion');
  }
}
