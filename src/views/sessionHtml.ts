// The session panel's page as plain strings: no VS Code here, so it runs (and is tested) in Node.
//
// The page is built whole from the panel's state each time something changes; media/session.js
// only adds behaviour (collapsing, buttons) and keeps what the user did to the page (collapsed
// nodes, scroll, focus) across rebuilds. Every value that came from the API reaches the page
// through escapeHtml, as text: names, messages and keys are written by customers and may hold markup.
import type { HistoryEvent, Session } from '../api/schemas';
import { channelLabel, formatAge, sessionLabel, statusLabel } from '../model/labels';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * The JSON text the panel shows, copies and opens in an editor: one formatting everywhere.
 * JSON nested thousands of levels deep exhausts the stack of JSON.stringify; it is reported, not thrown.
 */
export function prettyJson(value: unknown, indent = 2): string {
  try {
    return JSON.stringify(value, null, indent) ?? 'null';
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return `"${TOO_DEEP}"`;
  }
}

const TOO_DEEP = '(nested too deeply to show)';
/** Deeper objects are shown as one line of JSON: rendering them node by node would exhaust the stack. */
const MAX_RENDER_DEPTH = 100;

/** 128 random bits for the Content-Security-Policy nonce, base64 as CSP expects. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

// ---------------------------------------------------------------------------------------------
// Messages the page may send. Anything else (unknown type, not an object) is ignored.

export const WEBVIEW_MESSAGE_TYPES = ['copyId', 'copyJson', 'refresh', 'openJson', 'loadOlder', 'retryHistory', 'setToken'] as const;
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

// ---------------------------------------------------------------------------------------------
// What the page shows.

/** The words of the page; the extension passes translated ones, tests use ENGLISH. */
export interface PanelText {
  sessionActions: string;
  refresh: string;
  refreshing: string;
  copyId: string;
  copyJson: string;
  openJson: string;
  retry: string;
  setToken: string;
  /** Title of a restored panel until its session is back. */
  pendingTitle: string;
  loadingSession: string;
  json: string;
  jsonNote: string;
  expandAll: string;
  collapseAll: string;
  root: string;
  history: string;
  historyNote: string;
  loadingHistory: string;
  loadOlder: string;
  loadingOlder: string;
  noHistory: string;
  attachments: string;
  unknownSender: string;
  updated: (age: string) => string;
  /** Shown beside a collapsed object or array, e.g. "3 keys". */
  entries: (count: number, isArray: boolean) => string;
  senderType: (type: string) => string;
  /** For an event without text, e.g. a handoff: says what it was. */
  noText: (eventType: string | null) => string;
  unreadableEvents: (count: number) => string;
}

const ENGLISH_SENDERS = new Map([
  ['contact', 'Contact'],
  ['ai', 'AI'],
  ['agent', 'Agent'],
  ['system', 'System'],
]);

export const ENGLISH: PanelText = {
  sessionActions: 'Session actions',
  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  copyId: 'Copy ID',
  copyJson: 'Copy JSON',
  openJson: 'Open in Editor',
  retry: 'Retry',
  setToken: 'Set API Token',
  pendingTitle: 'open.cx session',
  loadingSession: 'Loading session…',
  json: 'JSON',
  jsonNote: 'as the server sent it',
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  root: 'session',
  history: 'History',
  historyNote: 'newest first',
  loadingHistory: 'Loading history…',
  loadOlder: 'Load older',
  loadingOlder: 'Loading…',
  noHistory: 'No messages in this session.',
  attachments: 'Attachments',
  unknownSender: 'Unknown sender',
  updated: (age) => `updated ${age}`,
  entries: (count, isArray) => (isArray ? (count === 1 ? '1 item' : `${count} items`) : count === 1 ? '1 key' : `${count} keys`),
  senderType: (type) => ENGLISH_SENDERS.get(type) ?? type,
  noText: (eventType) => (eventType ? `(${eventType} event without text)` : '(event without text)'),
  unreadableEvents: (count) => (count === 1 ? '1 event could not be read.' : `${count} events could not be read.`),
};

/** An error as the page shows it, with a retry button and, when a new token is the fix, "Set API Token". */
export interface InlineError {
  message: string;
  canSetToken: boolean;
}

