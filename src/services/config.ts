// The extension's settings, read in one place.
import * as vscode from 'vscode';
import { DEFAULT_BASE_URL } from '../api/baseUrl';
import { GROUPINGS, type Grouping } from '../model/tree/treeNodes';

export const SECTION = 'opencx';

/** The server proposed for a new account; each account keeps its own. */
export function apiBaseUrl(): string {
  const value = vscode.workspace.getConfiguration(SECTION).get<string>('apiBaseUrl', DEFAULT_BASE_URL).trim();
  return value || DEFAULT_BASE_URL;
}

export function groupBy(): Grouping {
  const value = vscode.workspace.getConfiguration(SECTION).get<string>('groupBy', 'status/channel');
  return (GROUPINGS as readonly string[]).includes(value) ? (value as Grouping) : 'status/channel';
}

/**
 * Sets the grouping where it takes effect: in the workspace's settings if they already set one
 * (a user-level value would stay hidden behind it), otherwise in the user's. The default is
 * written as no value, so settings.json keeps only what the user chose.
 */
export async function setGroupBy(grouping: Grouping): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspected = config.inspect<string>('groupBy');
  const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const value = target === vscode.ConfigurationTarget.Global && grouping === inspected?.defaultValue ? undefined : grouping;
  await config.update('groupBy', value, target);
}

/** Whether session ids in editors become links with a hover. */
export function sessionLinks(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('sessionLinks', true) !== false;
}

/** Seconds between rounds of watching (at least MIN_INTERVAL_S; model/watching/watchSchedule.ts keeps to it). */
export function watchInterval(): number {
  return vscode.workspace.getConfiguration(SECTION).get<number>('watchInterval', 60);
}

export type NotifyMode = 'off' | 'handedOff' | 'allNew';

/** Which sessions found by watching get a notification. */
export function notifyMode(): NotifyMode {
  const value = vscode.workspace.getConfiguration(SECTION).get<string>('notify', 'off');
  return value === 'handedOff' || value === 'allNew' ? value : 'off';
}

export function affects(event: vscode.ConfigurationChangeEvent, setting: string): boolean {
  return event.affectsConfiguration(`${SECTION}.${setting}`);
}
