// The chat tools' answers, loaded on the chat's first call of a tool: a bundle of its own (see
// esbuild.js), so that activation does not read code most windows never run.
import { failureAnswer } from '../model/chat/chatFailures';
import { answerTool, invocationMessage } from '../model/chat/chatTools';
import { adoptLocale, type SharedLocale } from '../ui/lazyParts';

export function chatToolsPart(locale: SharedLocale) {
  adoptLocale(locale);
  return { answerTool, failureAnswer, invocationMessage };
}

export type ChatToolsPart = ReturnType<typeof chatToolsPart>;
