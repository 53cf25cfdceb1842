// The extension's settings, read in one place.
import * as vscode from 'vscode';
import { DEFAULT_BASE_URL } from './api/client';

export const SECTION = 'opencx';

export function apiBaseUrl(): string {
  const value = vscode.workspace.getConfiguration(SECTION).get<string>('apiBaseUrl', DEFAULT_BASE_URL).trim();
  return value || DEFAULT_BASE_URL;
}

export function affects(event: vscode.ConfigurationChangeEvent, setting: string): boolean {
  return event.affectsConfiguration(`${SECTION}.${setting}`);
}
