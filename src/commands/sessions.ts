// Opening sessions: "Open Session" on tree rows (one or several selected, or a session or an id
// passed by another command) and "Go to Session…" with a pasted id.
import * as vscode from 'vscode';
import { parseSessionId } from '../api/ids';
import type { Session } from '../api/schemas';
import { findSessionIds, sessionIdAt } from '../model/links/sessionIds';
import { showInformation } from '../ui/notifications';
import { showError } from '../ui/notifications';

/** What opening a session needs of the session panels. */
export interface SessionOpener {
  show(session: Session, options?: { preserveFocus?: boolean; highlightEventId?: string }): void;
  showById(id: string, options?: { highlightEventId?: string }): Promise<void>;
}

/** From a tree item (one or several selected), with a session or an id; without, as Go to Session. */
export async function openSession(opener: SessionOpener, target?: unknown, selected?: unknown): Promise<void> {
  const chosen = Array.isArray(selected) && selected.includes(target) ? selected : [target];
  const sessions = chosen.map(sessionOf).filter((session) => session !== undefined);
  if (sessions.length > 0) {
    for (const session of sessions) opener.show(session, { preserveFocus: true });
    return;
  }
  if (typeof target === 'string') {
    // From another extension or a link: only a session id may become a request path.
    const id = parseSessionId(target);
    if (id) return opener.showById(id);
    void showError(
      vscode.l10n.t('"{0}" is not a session ID. Session IDs are UUIDs like 3c90c3cc-0d44-4b50-8888-8dd25736052a.', target.trim().slice(0, 60)),
    );
    return;
  }
  await goToSession(opener);
}

/** Asks for a session id, offering the one on the clipboard, and opens that session. */
export async function goToSession(opener: SessionOpener): Promise<void> {
  const clipboard = parseSessionId(await vscode.env.clipboard.readText().then((text) => text, () => ''));
  const answer = await vscode.window.showInputBox({
    title: vscode.l10n.t('open.cx: Go to Session'),
    prompt: vscode.l10n.t('Paste the ID of a chat session to open its JSON'),
    placeHolder: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    value: clipboard,
    ignoreFocusOut: true,
    validateInput: (text) => {
      if (!text.trim() || parseSessionId(text)) return undefined;
      return vscode.l10n.t('"{0}" is not a session ID. Session IDs are UUIDs like 3c90c3cc-0d44-4b50-8888-8dd25736052a.', text.trim().slice(0, 60));
    },
  });
  const id = answer && parseSessionId(answer);
  if (id) await opener.showById(id);
}

/**
 * "Open open.cx Session" in an editor: the session id in the selection, else the one under the
 * cursor.
 */
export async function openSessionAtCursor(opener: SessionOpener): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const id = editor && idAtSelection(editor);
  if (!id) {
    void showInformation(vscode.l10n.t('Put the cursor on a session ID (a UUID like 3c90c3cc-0d44-4b50-8888-8dd25736052a), or select one.'));
    return;
  }
  await opener.showById(id);
}

function idAtSelection(editor: vscode.TextEditor): string | undefined {
  const { selection, document } = editor;
  if (!selection.isEmpty) return findSessionIds(document.getText(selection))[0]?.id;
  return sessionIdAt(document.lineAt(selection.active.line).text, selection.active.character)?.id;
}

/** A Session, or the session of a tree node (`{ type: 'session', session }`). */
function sessionOf(value: unknown): Session | undefined {
  const isSession = (candidate: unknown): candidate is Session =>
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof (candidate as Session).id === 'string' &&
    typeof (candidate as Session).raw === 'object' &&
    (candidate as Session).raw !== null;
  if (isSession(value)) return value;
  const node = value as { type?: unknown; session?: unknown } | null | undefined;
  return node?.type === 'session' && isSession(node.session) ? node.session : undefined;
}
