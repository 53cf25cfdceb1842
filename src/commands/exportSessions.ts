// Export Sessions…: a group (with the active filter), everything the view shows, the selected
// rows, or the session a panel shows, to JSON Lines, CSV or JSON; asked step by step, then written
// with a progress notification that counts, shows rate-limit waits and cancels. The writing itself
// is model/export.
import * as vscode from 'vscode';
import type { OpenCxClient } from '../api/client';
import { ApiError } from '../api/errors';
import type { Session } from '../api/schemas';
import { ExportFile } from '../model/export/exportFile';
import { exportFileName, type ExportSubject } from '../model/export/exportFileName';
import { EXPORT_FORMATS, exportFormat, type ExportFormat, type ExportFormatName } from '../model/export/exportFormats';
import { exportSessions as runExport, type ExportResult, type ExportRun, type ExportSink } from '../model/export/exportSessions';
import type { ExportClient, ExportProgress, ExportSource } from '../model/export/exportWalk';
import type { ShownSession } from '../model/history/openSession';
import { groupQueries, type SessionFilter } from '../model/tree/sessionFilter';
import type { GroupedBy } from '../model/tree/treeNodes';
import { realScheduler } from '../model/watching/scheduler';
import { withAbortSignal } from '../ui/cancellation';
import { showError, showInformation, withProgress } from '../ui/notifications';
import { askTarget, EDITOR_LIMIT_BYTES, EditorSink } from './exportDestination';
import { askKeepPartial, CONFIRM_ABOVE, confirmMany, confirmMore, pickEveryPage, pickFormat, pickHistory } from './exportPicks';

/** What is exported: a group's sessions, every session the view shows, the rows selected, or the session a panel shows. */
export type ExportRequest =
  | { groupedBy?: GroupedBy; filter: SessionFilter; loaded: Session[]; more: boolean }
  | { selection: Session[]; filter: SessionFilter }
  | { shown: ShownSession };

/** What the session panels show, by session id: a panel's Export names its session by id, as text. */
export interface ShownSessions {
  shownSession(id: string): ShownSession | undefined;
}

/** The answers given in advance (tests, keybindings): each skips its question. */
export interface ExportAnswers {
  format?: ExportFormatName;
  everyPage?: boolean;
  withHistory?: boolean;
  target?: vscode.Uri;
  keepPartial?: boolean;
}

export interface ExportContext {
  client: () => Promise<OpenCxClient | undefined>;
  state: vscode.Memento;
}

/** Reads answers given as a command argument, keeping only what is well formed. */
export function readExportAnswers(value: unknown): ExportAnswers {
  if (typeof value !== 'object' || value === null) return {};
  const { format, everyPage, withHistory, target, keepPartial } = value as Record<string, unknown>;
  const flag = (item: unknown) => (typeof item === 'boolean' ? item : undefined);
  return {
    format: EXPORT_FORMATS.find((name) => name === format),
    everyPage: flag(everyPage),
    withHistory: flag(withHistory),
    target: target instanceof vscode.Uri ? target : undefined,
    keepPartial: flag(keepPartial),
  };
}

/** Resolves once the export is written, cancelled or stopped, and the user told. */
export async function exportSessions(context: ExportContext, request: ExportRequest, answers: ExportAnswers = {}): Promise<ExportResult | undefined> {
  if ('shown' in request) return exportShown(context, request.shown, answers);
  const client = await context.client();
  if (!client) return void showInformation(vscode.l10n.t('Set an API token first.'));
  const selection = 'selection' in request;
  const loaded = selection ? request.selection : request.loaded;
  const format = answers.format ?? (await pickFormat());
  if (!format) return undefined;
  const everyPage = !selection && (answers.everyPage ?? (await pickEveryPage(loaded.length, request.more)));
  if (everyPage === undefined) return undefined;
  const withHistory = exportFormat(format).takesHistory && (answers.withHistory ?? (await pickHistory(loaded.length, everyPage)));
  if (withHistory === undefined) return undefined;
  if (!everyPage && loaded.length > CONFIRM_ABOVE && withHistory && !(await confirmMany(loaded.length, loaded.length))) return undefined;
  const source: ExportSource = everyPage && !selection ? { queries: groupQueries(request.groupedBy ?? {}, request.filter) } : { sessions: loaded };
  const subject: ExportSubject = selection ? { filter: request.filter, selection } : { groupedBy: request.groupedBy, filter: request.filter };
  const toEditor = !answers.target && 'sessions' in source && !withHistory && fitsEditor(written(exportFormat(format), loaded));
  const target = answers.target ?? (toEditor ? undefined : await askTarget(context.state, exportFileName(subject, format), format));
  if (!toEditor && !target) return undefined;
  const started = performance.now();
  const confirmBeyond = 'queries' in source ? { count: CONFIRM_ABOVE, ask: () => confirmMore(CONFIRM_ABOVE, performance.now() - started) } : undefined;
  return write(source, { client, format: exportFormat(format), withHistory, confirmBeyond }, target, answers);
}

