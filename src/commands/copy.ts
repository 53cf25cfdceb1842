// Copy Session ID / Copy Session JSON, for one session or for every selected one.
import * as vscode from 'vscode';
import { parseSessionId } from '../api/ids';
import type { Session } from '../api/schemas';
import type { TreeNode } from '../model/tree/treeNodes';
import { copyToClipboard } from '../ui/clipboard';
import { plainText } from '../ui/plainText';
import { showInformation } from '../ui/notifications';

/**
 * VS Code passes (clicked node, all selected nodes) to tree context-menu commands; from the
 * palette or a keybinding only the selection is known.
 */
export function selectedSessions(view: vscode.TreeView<TreeNode>, clicked?: TreeNode, selected?: readonly TreeNode[]): Session[] {
  const nodes = selected && selected.length > 0 && (!clicked || selected.includes(clicked)) ? selected : clicked ? [clicked] : view.selection;
  return nodes.flatMap((node) => (node.type === 'session' ? [node.session] : []));
}

function nothingSelected(sessions: Session[]): boolean {
  if (sessions.length > 0) return false;
  void showInformation(vscode.l10n.t('Select one or more sessions in the open.cx view first.'));
  return true;
}

/** Copies the links of sessions (deep links a teammate can click), one per line. */
export async function copySessionLinks(ids: string[], linkTo: (id: string) => string): Promise<void> {
  if (ids.length === 0) {
    void showInformation(vscode.l10n.t('Select one or more sessions in the open.cx view first.'));
    return;
  }
  await copyToClipboard(
    ids.map(linkTo).join('\n'),
    ids.length === 1 ? vscode.l10n.t('$(check) Copied the link to session {0}', plainText(ids[0]!)) : vscode.l10n.t('$(check) Copied {0} session links', ids.length),
  );
}

/** Copies one id given as text (from a hover or a link): only a session id is copied. */
export async function copySessionIdText(text: string): Promise<void> {
  const id = parseSessionId(text);
  if (id) await copyToClipboard(id, vscode.l10n.t('$(check) Copied session id {0}', id));
}

export async function copySessionIds(sessions: Session[]): Promise<void> {
  if (nothingSelected(sessions)) return;
  await copyToClipboard(
    sessions.map((session) => session.id).join('\n'),
    sessions.length === 1
      ? vscode.l10n.t('$(check) Copied session id {0}', plainText(sessions[0]!.id))
      : vscode.l10n.t('$(check) Copied {0} session ids', sessions.length),
  );
}

/**
 * The JSON exactly as the server sent it; several sessions become an array. Reading JSON exactly
 * is a part of its own, loaded on first use (see esbuild.js).
 */
export async function copySessionJson(sessions: Session[]): Promise<void> {
  if (nothingSelected(sessions)) return;
  const { exactJsonOf, formatExactJson } = await import('../api/exactJson.js');
  const json =
    sessions.length === 1
      ? exactJsonOf(sessions[0]!).pretty
      : formatExactJson({ kind: 'array', items: sessions.map((session) => exactJsonOf(session).node) });
  await copyToClipboard(
    json,
    sessions.length === 1
      ? vscode.l10n.t('$(check) Copied the JSON of session {0}', plainText(sessions[0]!.id))
      : vscode.l10n.t('$(check) Copied the JSON of {0} sessions', sessions.length),
  );
}