export interface HistoryView {
  events: readonly HistoryEvent[];
  /** True once a first page arrived. */
  loaded: boolean;
  hasOlder: boolean;
  /** Which page is being fetched: the newest (first open, refresh) or the next older one. */
  busy: 'newest' | 'older' | false;
  unreadable: number;
  error: InlineError | undefined;
}

export interface SessionPageState {
  session: Session;
  refreshing: boolean;
  error: InlineError | undefined;
  history: HistoryView;
}

export interface PageResources {
  /** `webview.cspSource`: the origin the webview serves the extension's files from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** BCP 47 language of the page (VS Code's display language). */
  lang: string;
}

export interface RenderOptions {
  text?: PanelText;
  now?: number;
  /** Locale for dates; the runtime's default when absent. */
  locale?: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  // Nothing but the one script and stylesheet: no inline code or styles, no images, fonts,
  // frames or connections, and no <base> or form that could point elsewhere.
  return [`default-src 'none'`, `style-src ${cspSource}`, `script-src 'nonce-${nonce}'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

export function renderSessionPage(state: SessionPageState, resources: PageResources, options: RenderOptions = {}): string {
  const text = options.text ?? ENGLISH;
  const now = options.now ?? Date.now();
  const { session } = state;
  const label = sessionLabel(session);
  return `${pageHead(label, resources, session.id)}
<header class="header">
<h1 id="title" tabindex="-1">${escapeHtml(label)}</h1>
<p class="summary">${renderSummary(session, text, now)}</p>
<p class="session-id"><code>${escapeHtml(session.id)}</code></p>
<div class="actions" role="toolbar" aria-label="${escapeHtml(text.sessionActions)}">
${button('refresh', state.refreshing ? text.refreshing : text.refresh, { disabled: state.refreshing })}
${button('copyId', text.copyId, { title: session.id })}
${button('copyJson', text.copyJson, { secondary: true })}
${button('openJson', text.openJson, { secondary: true })}
</div>
</header>
${state.error ? renderError(state.error, 'refresh', text) : ''}
<main>
<section class="json-section" aria-labelledby="json-heading"${state.refreshing ? ' aria-busy="true"' : ''}>
<div class="section-head">
<h2 id="json-heading" tabindex="-1">${escapeHtml(text.json)}</h2>
<span class="note">${escapeHtml(text.jsonNote)}</span>
<span class="section-actions">
<button type="button" class="link" data-local="expandAll">${escapeHtml(text.expandAll)}</button>
<button type="button" class="link" data-local="collapseAll">${escapeHtml(text.collapseAll)}</button>
</span>
</div>
<pre class="json" id="json">${renderJson(session.raw, text)}</pre>
</section>
${renderHistory(state.history, text, now, options.locale)}
</main>
<script nonce="${escapeHtml(resources.nonce)}" src="${escapeHtml(resources.scriptUri)}"></script>
</body>
</html>
`;
}

/**
 * Everything up to and including <body>. The body carries the session id, which media/session.js
 * keeps in the webview state so that VS Code can restore the panel after a reload.
 */
function pageHead(title: string, resources: PageResources, id: string): string {
  const csp = contentSecurityPolicy(resources.cspSource, resources.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(resources.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(resources.styleUri)}">
<title>${escapeHtml(title)}</title>
</head>
<body data-session-id="${escapeHtml(id)}">`;
}

/** A panel restored after a reload whose session is not back (yet). */
export interface PendingPageState {
  /** The id kept in the webview state. */
  id: string;
  /** The session is being fetched. */
  refreshing: boolean;
  /** Why it could not be fetched. */
  error: InlineError | undefined;
}

/**
 * A panel restored after a reload, before its session is back: "Loading session…", or why it could
 * not be loaded with Retry (and Set API Token when signed out). Never an empty page.
 */
export function renderPendingSessionPage(state: PendingPageState, resources: PageResources, options: RenderOptions = {}): string {
  const text = options.text ?? ENGLISH;
  const body =
    state.error && !state.refreshing
      ? renderError(state.error, 'refresh', text)
      : `<p class="status" role="status">${escapeHtml(text.loadingSession)}</p>`;
  return `${pageHead(text.pendingTitle, resources, state.id)}
<header class="header">
<h1 id="title" tabindex="-1">${escapeHtml(text.pendingTitle)}</h1>
<p class="session-id"><code>${escapeHtml(state.id)}</code></p>
<div class="actions" role="toolbar" aria-label="${escapeHtml(text.sessionActions)}">
${button('refresh', state.refreshing ? text.refreshing : text.refresh, { disabled: state.refreshing })}
${button('copyId', text.copyId, { title: state.id })}
</div>
</header>
<main${state.refreshing ? ' aria-busy="true"' : ''}>
${body}
</main>
<script nonce="${escapeHtml(resources.nonce)}" src="${escapeHtml(resources.scriptUri)}"></script>
</body>
</html>
`;
}

function button(action: WebviewMessageType, label: string, options: { disabled?: boolean; secondary?: boolean; title?: string } = {}): string {
  const classes = options.secondary ? ' class="secondary"' : '';
  const title = options.title ? ` title="${escapeHtml(options.title)}"` : '';
  return `<button type="button"${classes} data-action="${action}"${title}${options.disabled ? ' disabled' : ''}>${escapeHtml(label)}</button>`;
}

function renderError(error: InlineError, retry: WebviewMessageType, text: PanelText): string {
  const setToken = error.canSetToken ? ` ${button('setToken', text.setToken, { secondary: true })}` : '';
  return `<div class="notice error" role="alert"><span class="message">${escapeHtml(error.message)}</span> ${button(retry, text.retry)}${setToken}</div>`;
}

function renderSummary(session: Session, text: PanelText, now: number): string {
  const parts = [escapeHtml(statusLabel(session.status)), escapeHtml(channelLabel(session.channel.type))];
  if (session.ticket_number != null) parts.push(escapeHtml(`#${session.ticket_number}`));
  const updated = session.updated_at ?? session.created_at;
  const age = formatAge(updated, now);
  if (updated && age) parts.push(`<time datetime="${escapeHtml(updated)}" title="${escapeHtml(updated)}">${escapeHtml(text.updated(age))}</time>`);
  return parts.join(' · ');
}

// ---------------------------------------------------------------------------------------------
// JSON. The text of the rendered tree (tags removed, entities decoded) is exactly prettyJson(value):
// toggles draw their arrow and collapsed nodes their "… 3 keys" with CSS, so selecting and
// copying from the page gives valid JSON.

/** A JSON Pointer (RFC 6901) segment: how media/session.js remembers which nodes were collapsed. */
function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Values JSON.stringify leaves out of objects. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

export function renderJson(value: unknown, text: PanelText = ENGLISH): string {
  return renderNode(value, '', '', '', text.root, text, 0);
}

function renderNode(value: unknown, indent: string, path: string, keyHtml: string, name: string, text: PanelText, depth: number): string {
  if (typeof value !== 'object' || value === null) return keyHtml + renderScalar(value);
  if (depth >= MAX_RENDER_DEPTH) return `${keyHtml}<span class="deep">${escapeHtml(prettyJson(value, 0))}</span>`;
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value).filter(([, item]) => !omitted(item));
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${keyHtml}<span class="punct">${open}${close}</span>`;

  const inner = `${indent}  `;
  const children = entries
    .map(([key, item], index) => {
      const childKey = isArray ? '' : `<span class="key">${escapeHtml(JSON.stringify(key))}</span><span class="punct">: </span>`;
      const comma = index < entries.length - 1 ? '<span class="punct">,</span>' : '';
      const childName = isArray ? `${name}[${key}]` : key;
      return `\n${inner}${renderNode(item, inner, `${path}/${pointerSegment(key)}`, childKey, childName, text, depth + 1)}${comma}`;
    })
    .join('');
  const summary = text.entries(entries.length, isArray);
  return (
    `<span class="node" data-path="${escapeHtml(path)}">` +
    `<button type="button" class="toggle" aria-expanded="true" aria-label="${escapeHtml(`${name}, ${summary}`)}"></button>` +
    `${keyHtml}<span class="punct open" data-summary="${escapeHtml(summary)}">${open}</span>` +
    `<span class="body">${children}\n${indent}</span><span class="punct">${close}</span></span>`
  );
}

function renderScalar(value: unknown): string {
  if (typeof value === 'string') return `<span class="string">${escapeHtml(JSON.stringify(value))}</span>`;
  // JSON.stringify writes NaN and Infinity as null, like the copied JSON.
  if (typeof value === 'number') return `<span class="number">${JSON.stringify(value)}</span>`;
  if (typeof value === 'boolean') return `<span class="boolean">${value}</span>`;
  if (typeof value === 'bigint') return `<span class="number">${value}</span>`;
  return '<span class="null">null</span>';
}

// ---------------------------------------------------------------------------------------------
// History.

function renderHistory(history: HistoryView, text: PanelText, now: number, locale: string | undefined): string {
  const parts: string[] = [];
  if (history.error) parts.push(renderError(history.error, 'retryHistory', text));
  if (history.busy === 'newest') parts.push(`<p class="status" role="status">${escapeHtml(text.loadingHistory)}</p>`);
  if (history.events.length > 0) {
    const formatter = dateFormatter(locale);
    parts.push(`<ol class="transcript">\n${history.events.map((event) => renderEvent(event, text, now, formatter)).join('\n')}\n</ol>`);
  } else if (history.loaded && !history.busy && !history.error) {
    parts.push(`<p class="empty">${escapeHtml(text.noHistory)}</p>`);
  }
  if (history.unreadable > 0) parts.push(`<p class="warning">${escapeHtml(text.unreadableEvents(history.unreadable))}</p>`);
  // After a failure the error's Retry is the way on; a second button beside it would only confuse.
  if (history.hasOlder && !(history.error && !history.busy)) {
    const label = history.busy === 'older' ? text.loadingOlder : text.loadOlder;
    parts.push(`<div class="more">${button('loadOlder', label, { disabled: history.busy !== false })}</div>`);
  }
  const busy = history.busy ? ' aria-busy="true"' : '';
  return `<section class="history" aria-labelledby="history-heading"${busy}>
<div class="section-head">
<h2 id="history-heading" tabindex="-1">${escapeHtml(text.history)}</h2>
<span class="note">${escapeHtml(text.historyNote)}</span>
</div>
${parts.join('\n')}
</section>`;
}

function dateFormatter(locale: string | undefined): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    // VS Code's display language may be a tag Intl does not know (e.g. a pseudo-locale).
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }
}

function renderEvent(event: HistoryEvent, text: PanelText, now: number, formatter: Intl.DateTimeFormat): string {
  const sender = event.event?.sender;
  const senderType = sender?.type?.trim();
  const senderName = sender?.name?.trim();
  const who: string[] = [];
  who.push(`<span class="sender-type">${escapeHtml(senderType ? text.senderType(senderType) : text.unknownSender)}</span>`);
  if (senderName) who.push(`<span class="sender-name">${escapeHtml(senderName)}</span>`);

  const time = Date.parse(event.created_at ?? '');
  const when = Number.isNaN(time)
    ? ''
    : ` <time datetime="${escapeHtml(event.created_at!)}" title="${escapeHtml(event.created_at!)}">${escapeHtml(formatter.format(time))}` +
      `<span class="age"> · ${escapeHtml(formatAge(event.created_at, now))}</span></time>`;

  const message = event.event?.content?.text;
  const body =
    message != null && message !== ''
      ? `<div class="text">${escapeHtml(message)}</div>`
      : `<div class="text no-text">${escapeHtml(text.noText(event.event?.type ?? null))}</div>`;

  const names = (event.event?.attachments ?? []).map((attachment) => attachment.name?.trim() || attachment.id || '?');
  const attachments =
    names.length > 0
      ? `<ul class="attachments" aria-label="${escapeHtml(text.attachments)}">${names.map((name) => `<li>${escapeHtml(name)}</li>`).join('')}</ul>`
      : '';

  // The sender type styles the entry; as an attribute value it is escaped like any other text.
  const kind = senderType ? ` data-sender="${escapeHtml(senderType)}"` : '';
  return `<li class="event"${kind}><div class="meta">${who.join(' ')}${when}</div>${body}${attachments}</li>`;
}
