import * as assert from 'node:assert/strict';
import { parseHistoryPage, parseSession, parseSessionPage, type HistoryEvent, type Session } from '../../src/api/schemas';
import { exactJsonOf, SentJson } from '../../src/api/exactJson';
import type { HistoryView } from '../../src/views/page/historyHtml';
import { contentSecurityPolicy, createNonce, escapeHtml } from '../../src/views/page/html';
import { formatExactJson, nodeOfValue } from '../../src/api/jsonTree';
import { renderJson as renderNode } from '../../src/views/page/jsonHtml';

/** The panel's rendering of a value JSON.parse made, as for a session whose text is not known. */
const renderJson = (value: unknown) => renderNode(nodeOfValue(value));
const prettyJson = (value: unknown) => formatExactJson(nodeOfValue(value));
import { panelText } from '../../src/views/page/panelText';
import {
  pageHtml,
  pendingPageContent,
  renderPendingSessionPage,
  renderSessionPage,
  sessionPageContent,
  type PageResources,
  type SessionPageState,
} from '../../src/views/page/sessionPage';
import { parseWebviewMessage } from '../../src/views/page/webviewMessages';

const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';
const NOW = Date.parse('2025-03-01T12:00:00Z');

const resources: PageResources = {
  nonce: 'bm9uY2Utb2YtdGhlLXRlc3Q=',
  script: "(() => { /* dist/session.js */ })();",
  style: 'body { margin: 0; } /* media/session.css */',
  lang: 'en',
};

function session(overrides: Record<string, unknown> = {}): Session {
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

function events(...items: unknown[]): HistoryEvent[] {
  return parseHistoryPage({ items, next: null }).items;
}

function message(text: string | null, sender: { type: string | null; name: string | null } = { type: 'contact', name: 'Ada' }, extra = {}) {
  return {
    id: `e-${Math.random()}`,
    created_at: '2025-03-01T11:00:00Z',
    event: { type: 'message', sender, content: { type: 'text', text }, attachments: [], context: null, ...extra },
  };
}

const noHistory: HistoryView = { events: [], loaded: true, hasOlder: false, busy: false, unreadable: 0, error: undefined };

function page(state: Partial<SessionPageState> = {}, history: Partial<HistoryView> = {}): string {
  return renderSessionPage(
    { session: session(), refreshing: false, error: undefined, ...state, history: { ...noHistory, ...history } },
    resources,
    { now: NOW, locale: 'en-US' },
  );
}

/** The text a reader sees (and copies) in an HTML fragment: tags removed, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The inside of the page's <pre class="json">; API text cannot close it early, its "<" is escaped. */
function jsonBlock(html: string): string {
  const match = /<pre class="json" id="json">([\s\S]*?)<\/pre>/.exec(html);
  assert.ok(match, 'the page has a JSON block');
  return match[1]!;
}

function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, 'the page has a CSP meta tag');
  return textOf(match[1]!);
}

