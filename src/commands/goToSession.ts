// "Go to Session…": open any session by its pasted id.
import * as vscode from 'vscode';
import { parseSessionId } from '../api/ids';
import type { SessionPanels } from '../views/sessionPanel';

export async function goToSession(panels: SessionPanels): Promise<void> {
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
  if (id) await panels.showById(id);
}
