// The questions Export Sessions… asks: the format, how much (the rows loaded or every page), and
// whether to add each session's history, each saying what it costs within the rate limit.
import * as vscode from 'vscode';
import type { ExportFormatName } from '../model/export/exportFormats';
import { askModal } from '../ui/notifications';

/** An export's requests are background requests: a third of the 100 a minute (api/budget.ts). */
export const EXPORT_REQUESTS_A_MINUTE = Math.floor(100 / 3);
/** Above this many sessions the user confirms, told how long it takes. */
export const CONFIRM_ABOVE = 5_000;

const minutes = (requests: number) => Math.max(1, Math.ceil(requests / EXPORT_REQUESTS_A_MINUTE));

export async function pickFormat(): Promise<ExportFormatName | undefined> {
  const items: (vscode.QuickPickItem & { format: ExportFormatName })[] = [
    { format: 'jsonl', label: vscode.l10n.t('JSON Lines'), description: vscode.l10n.t('each session exactly as sent, one a line') },
    { format: 'csv', label: vscode.l10n.t('CSV'), description: vscode.l10n.t('a row a session, for a spreadsheet') },
    { format: 'json', label: vscode.l10n.t('JSON'), description: vscode.l10n.t('one array') },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Sessions: Format') }))?.format;
}

/** True: every page; false: the rows loaded. Every page comes first, the default. */
export async function pickEveryPage(loaded: number, more: boolean): Promise<boolean | undefined> {
  const items: (vscode.QuickPickItem & { everyPage: boolean })[] = [
    {
      everyPage: true,
      label: vscode.l10n.t('Every page'),
      description: more || loaded === 0 ? vscode.l10n.t('{0} loaded; the rest is fetched to the end', loaded) : vscode.l10n.t('all {0} are loaded', loaded),
    },
    { everyPage: false, label: vscode.l10n.t('The rows loaded'), description: vscode.l10n.t('{0} sessions', loaded) },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Sessions: How Much') }))?.everyPage;
}

/** `count`: the sessions known so far (every page: at least those loaded). */
export async function pickHistory(count: number, everyPage: boolean): Promise<boolean | undefined> {
  const cost = everyPage
    ? vscode.l10n.t('a request or more for each session: {0} or more, at least {1} min', count, minutes(count))
    : vscode.l10n.t('{0} requests or more, at least {1} min', count, minutes(count));
  const items: (vscode.QuickPickItem & { history: boolean })[] = [
    { history: false, label: vscode.l10n.t('Without history') },
    { history: true, label: vscode.l10n.t('With each session\'s history'), description: cost },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Sessions: History') }))?.history;
}

/** Asked before an export of more than CONFIRM_ABOVE sessions whose count is known. */
export async function confirmMany(count: number, requests: number): Promise<boolean> {
  const go = vscode.l10n.t('Export');
  const message = vscode.l10n.t('Export {0} sessions? Within the limit of 100 requests a minute, of which an export takes {1}, it takes about {2} min.', count, EXPORT_REQUESTS_A_MINUTE, minutes(requests));
  return (await askModal(message, go)) === go;
}

/** Asked once an export of every page has written CONFIRM_ABOVE sessions and more follow. */
export async function confirmMore(count: number, elapsedMs: number): Promise<boolean> {
  const go = vscode.l10n.t('Go On');
  const taken = Math.max(1, Math.round(elapsedMs / 60_000));
  const message = vscode.l10n.t('{0} sessions are exported and more follow. Within the limit of 100 requests a minute, of which an export takes {1}, they took {2} min; each further {0} take about as long.', count, EXPORT_REQUESTS_A_MINUTE, taken);
  return (await askModal(message, go)) === go;
}

/** Asked when an export stops with sessions fetched. */
export async function askKeepPartial(exported: number, reason: string): Promise<boolean> {
  const keep = vscode.l10n.t('Keep');
  const message = vscode.l10n.t('The export stopped after {0} sessions: {1} Keep them as a complete file?', exported, reason);
  return (await askModal(message, keep, vscode.l10n.t('Discard'))) === keep;
}
