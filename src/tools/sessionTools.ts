// The chat's read-only session tools (package.json contributes.languageModelTools), registered
// with VS Code's language-model API. Only the VS Code side lives here: what each tool reads and
// answers is model/chat/chatTools.ts, tested in Node. They read through the same client as the sidebar
// (services/connection.ts), so they count against the same budget of 100 requests a minute.
// The answers' code is loaded on the first call (chatToolsPart.ts).
import * as vscode from 'vscode';
import type { CurrentClient, OpenCxClient } from '../api/client';
import type { ChatToolKind } from '../model/chat/chatTools';
import { withAbortSignal } from '../ui/cancellation';
import { CHAT_TOOLS } from '../ui/ids';
import { loadOnFirstUse, type SharedLocale } from '../ui/lazyParts';
import { markdownText } from '../ui/plainText';
import type { ChatToolsPart } from './chatToolsPart';

class SessionTool implements vscode.LanguageModelTool<unknown> {
  constructor(
    private readonly kind: ChatToolKind,
    private readonly client: CurrentClient,
    private readonly part: () => Promise<ChatToolsPart>,
  ) {}

  /** What the chat shows while the tool runs. The input is the model's and may quote customer text: it reads as text, never as Markdown. */
  async prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<unknown>): Promise<vscode.PreparedToolInvocation> {
    const { invocationMessage } = await this.part();
    return { invocationMessage: new vscode.MarkdownString(markdownText(invocationMessage(this.kind, options.input))) };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<unknown>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const { answerTool, failureAnswer } = await this.part();
    try {
      const text = await withAbortSignal(token, async (signal) => {
        let client: OpenCxClient | undefined;
        try {
          client = await this.client();
        } catch (error) {
          // A stored key with a base URL the client refuses (ApiError 'configuration'): its message says which.
          return failureAnswer(error);
        }
        return answerTool(this.kind, client, options.input, signal);
      });
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
    } catch (error) {
      // answerTool rejects only when cancelled; VS Code expects its own error for that.
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      throw error;
    }
  }
}

export function registerSessionTools(client: CurrentClient, locale: SharedLocale): vscode.Disposable {
  const part = loadOnFirstUse(async () => (await import('./chatToolsPart.js')).chatToolsPart(locale));
  const kinds = Object.keys(CHAT_TOOLS) as ChatToolKind[];
  return vscode.Disposable.from(...kinds.map((kind) => vscode.lm.registerTool(CHAT_TOOLS[kind], new SessionTool(kind, client, part))));
}
