// The session panel's page, built whole from the panel's state each time something changes: as a
// page to load, or as its title and body to put in place of those of the page already showing
// (the page's script, src/views/page/pageScript.ts, does that, and keeps what the user did to the page:
// collapsed nodes, scroll, focus). The script only adds behaviour; every element comes from here. No VS Code here: tested
// in Node.
import type { Session } from '../../api/schemas';
import { exactJsonOf } from '../../api/exactJson';
import { firstTime, formatAge, formatDate, sessionFacts, sessionLabel } from '../../model/labels';
import type { SessionHighlight } from '../../model/history/openSession';
import { renderHistory, type HistoryView } from './historyHtml';
import { button, contentSecurityPolicy, escapeHtml, renderError, type InlineError } from './html';
import { renderJson } from './jsonHtml';
import { panelText, type PanelText } from './panelText';
import type { PageContent } from './webviewMessages';

export interface SessionPageState {
  session: Session;
  refreshing: boolean;
  error: InlineError | undefined;
  history: HistoryView;
  /** An event to mark and bring into view (a search hit), when it is among those shown. */
  highlight?: SessionHighlight | undefined;
}

export interface PageResources {
  nonce: string;
  /** The page's script (built to dist/session.js) and media/session.css, written into the page (pageAssets.ts says why). */
  script: string;
  style: string;
  /** BCP 47 language of the page (VS Code's display language). */
  lang: string;
}

export interface RenderOptions {
  text?: PanelText;
  now?: number;
  /** Locale for dates; the runtime's default when absent. */
  locale?: string;
}

export function renderSessionPage(state: SessionPageState, resources: PageResources, options: RenderOptions = {}): string {
  return pageHtml(sessionPageContent(state, options), resources, state.session.id);
}

export function sessionPageContent(state: SessionPageState, options: RenderOptions = {}): PageContent {
  const text = options.text ?? panelText();
  const now = options.now ?? Date.now();
  const { session } = state;
  const label = sessionLabel(session);
  const summary = renderSummary(session, text, now, options.locale);
  const json = exactJsonOf(session);
  const repeated = json.duplicateKeys > 0 ? `\n<p class="warning" role="note">${escapeHtml(text.repeatedKeys(json.duplicateKeys))}</p>` : '';
  const body = `<header class="header">
<h1 id="title" tabindex="-1">${escapeHtml(label)}</h1>
${summary === undefined ? '' : `<p class="summary">${summary}</p>\n`}<p class="session-id"><code>${escapeHtml(session.id)}</code></p>
<div class="actions" role="toolbar" aria-label="${escapeHtml(text.sessionActions)}">
${button('refresh', state.refreshing ? text.refreshing : text.refresh, { disabled: state.refreshing })}
${button('copyId', text.copyId, { title: session.id })}
${button('copyLink', text.copyLink, { secondary: true })}
${button('copyJson', text.copyJson, { secondary: true })}
${button('openJson', text.openJson, { secondary: true })}
${button('exportSession', text.exportSession, { secondary: true, title: text.exportSessionTitle })}
${button('askChat', text.askChat, { secondary: true, title: text.askChatTitle })}
</div>
</header>
${state.error ? renderError(state.error, 'refresh', text) : ''}
<main>
<section class="json-section" aria-labelledby="json-heading"${state.refreshing ? ' aria-busy="true"' : ''}>
<div class="section-head">
<h2 id="json-heading" tabindex="-1">${escapeHtml(text.json)}</h2>
<span class="note">${escapeHtml(json.asSent ? text.jsonNote : text.jsonNoteParsed)}</span>
<span class="section-actions">
<button type="button" class="link" data-local="expandAll">${escapeHtml(text.expandAll)}</button>
<button type="button" class="link" data-local="collapseAll">${escapeHtml(text.collapseAll)}</button>
</span>
</div>${repeated}
<pre class="json" id="json">${renderJson(json.node, text)}</pre>
</section>
${renderHistory(state.history, text, now, options.locale, state.highlight)}
</main>`;
  return { title: label, body };
}

/**
 * The page around `content`, with the script last in the body as it expects: it reads the
 * elements above it. The body carries the session id and the account id, which the script keeps
 * in the webview state so that VS Code can restore the panel, reading from its account, after a reload.
 */
export function pageHtml(content: PageContent, resources: PageResources, id: string, accountId?: string): string {
  const csp = contentSecurityPolicy(resources.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(resources.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${escapeHtml(resources.nonce)}">${resources.style}</style>
<title>${escapeHtml(content.title)}</title>
</head>
<body data-session-id="${escapeHtml(id)}"${accountId ? ` data-account-id="${escapeHtml(accountId)}"` : ''}>
${content.body}
<script nonce="${escapeHtml(resources.nonce)}">${resources.script}</script>
</body>
</html>
`;
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
  return pageHtml(pendingPageContent(state, options), resources, state.id);
}

export function pendingPageContent(state: PendingPageState, options: RenderOptions = {}): PageContent {
  const text = options.text ?? panelText();
  const notice =
    state.error && !state.refreshing
      ? renderError(state.error, 'refresh', text)
      : `<p class="status" role="status">${escapeHtml(text.loadingSession)}</p>`;
  const body = `<header class="header">
<h1 id="title" tabindex="-1">${escapeHtml(text.pendingTitle)}</h1>
<p class="session-id"><code>${escapeHtml(state.id)}</code></p>
<div class="actions" role="toolbar" aria-label="${escapeHtml(text.sessionActions)}">
${button('refresh', state.refreshing ? text.refreshing : text.refresh, { disabled: state.refreshing })}
${button('copyId', text.copyId, { title: state.id })}
</div>
</header>
<main${state.refreshing ? ' aria-busy="true"' : ''}>
${notice}
</main>`;
  return { title: text.pendingTitle, body };
}

/** "Open · Web · #123 · updated 3h ago", leaving out what the session lacks; undefined when it lacks all. */
function renderSummary(session: Session, text: PanelText, now: number, locale: string | undefined): string | undefined {
  const facts = sessionFacts(session);
  const parts = [facts.status, facts.channel, facts.ticket].filter((part) => part !== undefined).map(escapeHtml);
  const updated = firstTime(session.updated_at, session.created_at);
  if (updated) parts.push(`<time datetime="${escapeHtml(updated)}" title="${escapeHtml(formatDate(updated, locale))}">${escapeHtml(text.updated(formatAge(updated, now)))}</time>`);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

