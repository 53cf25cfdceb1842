// A failed read as the chat's session tools tell it, in two parts. Outside the customer content, a
// sentence of the extension's own, made only of what the extension knows for itself: the kind of
// error, the HTTP status, the wait. The error's text is never written there, since it may quote
// the server (the message of an error body, a schema path in an unreadable response): it goes
// inside the customer content as one data line, the block's last, where no text can close the fence.
// No VS Code here: tested in Node against the stand-in.
import * as l10n from '@vscode/l10n';
import { ApiError, formatWait } from '../../api/errors';
import { customerContent, cutText, dataLine, OUTPUT_LIMITS } from './chatContent';

/** The error as a line of customer content: its kind, its HTTP status and its text. */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return dataLine({
    error: error instanceof ApiError ? error.kind : 'unexpected',
    httpStatus: error instanceof ApiError ? error.status : undefined,
    message: cutText(message, OUTPUT_LIMITS.textChars),
  });
}

/** What happened and what to do, in the extension's words only; it points to the error line. */
export function failureSentence(error: unknown): string {
  const [happened, next] = error instanceof ApiError ? kindSentences(error) : [l10n.t('an unexpected error occurred'), ''];
  const status = error instanceof ApiError && error.status !== undefined ? l10n.t('{0} (HTTP {1}).', happened, error.status) : `${happened}.`;
  const where = l10n.t('The error\'s own text is the last line of the customer content.');
  return [status, next, where].filter((part) => part !== '').join(' ');
}

/** A failure that is the whole answer: the sentence, and the error line as the only customer content. */
export function failureAnswer(error: unknown): string {
  return `${l10n.t('Reading open.cx failed: {0}', failureSentence(error))}\n\n${customerContent([errorLine(error)])}`;
}

/** What an error of this kind means, and what to do about it. */
function kindSentences(error: ApiError): [happened: string, next: string] {
  const askAgain = l10n.t('Try again in a moment.');
  switch (error.kind) {
    case 'unauthorized':
      return [l10n.t('open.cx refused the API key'), l10n.t('Tell the user to run the command "open.cx: Set API Token" with a valid key, then ask again.')];
    case 'forbidden':
      return [
        l10n.t('The API key is not allowed to read chat sessions'),
        l10n.t('It needs the chat-sessions:read scope: tell the user to check the key\'s scopes in the open.cx dashboard, or to run the command "open.cx: Set API Token" with another key.'),
      ];
    case 'notFound':
      return [l10n.t('open.cx has no such resource'), l10n.t('Check the id, or find sessions with opencx_searchSessions or opencx_listSessions.')];
    case 'badRequest':
      return [l10n.t('open.cx refused the request'), l10n.t('Check the input against the tool\'s description.')];
    case 'rateLimited':
      return [
        l10n.t('open.cx\'s limit of 100 requests a minute was reached'),
        error.retryAfterMs === undefined ? askAgain : l10n.t('Try again in {0}.', formatWait(error.retryAfterMs)),
      ];
    case 'server':
      return [l10n.t('open.cx had a problem answering'), askAgain];
    case 'timeout':
      return [l10n.t('open.cx did not answer in time'), askAgain];
    case 'network':
      return [l10n.t('open.cx could not be reached'), l10n.t('Tell the user to check the connection and the opencx.apiBaseUrl setting.')];
    case 'invalidResponse':
      return [l10n.t('open.cx sent a response the extension cannot read'), l10n.t('Try again; if it persists, the API may have changed.')];
    case 'configuration':
      return [l10n.t('The extension\'s open.cx settings cannot be used'), l10n.t('Tell the user to check the opencx.apiBaseUrl setting and the API key.')];
    case 'cancelled':
      return [l10n.t('The request was cancelled'), ''];
  }
}
