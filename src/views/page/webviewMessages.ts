// Messages between a session page and the extension. What the page sends is checked like input
// (an unknown type, not an object: ignored): the page runs customer data.

/** A page's title and the body's content, less the script (page/sessionPage.ts): what an update replaces. */
export interface PageContent {
  title: string;
  body: string;
}

/** What the extension sends a page whose script runs: the title and body to put in place of its own. */
export interface PageUpdate extends PageContent {
  type: 'update';
}

// `loaded` is the page saying its script runs in a page just loaded, `updated` that it put an
// update in place (page/pageLoad.ts); the rest are button presses.
export const WEBVIEW_MESSAGE_TYPES = ['copyId', 'copyLink', 'copyJson', 'refresh', 'openJson', 'loadOlder', 'retryHistory', 'setToken', 'askChat', 'loaded', 'updated'] as const;
export type WebviewMessageType = (typeof WEBVIEW_MESSAGE_TYPES)[number];
export interface WebviewMessage {
  type: WebviewMessageType;
}

/**
 * A message from the page as the extension may act on it, or undefined. None of the known
 * messages carries data, so only `type` is read and everything else sent along is dropped.
 */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, 'type')) return undefined;
  const type = (value as { type: unknown }).type;
  if (typeof type !== 'string' || !(WEBVIEW_MESSAGE_TYPES as readonly string[]).includes(type)) return undefined;
  return { type: type as WebviewMessageType };
}