/** A panel's session and the history it loaded, as they are: the server is asked nothing, so no token is needed. */
async function exportShown(context: ExportContext, shown: ShownSession, answers: ExportAnswers): Promise<ExportResult | undefined> {
  const format = answers.format ?? (await pickFormat());
  if (!format) return undefined;
  const writer = exportFormat(format);
  const toEditor = !answers.target && fitsEditor([writer.start(), writer.session(shown.session, 0, shown.history), writer.end()]);
  const target = answers.target ?? (toEditor ? undefined : await askTarget(context.state, exportFileName({ session: shown.session }, format), format));
  if (!toEditor && !target) return undefined;
  return write({ shown }, { client: ASKS_NOTHING, format: writer, withHistory: true }, target, answers);
}

/** The client of a panel's export, which the walk never calls: the panel holds the session and its history. */
const refuse = () => Promise.reject(new ApiError('invalidResponse', 'A panel\'s export asks the server nothing.'));
const ASKS_NOTHING: ExportClient = { listSessions: refuse, listHistory: refuse };

/** Writes the export to `target` (an untitled editor without one) under a progress notification, then tells how it ended. */
async function write(
  source: ExportSource,
  run: Pick<ExportRun, 'client' | 'format' | 'withHistory' | 'confirmBeyond'>,
  target: vscode.Uri | undefined,
  answers: ExportAnswers,
): Promise<ExportResult> {
  const sink: ExportSink = target ? await ExportFile.create(target.fsPath) : new EditorSink(run.format.name);
  const result = await withProgressNotification((signal, onProgress) =>
    runExport(source, {
      ...run,
      signal,
      scheduler: realScheduler,
      onProgress,
      keepPartial: async ({ exported, error }) => answers.keepPartial ?? askKeepPartial(exported, error.message),
    }, sink),
  );
  void tell(result, target);
  return result;
}

/** The loaded rows as `format` writes them, one piece at a time. */
function* written(format: ExportFormat, sessions: readonly Session[]): Generator<string> {
  yield format.start();
  for (const [index, session] of sessions.entries()) yield format.session(session, index);
}

/** Whether an export of these pieces is small enough for an editor (measured, not kept). */
function fitsEditor(pieces: Iterable<string>): boolean {
  let size = 0;
  for (const piece of pieces) {
    size += piece.length;
    if (size > EDITOR_LIMIT_BYTES) return false;
  }
  return true;
}

function withProgressNotification<T>(work: (signal: AbortSignal, onProgress: (progress: ExportProgress) => void) => Promise<T>): Thenable<T> {
  const options = { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting sessions'), cancellable: true };
  return withProgress(options, (progress, token) =>
    withAbortSignal(token, (signal) => {
      let shown = -1;
      return work(signal, ({ exported, waiting }) => {
        if (waiting) {
          const seconds = Math.ceil(waiting.ms / 1000);
          const why = waiting.rateLimited ? vscode.l10n.t('{0} exported; waiting {1} s for the rate limit', exported, seconds) : vscode.l10n.t('{0} exported; trying again in {1} s', exported, seconds);
          progress.report({ message: why });
        } else if (exported - shown >= 25 || shown < 0) {
          shown = exported;
          progress.report({ message: vscode.l10n.t('{0} sessions exported', exported) });
        }
      });
    }),
  );
}

async function tell(result: ExportResult, target: vscode.Uri | undefined): Promise<void> {
  const where = target ? target.fsPath : vscode.l10n.t('an editor');
  if (result.kind === 'complete') {
    const exported = result.exported === 1 ? vscode.l10n.t('Exported 1 session to {0}.', where) : vscode.l10n.t('Exported {0} sessions to {1}.', result.exported, where);
    return void showInformation(exported);
  }
  if (result.kept) return void showInformation(vscode.l10n.t('Kept the {0} sessions exported before the export stopped, in {1}.', result.exported, where));
  if (result.error.kind === 'cancelled') return void showInformation(vscode.l10n.t('Export cancelled: nothing was written.'));
  void showError(vscode.l10n.t('The export stopped: {0} Nothing was written.', result.error.message));
}
