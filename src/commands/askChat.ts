// Ask Chat About This Session: opens VS Code's chat with "#opencxSession <id> " in its input, so the
// user only types the question; the chat then reads the session through the extension's tools
// (src/tools). Where this VS Code has no chat, or AI features are turned off, it says so.
import * as vscode from 'vscode';
import { parseSessionId } from '../api/ids';
import { sessionChatQuery } from '../model/chat/chatQuery';
import { CHAT_OPEN_COMMAND } from '../ui/ids';
import { showError, showInformation, showWarning } from '../ui/notifications';

/** What happened, returned to whoever ran the command (the tests read it). */
export type AskChatOutcome = 'opened' | 'nothingSelected' | 'chatUnavailable' | 'failed';

/** Opens the chat about the sessions `ids` (text from a panel, a link or the tree). */
export async function askChat(ids: readonly string[]): Promise<AskChatOutcome> {
  const sessions = ids.map(parseSessionId).filter((id) => id !== undefined);
  if (sessions.length === 0) {
    void showInformation(vscode.l10n.t('Select one or more sessions in the open.cx view first.'));
    return 'nothingSelected';
  }
  const unavailable = await whyChatIsUnavailable();
  if (unavailable) {
    void showWarning(unavailable);
    return 'chatUnavailable';
  }
  try {
    // isPartialQuery: the text goes into the input box and waits for the question; agent mode is
    // where the chat calls tools.
    await vscode.commands.executeCommand(CHAT_OPEN_COMMAND, { query: sessionChatQuery(sessions), isPartialQuery: true, mode: 'agent' });
    return 'opened';
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    void showError(vscode.l10n.t('Could not open the chat: {0}', detail));
    return 'failed';
  }
}

/** A sentence saying why this VS Code cannot open its chat; undefined when it can. */
async function whyChatIsUnavailable(): Promise<string | undefined> {
  if (vscode.workspace.getConfiguration('chat').get<boolean>('disableAIFeatures') === true) {
    return vscode.l10n.t('The chat is not available: AI features are turned off in this VS Code (setting chat.disableAIFeatures). Turn them on to ask the chat about open.cx sessions.');
  }
  if (!(await vscode.commands.getCommands(true)).includes(CHAT_OPEN_COMMAND)) {
    return vscode.l10n.t('The chat is not available in this VS Code, so it cannot be asked about open.cx sessions. It needs a VS Code with chat and a chat extension installed.');
  }
  return undefined;
}
