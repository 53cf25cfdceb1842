import * as assert from 'node:assert/strict';
import { parseDeepLink, sessionLink } from '../../src/model/links/deepLinkUris';

const ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

suite('deep links', () => {
  test('a session link names its session; the id is checked and lower-cased', () => {
    assert.deepEqual(parseDeepLink(`/session/${ID}`, ''), { kind: 'session', id: ID });
    assert.deepEqual(parseDeepLink(`/session/${ID.toUpperCase()}/`, ''), { kind: 'session', id: ID });
    assert.deepEqual(parseDeepLink(`/session/%7B${ID}%7D`, ''), { kind: 'session', id: ID });
  });

  test('anything else that claims to be a session is refused with the reason', () => {
    for (const path of ['/session/..', '/session/', `/session/${ID}/history`, '/session/%E0%A4%A', '/session/x%2F..%2F..']) {
      const link = parseDeepLink(path, '');
      assert.equal(link.kind, 'invalid', path);
    }
    assert.equal(parseDeepLink('/open', '').kind, 'invalid');
  });

  test('a search link carries its text', () => {
    assert.deepEqual(parseDeepLink('/search', 'q=refund%20please'), { kind: 'search', query: 'refund please' });
    assert.deepEqual(parseDeepLink('/search', ''), { kind: 'search', query: '' });
  });

  test('a search link\'s text is cut to 200 characters, whole characters only, however long the link', () => {
    const long = parseDeepLink('/search', `q=${'refund '.repeat(150_000)}`);
    assert.equal(long.kind, 'search');
    const { query } = long as { query: string };
    assert.ok(query.length <= 200 && query.length > 190, `${query.length} characters`);
    assert.ok('refund '.repeat(40).startsWith(query), 'the start of the text, trimmed');
    const emoji = parseDeepLink('/search', `q=${encodeURIComponent('😀'.repeat(300))}`) as { query: string };
    assert.equal(emoji.query, '😀'.repeat(200), 'characters, not UTF-16 halves');
  });

  test('links are written for the running build\'s scheme and read back the same', () => {
    const link = sessionLink('vscode-insiders', 'opencx.opencx-sessions', ID);
    assert.equal(link, `vscode-insiders://opencx.opencx-sessions/session/${ID}`);
    const url = new URL(link);
    assert.deepEqual(parseDeepLink(url.pathname, url.search.slice(1)), { kind: 'session', id: ID });
  });
});
