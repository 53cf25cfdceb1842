// What the session page suites share: a session and its history as the API sends them, the page
// rendered from them at a fixed time, and readers for the page's text and JSON block.
import * as assert from 'node:assert/strict';
import { parseHistoryPage, parseSession, type HistoryEvent, type Session } from '../../src/api/schemas';
import type { HistoryView } from '../../src/views/page/historyHtml';
import { renderSessionPage, type PageResources, type SessionPageState } from '../../src/views/page/sessionPage';

export const HOSTILE = '<img src=x onerror=alert(1)>';
export const HOSTILE_ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';
export const NOW = Date.parse('2025-03-01T12:00:00Z');

export const resources: PageResources = {
  nonce: 'bm9uY2Utb2YtdGhlLXRlc3Q=',
  script: "(() => { /* dist/session.js */ })();",
  style: 'body { margin: 0; } /* media/session.css */',
  lang: 'en',
};

export function session(overrides: Record<string, unknown> = {}): Session {
  return parseSession({
    id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    status: 'open',
    channel: { type: 'web' },
    ticket_number: 123,
    created_at: '2025-03-01T09:00:00Z',
    updated_at: '2025-03-01T10:00:00Z',
    contact: { name: 'Ada Berg', email: 'ada@example.com' },
    ...overrides,
  });
}

export function events(...items: unknown[]): HistoryEvent[] {
  return parseHistoryPage({ items, next: null }).items;
}

export function message(text: string | null, sender: { type: string | null; name: string | null } = { type: 'contact', name: 'Ada' }, extra = {}) {
  return {
    id: `e-${Math.random()}`,
    created_at: '2025-03-01T11:00:00Z',
    event: { type: 'message', sender, content: { type: 'text', text }, attachments: [], context: null, ...extra },
  };
}

export const noHistory: HistoryView = { events: [], loaded: true, hasOlder: false, busy: false, unreadable: 0, error: undefined };

export function page(state: Partial<SessionPageState> = {}, history: Partial<HistoryView> = {}): string {
  return renderSessionPage(
    { session: session(), refreshing: false, error: undefined, ...state, history: { ...noHistory, ...history } },
    resources,
    { now: NOW, locale: 'en-US' },
  );
}

/** The text a reader sees (and copies) in an HTML fragment: tags removed, entities decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The inside of the page's <pre class="json">; API text cannot close it early, its "<" is escaped. */
export function jsonBlock(html: string): string {
  const match = /<pre class="json" id="json">([\s\S]*?)<\/pre>/.exec(html);
  assert.ok(match, 'the page has a JSON block');
  return match[1]!;
}
