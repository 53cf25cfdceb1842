// The session page's defences against what the API sends: every string escaped, and a strict
// Content-Security-Policy under which only the page's own script and stylesheet run.
import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce, escapeHtml } from '../../src/views/page/html';
import { events, HOSTILE, HOSTILE_ESCAPED, jsonBlock, message, page, resources, session, textOf } from './sessionPageHarness';

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
      const hostileSession = session({ [HOSTILE]: HOSTILE, custom_data: { '"><script>alert(2)</script>': 1 } });
      // The schema holds ids to UUIDs; the page escapes a hostile one all the same, should one reach it some other way.
      hostileSession.id = hostileSession.raw.id = `id-${HOSTILE}`;
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
});
