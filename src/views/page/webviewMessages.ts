// What a session page and the extension say to each other, and what the page keeps in its webview
// state. The page's script (src/views/page/pageScript.ts) and the extension both import these types.
// What the page sends is checked like input (an unknown type, not an object: ignored): the page
// runs customer data. No imports: the page's bundle may take this file whole.

/** A page's title and the body's content, less the script (page/sessionPage.ts): what an update replaces. */
export interface PageContent {
  title: string;
  body: string;
}

/** What the extension sends a page whose script runs: the title and body to put in place of its own. */
export interface PageUpdate extends PageContent {
  type: 'update';
}

/** The buttons of the page that ask the extension for something; a button's `data-action`. */
export const PAGE_ACTIONS = ['copyId', 'copyLink', 'copyJson', 'refresh', 'openJson', 'exportSession', 'loadOlder', 'retryHistory', 'setToken', 'switchAccount', 'askChat'] as const;
export type PageAction = (typeof PAGE_ACTIONS)[number];

// `ready` is the page saying its script runs: from then on changes reach it as updates.
export const WEBVIEW_MESSAGE_TYPES = [...PAGE_ACTIONS, 'ready'] as const;
export type WebviewMessageType = (typeof WEBVIEW_MESSAGE_TYPES)[number];
export interface WebviewMessage {
  type: WebviewMessageType;
}

/**
 * What the page keeps in its webview state, so that it survives an update, the page being loaded
 * again and a window reload. VS Code hands it to the extension on a reload, which reads only the
 * session id and the account id (and checks them: the state may come from an older version of the page).
 */
export interface PageState {
  sessionId: string | undefined;
  /** The open.cx account the panel reads its session with. */
  accountId: string | undefined;
  /** JSON Pointers of the collapsed JSON nodes. */
  collapsed: string[];
  scrollY: number;
  /** The action whose button had focus when its request started; focus returns there once the answer is in. */
  focusAction: PageAction | undefined;
  /** The last search hit brought into view (its data-reveal value). */
  revealed: string | undefined;
}

export function isPageAction(value: unknown): value is PageAction {
  return typeof value === 'string' && (PAGE_ACTIONS as readonly string[]).includes(value);
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
