// Where an export goes: a file the save dialog names (it proposes a name, and the folder of the
// last export), or an untitled editor when the result is small.
import * as vscode from 'vscode';
import type { ExportFormatName } from '../model/export/exportFormats';
import type { ExportSink } from '../model/export/exportSessions';

/** Results up to this size may open in an untitled editor instead of a file. */
export const EDITOR_LIMIT_BYTES = 1024 * 1024;
const LAST_FOLDER_KEY = 'opencx.export.lastFolder';

const FILTERS: Record<ExportFormatName, Record<string, string[]>> = {
  jsonl: { 'JSON Lines': ['jsonl'] },
  csv: { CSV: ['csv'] },
  json: { JSON: ['json'] },
};

/** The file to write, asked with the proposed name in the last folder used; undefined when the user cancels. */
export async function askTarget(state: vscode.Memento, name: string, format: ExportFormatName): Promise<vscode.Uri | undefined> {
  const last = state.get<string>(LAST_FOLDER_KEY);
  const folder = last ? vscode.Uri.parse(last) : vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: FILTERS[format],
    title: vscode.l10n.t('Export Sessions'),
  });
  if (target) await state.update(LAST_FOLDER_KEY, vscode.Uri.joinPath(target, '..').toString());
  return target;
}

/** The export gathered for an untitled editor, opened once it is complete. */
export class EditorSink implements ExportSink {
  private parts: string[] = [];

  constructor(private readonly format: ExportFormatName) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
  }

  async finish(): Promise<void> {
    // The byte order mark helps spreadsheets read a CSV file; an editor shows it as a stray character.
    const content = this.parts.join('').replace(/^\uFEFF/, '');
    this.parts = [];
    const language = this.format === 'json' ? 'json' : 'plaintext';
    const document = await vscode.workspace.openTextDocument({ content, language });
    await vscode.window.showTextDocument(document);
  }

  async discard(): Promise<void> {
    this.parts = [];
  }
}
