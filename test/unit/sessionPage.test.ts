// The session page around its JSON and history: the header and toolbar, a refresh under way or
// failed, the page while a restored panel's session is fetched, updates by message, and the
// actions its buttons send.
import * as assert from 'node:assert/strict';
import { panelText } from '../../src/views/page/panelText';
import {
  pageHtml,
  pendingPageContent,
  renderPendingSessionPage,
  renderSessionPage,
  sessionPageContent,
  type SessionPageState,
} from '../../src/views/page/sessionPage';
import { parseWebviewMessage } from '../../src/views/page/webviewMessages';
import { events, HOSTILE, HOSTILE_ESCAPED, jsonBlock, message, noHistory, NOW, page, resources, session } from './sessionPageHarness';

suite('session panel HTML', () => {
  suite('page', () => {
    test('toolbar: refresh, copy id, copy link, copy JSON, open in editor, export, ask the chat', () => {
      const html = page();
      assert.ok(html.includes('<button type="button" class="secondary" data-action="exportSession" title="Export this session, with the history loaded, as JSON Lines, CSV or JSON">Export…</button>'));
      for (const action of ['refresh', 'copyId', 'copyLink', 'copyJson', 'openJson', 'exportSession', 'askChat']) assert.ok(html.includes(`data-action="${action}"`), action);
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

    test('a page of an account carries the account id too, as text', () => {
      const content = pendingPageContent({ id, refreshing: true, error: undefined }, { now: NOW, locale: 'en-US' });
      assert.ok(pageHtml(content, resources, id, 'account-1').includes(`<body data-session-id="${id}" data-account-id="account-1">`));
      assert.ok(pageHtml(content, resources, id, '"><script>').includes('data-account-id="&quot;&gt;&lt;script&gt;"'));
    });

    test('an error of a signed-out account offers Set API Token and Switch Account beside Retry', () => {
      const error = { message: 'signed out', canSetToken: true, canSwitchAccount: true };
      const html = renderPendingSessionPage({ id, refreshing: false, error }, resources);
      assert.ok(html.includes('data-action="refresh">Retry</button> <button type="button" class="secondary" data-action="setToken">Set API Token</button> <button type="button" class="secondary" data-action="switchAccount">Switch Account</button>'), html);
      assert.deepEqual(parseWebviewMessage({ type: 'switchAccount' }), { type: 'switchAccount' });
    });

    test('while its session is fetched: "Loading session…", the id, Refresh disabled, the script', () => {
      const html = renderPendingSessionPage({ id, refreshing: true, error: undefined }, resources);
      assert.ok(html.includes('<p class="status" role="status">Loading session…</p>'));
      assert.ok(html.includes(`<code>${id}</code>`));
      assert.ok(html.includes('<button type="button" data-action="refresh" disabled>Refreshing…</button>'));
      assert.ok(html.includes(`<script nonce="${resources.nonce}">${resources.script}</script>`));
      assert.ok(!html.includes('data-action="copyJson"'), 'nothing to copy yet');
      assert.ok(!html.includes('data-action="exportSession"'), 'nor to export');
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

  suite('messages from the page', () => {
    test('every button action in the page is a message type the extension accepts', () => {
      const html = page({ error: { message: 'x', canSetToken: true } }, { events: events(message('x')), hasOlder: true, error: { message: 'y', canSetToken: true } });
      const actions = new Set([...html.matchAll(/data-action="([^"]*)"/g)].map((match) => match[1]!));
      assert.ok(actions.size >= 6);
      for (const action of actions) assert.ok(parseWebviewMessage({ type: action }), action);
    });
  });
});