suite('session panel HTML', () => {
  suite('escaping', () => {
    test('escapeHtml escapes the five HTML-significant characters', () => {
      assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
      assert.equal(escapeHtml('plain ünïcödé 🙂'), 'plain ünïcödé 🙂');
    });

    test('a hostile contact name shows as its characters: title, heading and JSON', () => {
      const html = page({ session: session({ contact: { name: HOSTILE } }) });
      assert.ok(html.includes(`<title>${HOSTILE_ESCAPED}</title>`));
      assert.ok(html.includes(`<h1 id="title" tabindex="-1">${HOSTILE_ESCAPED}</h1>`));
      assert.ok(jsonBlock(html).includes(`&quot;${HOSTILE_ESCAPED}&quot;`));
      assert.ok(!html.includes('<img'), 'no img element anywhere');
      assert.ok(!/\son\w+=/i.test(html.replace(/onerror=alert/g, '')), 'no event handler attributes');
    });

    test('hostile strings in keys, the id, history text, sender names and attachments are escaped', () => {
      const hostileSession = session({ id: `id-${HOSTILE}`, [HOSTILE]: HOSTILE, custom_data: { '"><script>alert(2)</script>': 1 } });
      const history = events(
        message(HOSTILE, { type: HOSTILE, name: HOSTILE }, { attachments: [{ id: 'a', name: HOSTILE, size: 1, type: 'file', url: 'https://x' }] }),
      );
      const html = page({ session: hostileSession, error: { message: HOSTILE, canSetToken: false } }, { events: history });
      assert.ok(!html.includes('<img'));
      assert.ok(!html.includes('<script>'));
      assert.equal(html.match(/<script\b/g)?.length, 1, 'only the extension script');
      assert.ok(html.includes(`<span class="sender-name">${HOSTILE_ESCAPED}</span>`));
      assert.ok(html.includes(`<div class="text">${HOSTILE_ESCAPED}</div>`));
      assert.ok(html.includes(`<li>${HOSTILE_ESCAPED}</li>`));
      assert.ok(html.includes(`data-sender="${HOSTILE_ESCAPED}"`));
      assert.ok(html.includes(`<span class="message">${HOSTILE_ESCAPED}</span>`));
      assert.ok(html.includes(`<code>id-${HOSTILE_ESCAPED}</code>`));
      assert.ok(html.includes('data-path="/custom_data"'));
      assert.ok(html.includes('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;'));
    });

    test('attachment URLs from the API are not linked or loaded', () => {
      const history = events(message('see file', undefined, { attachments: [{ id: 'a', name: 'log.txt', size: 1, type: 'file', url: 'https://files.example.com/a' }] }));
      const html = page({}, { events: history });
      assert.ok(html.includes('<li>log.txt</li>'));
      assert.ok(!html.includes('files.example.com'));
    });
  });

  suite('Content-Security-Policy', () => {
    test('the page carries a strict CSP with the nonce and no unsafe sources', () => {
      const html = page();
      const csp = cspOf(html);
      assert.equal(csp, contentSecurityPolicy(resources.nonce));
      assert.ok(csp.startsWith("default-src 'none'"));
      assert.ok(csp.includes(`script-src 'nonce-${resources.nonce}'`));
      assert.ok(csp.includes(`style-src 'nonce-${resources.nonce}'`));
      assert.ok(!csp.includes('unsafe-inline'));
      assert.ok(!csp.includes('unsafe-eval'));
      assert.ok(!/img-src|font-src|connect-src|frame-src/.test(csp), 'nothing beyond the default for images, fonts, fetches, frames');
    });

    test('one script and one stylesheet, the page\'s own, each with the nonce; no style attribute', () => {
      const html = page({ error: { message: 'x', canSetToken: true } }, { events: events(message('hi')), hasOlder: true });
      const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
      assert.deepEqual(scripts, [`<script nonce="${resources.nonce}">${resources.script}</script>`]);
      const styles = html.match(/<style\b[^>]*>[\s\S]*?<\/style>/g) ?? [];
      assert.deepEqual(styles, [`<style nonce="${resources.nonce}">${resources.style}</style>`]);
      assert.ok(!/\sstyle=/.test(html));
    });

    test('no URL at all: nothing in the page is fetched, and a link in the data is text', () => {
      const html = page({}, { events: events(message('visit https://evil.example/x')) });
      assert.deepEqual([...html.matchAll(/\s(?:src|href)="([^"]*)"/g)], []);
      assert.ok(!/<link\b/.test(html));
      assert.ok(html.includes('visit https://evil.example/x'), 'shown as text');
    });

    test('nonces are random base64 of 128 bits', () => {
      const nonces = new Set(Array.from({ length: 50 }, createNonce));
      assert.equal(nonces.size, 50);
      for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    });
  });

  suite('JSON', () => {
    const cases: [string, unknown][] = [
      ['nested objects and arrays', { a: { b: { c: [1, [2, [3, {}]]] } }, d: [] }],
      ['empty object', {}],
      ['empty array', []],
      ['nulls', { a: null, b: [null, null], c: { d: null } }],
      ['numbers', { int: 0, neg: -12, float: 3.25, exp: 1e21, small: 5e-7, big: 9007199254740993, negZero: -0 }],
      ['booleans', { t: true, f: false }],
      ['unicode and escapes', { 'ключ': 'значение', emoji: '🙂👍🏽', rtl: 'שלום', cjk: '你好', esc: 'q"uote\\back\nline\ttab\u0000\u001f', lone: '\ud800' }],
      ['markup in strings', { html: '</pre><script>alert(1)</script>', amp: 'a & b' }],
      ['a scalar root', 'just a string'],
      ['null root', null],
    ];
    for (const [name, value] of cases) {
      test(`the rendered text equals JSON.stringify(…, null, 2): ${name}`, () => {
        assert.equal(textOf(renderJson(value)), JSON.stringify(value, null, 2));
        assert.equal(textOf(renderJson(value)), prettyJson(value));
      });
    }

    test('the whole page shows the raw JSON, unknown fields included', () => {
      const raw = {
        id: 'abc',
        status: 'snoozed',
        channel: { type: 'carrier_pigeon', region: 'eu-west' },
        priority: 'p1',
        tags: ['vip', 'beta'],
        metrics: { csat: null, turns: 7 },
      };
      const html = page({ session: parseSession(raw) });
      assert.equal(textOf(jsonBlock(html)), JSON.stringify(raw, null, 2));
      assert.ok(html.includes('<span class="key">&quot;priority&quot;</span>'));
      assert.ok(html.includes('<span class="string">&quot;p1&quot;</span>'));
      assert.ok(html.includes('<span class="key">&quot;region&quot;</span>'));
      assert.ok(html.includes('<span class="number">7</span>'));
      assert.ok(html.includes('<span class="null">null</span>'));
      assert.ok(html.includes('snoozed'), 'an unknown status is shown as sent');
    });

    test('a session read from its text shows numbers, key order and repeated keys as sent, the repeats marked', () => {
      const item =
        '{"id":"3c90c3cc-0d44-4b50-8888-8dd25736052a","status":"open","channel":{"type":"web"},"ticket_number":9007199254740993,' +
        '"custom_data":{"b":1,"2":2,"a":3,"huge":1e400,"one":1.0},"o":{"x":1},"o":{"y":2}}';
      const text = `{"items":[${item}],"next":null}`;
      const [sent] = parseSessionPage(JSON.parse(text), new SentJson(text)).items;
      const html = page({ session: sent! });
      const shown = textOf(jsonBlock(html));
      assert.equal(shown, exactJsonOf(sent!).pretty, 'the page shows what Copy JSON and the editor get');
      assert.ok(shown.includes('"ticket_number": 9007199254740993'), 'not rounded to …992');
      assert.match(shown, /"b": 1,\s+"2": 2,\s+"a": 3,\s+"huge": 1e400,\s+"one": 1\.0/);
      assert.match(shown, /"o": \{\s+"x": 1\s+\},\s+"o": \{\s+"y": 2\s+\}/, 'both entries of the repeated key');
      assert.equal((html.match(/class="key duplicate"/g) ?? []).length, 1, 'the repeat is marked');
      assert.ok(html.includes('data-path="/o"') && html.includes('data-path="/o~2"'), 'each entry remembers its own collapsed state');
      assert.ok(html.includes('1 key repeats an earlier key of its object'));
      assert.ok(html.includes('as the server sent it'));
    });

    test('a session whose text is not known says its JSON is as read, not as sent', () => {
      const html = page();
      assert.ok(html.includes('as read from the server'));
      assert.ok(!html.includes('as the server sent it'));
    });

    test('tokens are classed for theme colours', () => {
      const html = renderJson({ s: 'x', n: 1, b: true, z: null });
      for (const kind of ['key', 'string', 'number', 'boolean', 'null', 'punct']) assert.ok(html.includes(`class="${kind}"`), kind);
    });

    test('non-empty objects and arrays get a labelled toggle button; empty ones do not', () => {
      const html = renderJson({ contact: { name: 'A' }, tags: ['x', 'y'], empty: {}, none: [] });
      const toggles = html.match(/<button type="button" class="toggle" aria-expanded="true" aria-label="[^"]*"><\/button>/g) ?? [];
      assert.equal(toggles.length, 3, 'root, contact, tags');
      assert.ok(html.includes('aria-label="session, 4 keys"'));
      assert.ok(html.includes('aria-label="contact, 1 key"'));
      assert.ok(html.includes('aria-label="tags, 2 items"'));
      assert.ok(html.includes('data-summary="2 items"'));
      assert.ok(html.includes('<span class="punct">{}</span>'));
      assert.ok(html.includes('<span class="punct">[]</span>'));
    });

    test('node paths are JSON pointers, escaped as attributes', () => {
      const html = renderJson({ 'a/b': { 'c~d': [{ '"q"': { x: 1 } }] } });
      assert.ok(html.includes('data-path=""'));
      assert.ok(html.includes('data-path="/a~1b"'));
      assert.ok(html.includes('data-path="/a~1b/c~0d"'));
      assert.ok(html.includes('data-path="/a~1b/c~0d/0"'));
      assert.ok(html.includes('data-path="/a~1b/c~0d/0/&quot;q&quot;"'));
      assert.ok(html.includes('aria-label="c~d[0], 1 key"'));
    });
  });

  suite('page', () => {
    test('toolbar: refresh, copy id, copy link, copy JSON, open in editor, ask the chat', () => {
      const html = page();
      for (const action of ['refresh', 'copyId', 'copyLink', 'copyJson', 'openJson', 'askChat']) assert.ok(html.includes(`data-action="${action}"`), action);
      assert.ok(html.includes('title="3c90c3cc-0d44-4b50-8888-8dd25736052a"'));
      assert.ok(html.includes('<p class="summary">Open · Web · #123 · <time datetime="2025-03-01T10:00:00Z"'));
      assert.ok(html.includes('updated 2h ago'));
    });

    test('a failed refresh keeps the JSON and shows the error with Retry (and Set API Token when that is the fix)', () => {
      const html = page({ error: { message: 'open.cx rejected the API token (401: bad key).', canSetToken: true } });
      assert.ok(html.includes('role="alert"><span class="message">open.cx rejected the API token (401: bad key).</span>'));
      assert.ok(html.includes('<button type="button" data-action="refresh">Retry</button>'));
      assert.ok(html.includes('data-action="setToken"'));
      assert.ok(jsonBlock(html).includes('Ada Berg'));

      const network = page({ error: { message: 'Cannot reach api.open.cx.', canSetToken: false } });
      assert.ok(!network.includes('data-action="setToken"'));
    });

    test('while refreshing, the refresh button is disabled and the JSON is still shown', () => {
      const html = page({ refreshing: true });
      assert.ok(html.includes('<button type="button" data-action="refresh" disabled>Refreshing…</button>'));
      assert.ok(html.includes('aria-busy="true"'));
      assert.ok(jsonBlock(html).includes('Ada Berg'));
    });

    test('an update carries the page\'s title and body as a page load would show them, and no script', () => {
      const state: SessionPageState = { session: session({ contact: { name: HOSTILE } }), refreshing: false, error: undefined, history: noHistory };
      const options = { now: NOW, locale: 'en-US' };
      const content = sessionPageContent(state, options);
      assert.equal(content.title, HOSTILE, 'the title is text: the page sets it as text');
      assert.equal(pageHtml(content, resources, state.session.id), renderSessionPage(state, resources, options));
      assert.ok(!/<script\b/.test(content.body), 'the script stays with the page that runs it');
      assert.ok(!content.body.includes(HOSTILE) && content.body.includes(HOSTILE_ESCAPED));

      const pending = { id: state.session.id, refreshing: true, error: undefined };
      assert.equal(pageHtml(pendingPageContent(pending, options), resources, pending.id), renderPendingSessionPage(pending, resources, options));
    });

    test('the page language and translated words are used', () => {
      const html = renderSessionPage(
        { session: session(), refreshing: false, error: undefined, history: noHistory },
        { ...resources, lang: 'de' },
        { text: { ...panelText(), copyId: 'ID kopieren' }, now: NOW },
      );
      assert.ok(html.includes('<html lang="de">'));
      assert.ok(html.includes('>ID kopieren</button>'));
    });
  });

  suite('a panel restored after a reload', () => {
    const id = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

    test('every page carries the session id for the webview state', () => {
      assert.ok(page().includes(`<body data-session-id="${id}">`));
      assert.ok(renderPendingSessionPage({ id, refreshing: true, error: undefined }, resources).includes(`<body data-session-id="${id}">`));
    });

    test('while its session is fetched: "Loading session…", the id, Refresh disabled, the script', () => {
      const html = renderPendingSessionPage({ id, refreshing: true, error: undefined }, resources);
      assert.ok(html.includes('<p class="status" role="status">Loading session…</p>'));
      assert.ok(html.includes(`<code>${id}</code>`));
      assert.ok(html.includes('<button type="button" data-action="refresh" disabled>Refreshing…</button>'));
      assert.ok(html.includes(`<script nonce="${resources.nonce}">${resources.script}</script>`));
      assert.ok(!html.includes('data-action="copyJson"'), 'nothing to copy yet');
    });

    test('signed out or failed: the reason, Retry, and Set API Token when a token is the fix', () => {
      const html = renderPendingSessionPage(
        { id, refreshing: false, error: { message: `Signed out ${HOSTILE}`, canSetToken: true } },
        resources,
      );
      assert.ok(html.includes(`<div class="notice error" role="alert"><span class="message">Signed out ${HOSTILE_ESCAPED}</span> <button type="button" data-action="refresh">Retry</button>`));
      assert.ok(html.includes('data-action="setToken"'));
      assert.ok(!html.includes('Loading session…'));
      assert.ok(!html.includes(HOSTILE));
    });
  });

  suite('history', () => {
    test('a transcript entry: sender type and name, time, text, attachments by name', () => {
      const history = events(
        message('Hello, my invoice is wrong', { type: 'contact', name: 'Ada Berg' }, {
          attachments: [{ id: '1', name: 'invoice.pdf', size: 10, type: 'file', url: 'https://x' }, { id: '2', name: 'screen shot.png', size: 5, type: 'file', url: null }],
        }),
        message('Let me check.', { type: 'ai', name: 'open.cx AI' }),
      );
      const html = page({}, { events: history });
      assert.ok(html.includes('<li class="event" data-sender="contact"><div class="meta"><span class="sender-type">Contact</span> <span class="sender-name">Ada Berg</span>'));
      assert.ok(html.includes('<time datetime="2025-03-01T11:00:00Z"'));
      // The reader's time zone and locale decide how the time reads.
      assert.ok(html.includes(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse('2025-03-01T11:00:00Z'))));
      assert.ok(html.includes(' · 1h ago'));
      assert.ok(html.includes('<div class="text">Hello, my invoice is wrong</div>'));
      assert.ok(html.includes('<ul class="attachments" aria-label="Attachments"><li>invoice.pdf</li><li>screen shot.png</li></ul>'));
      assert.ok(html.includes('<span class="sender-type">AI</span> <span class="sender-name">open.cx AI</span>'));
      assert.ok(html.indexOf('Hello, my invoice') < html.indexOf('Let me check.'), 'kept in the server order (newest first)');
    });

    test('a search hit\'s event is marked and carries the token that brings it into view once', () => {
      const history = events({ ...message('first'), id: 'e1' }, { ...message('the refund'), id: 42 });
      const html = renderSessionPage(
        { session: session(), refreshing: false, error: undefined, history: { ...noHistory, events: history }, highlight: { eventId: '42', reveal: '3' } },
        resources,
        { now: NOW, locale: 'en-US' },
      );
      assert.equal((html.match(/class="event highlighted"/g) ?? []).length, 1);
      assert.match(html, /<li class="event highlighted" data-reveal="3"[^>]*><div class="meta">[\s\S]*?the refund/);
      assert.ok(!page({}, { events: history }).includes('highlighted'), 'nothing is marked without a hit');
    });

    test('events without text, sender or a valid time still render', () => {
      const history = events(
        { id: 1, created_at: 'not a date', event: { type: 'handoff', sender: null, content: null } },
        { id: 2, created_at: null, event: null },
        message(null, { type: 'robot', name: null }),
      );
      const html = page({}, { events: history });
      assert.ok(html.includes('<span class="sender-type">Unknown sender</span>'));
      assert.ok(html.includes('Handed off'), 'a handoff says what happened');
      assert.ok(html.includes('(event without text)'));
      assert.ok(html.includes('<span class="sender-type">robot</span>'), 'an unknown sender type is shown as sent');
      assert.ok(!html.includes('not a date'));
    });

    test('a sender or text no one would see counts as missing: the entry still says something', () => {
      const html = page({}, { events: events(message(' \u200B\n', { type: '\u200B', name: '\t' })) });
      assert.ok(html.includes('<li class="event"><div class="meta"><span class="sender-type">Unknown sender</span> <time'), 'no blank sender type or name');
      assert.ok(html.includes('</time></div><div class="text no-text">(message event without text)</div></li>'), 'no blank text');
    });

    test('loading, empty, and unreadable states', () => {
      assert.ok(page({}, { loaded: false, busy: 'newest' }).includes('<p class="status" role="status">Loading history…</p>'));
      assert.ok(page({}, { loaded: true }).includes('<p class="empty">No messages in this session.</p>'));
      assert.ok(!page({}, { loaded: false, busy: 'newest' }).includes('class="empty"'));
      assert.ok(page({}, { events: events(message('x')), unreadable: 2 }).includes('2 events could not be read.'));
    });

    test('"Load older" appears while there is an older page, disabled while loading', () => {
      const loaded = events(message('x'));
      assert.ok(!page({}, { events: loaded, hasOlder: false }).includes('data-action="loadOlder"'));
      assert.ok(page({}, { events: loaded, hasOlder: true }).includes('<button type="button" data-action="loadOlder">Load older</button>'));
      assert.ok(page({}, { events: loaded, hasOlder: true, busy: 'older' }).includes('<button type="button" data-action="loadOlder" disabled>Loading…</button>'));
    });

    test('a history error shows inline with Retry, keeps loaded events, and replaces "Load older"', () => {
      const html = page({}, { events: events(message('kept')), hasOlder: true, error: { message: 'open.cx had a problem answering (HTTP 503).', canSetToken: false } });
      assert.ok(html.includes('<span class="message">open.cx had a problem answering (HTTP 503).</span> <button type="button" data-action="retryHistory">Retry</button>'));
      assert.ok(html.includes('kept'));
      assert.ok(!html.includes('data-action="loadOlder"'));
      assert.ok(!html.includes('No messages in this session.'));
    });
  });

  suite('the earlier shape (2024 document)', () => {
    const at = (minute: number) => `2025-03-01T11:${String(minute).padStart(2, '0')}:00Z`;
    /** Each transcript entry as a reader sees it, its time left out. */
    const entries = (html: string) =>
      [...html.matchAll(/<li class="event"[^>]*>([\s\S]*?)<\/li>\n?(?=<li class="event"|<\/ol>)/g)].map((match) =>
        textOf(match[1]!.replace(/<time[\s\S]*?<\/time>/g, '').replace(/<\/(?:div|span)>/g, ' ')).replace(/\s+/g, ' ').trim(),
      );

    test('handoffs, AI resolutions and agents joining or taking over read as sentences', () => {
      const html = page({}, {
        events: events(
          { id: 1, created_at: at(5), event: { type: 'handoff', integration: { type: 'zendesk' } } },
          { id: 2, created_at: at(4), event: { type: 'human_agent_joined', human_agent_id: 12 } },
          { id: 3, created_at: at(3), event: { type: 'human_agent_takeover', human_agent_id: 12 } },
          { id: 4, created_at: at(2), event: { type: 'ai_resolved_issue' } },
        ),
      });
      assert.deepEqual(entries(html), ['Handed off to Zendesk', 'Agent 12 joined', 'Agent 12 took over', 'AI resolved the issue']);
      assert.equal(html.match(/<li class="event" data-kind="activity">/g)?.length, 4, 'set apart from messages');
      assert.ok(!html.includes('Unknown sender'), 'an activity has no sender to miss');
    });

    test("an agent's internal comment shows as a comment, apart from the messages, with its text", () => {
      const html = page({}, {
        events: events(
          { id: 1, created_at: at(1), event: { type: 'human_agent_comment', human_agent_id: 12, content: { type: 'text', text: `Refund approved ${HOSTILE}` } } },
          { id: 2, created_at: at(0), event: { type: 'message', sender: { type: 'human_agent' }, content: { type: 'text', text: 'Hello' } } },
        ),
      });
      assert.deepEqual(entries(html), [`Internal comment Agent 12 Refund approved ${HOSTILE}`, 'Agent Hello']);
      assert.ok(html.includes(`<li class="event" data-kind="comment"><div class="meta"><span class="event-label">Internal comment</span> <span class="sender-name">Agent 12</span>`));
      assert.ok(html.includes(`<div class="text">Refund approved ${HOSTILE_ESCAPED}</div>`));
      assert.ok(html.includes('<li class="event" data-sender="human_agent"><div class="meta"><span class="sender-type">Agent</span>'));
    });

    test('without an agent id, an integration or text, and of a type this version does not know: still a sentence', () => {
      const html = page({}, {
        events: events(
          { id: 1, created_at: null, event: { type: 'human_agent_joined' } },
          { id: 2, created_at: 'not a date', event: { type: 'human_agent_takeover', human_agent_id: '  ' } },
          { id: 3, event: { type: 'human_agent_joined', human_agent_id: { id: 12 } } },
          { id: 4, event: { type: 'handoff', integration: null } },
          { id: 5, event: { type: 'handoff', integration: { type: 'freshdesk_v2' } } },
          { id: 6, event: { type: 'human_agent_comment', human_agent_id: null, content: { type: 'text', text: '' } } },
          { id: 7, event: { type: 'csat_survey_sent', sender: null } },
          { id: 8, event: { type: 'human_agent_joined', human_agent_id: 'agent-7' } },
        ),
      });
      assert.deepEqual(entries(html), [
        'An agent joined',
        'An agent took over',
        'An agent joined',
        'Handed off',
        'Handed off to Freshdesk v2',
        'Internal comment Agent (comment without text)',
        'Csat survey sent',
        'Agent agent-7 joined',
      ]);
      assert.ok(!/undefined|null|\[object Object\]|Invalid Date|NaN/.test(textOf(html.slice(html.indexOf('<section class="history"')))));
    });

    test('a session with nothing but an id, a status and a channel: a header without gaps', () => {
      const html = page({ session: parseSession({ id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', status: 'open', channel: { type: 'web' }, created_at: null, updated_at: null, contact: { id: null, email: null, phone_number: null, name: null, custom_data: null } }) });
      assert.ok(html.includes('<title>Session 3c90c3cc</title>'));
      assert.ok(html.includes('<h1 id="title" tabindex="-1">Session 3c90c3cc</h1>'));
      assert.ok(html.includes('<p class="summary">Open · Web</p>'));
      const blank = page({ session: parseSession({ id: 'x', status: ' ', channel: { type: '' }, ticket_number: null, updated_at: 'soon', created_at: '2025-03-01T09:00:00Z' }) });
      // The title is the time in the page's locale (en-US here) and the reader's time zone.
      const title = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse('2025-03-01T09:00:00Z'));
      assert.ok(blank.includes(`<p class="summary"><time datetime="2025-03-01T09:00:00Z" title="${title}">updated 3h ago</time></p>`), 'no empty parts, and the time that parses, its title in the locale');
      assert.ok(!page({ session: parseSession({ id: 'x', status: '', channel: { type: '' } }) }).includes('class="summary"'), 'no empty summary');
    });
  });

  suite('messages from the page', () => {
    test('every button action in the page is a message type the extension accepts', () => {
      const html = page({ error: { message: 'x', canSetToken: true } }, { events: events(message('x')), hasOlder: true, error: { message: 'y', canSetToken: true } });
      const actions = new Set([...html.matchAll(/data-action="([^"]*)"/g)].map((match) => match[1]!));
      assert.ok(actions.size >= 6);
      for (const action of actions) assert.ok(parseWebviewMessage({ type: action }), action);
    });
  });
});
