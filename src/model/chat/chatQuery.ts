// What "Ask Chat About This Session" types into the chat for the user. Apart from the tools'
// answers (chatTools.ts), which are loaded only when the chat first calls a tool.

/** The tool reference a user writes in the chat to point it at a session (toolReferenceName of opencx_getSession). */
export const SESSION_TOOL_REFERENCE = '#opencxSession';

/** What "Ask Chat About This Session" puts in the chat's input: the reference, the ids, and a space for the question. */
export function sessionChatQuery(ids: readonly string[]): string {
  return `${SESSION_TOOL_REFERENCE} ${ids.join(' ')} `;
}
