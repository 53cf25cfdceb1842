import * as assert from 'node:assert/strict';
import { checkBaseUrl } from '../../src/api/baseUrl';
import { ApiError } from '../../src/api/errors';

suite('base URL', () => {
  test('plain http is refused except to loopback', () => {
    assert.equal(checkBaseUrl('https://api.open.cx').host, 'api.open.cx');
    assert.equal(checkBaseUrl('http://127.0.0.1:4010').port, '4010');
    assert.equal(checkBaseUrl('http://localhost:4010').hostname, 'localhost');
    assert.equal(checkBaseUrl('http://[::1]:4010').hostname, '[::1]');
    assert.throws(() => checkBaseUrl('http://api.open.cx'), (error: unknown) => error instanceof ApiError && error.kind === 'configuration' && /plain http/.test(error.message));
    assert.throws(() => checkBaseUrl('http://127.0.0.1.evil.example'), /plain http/);
    assert.throws(() => checkBaseUrl('not a url'), /not a valid URL/);
    assert.throws(() => checkBaseUrl('ftp://api.open.cx'), /https/);
  });

  test('a query, a fragment or a user name and password in the base URL is refused, saying what to write instead', () => {
    const refused = (baseUrl: string, reason: RegExp, instead: string) =>
      assert.throws(
        () => checkBaseUrl(baseUrl),
        (error: unknown) => {
          assert.ok(error instanceof ApiError, String(error));
          assert.equal(error.kind, 'configuration', baseUrl);
          assert.match(error.message, reason, baseUrl);
          assert.ok(error.message.includes(`Use ${instead} instead.`), `${baseUrl}: ${error.message}`);
          return true;
        },
      );
    refused('https://h/?x=1', /must not contain a query/, 'https://h/');
    refused('https://h?', /must not contain a query/, 'https://h/');
    refused('https://api.open.cx/v2/?region=eu#top', /must not contain a query/, 'https://api.open.cx/v2/');
    refused('https://h/#frag', /must not contain a fragment/, 'https://h/');
    refused('https://h/v2#', /must not contain a fragment/, 'https://h/v2');
    refused('https://u:p@h', /must not contain a user name or password/, 'https://h/');
    refused('https://ocx_live_secret@api.open.cx/', /must not contain a user name or password/, 'https://api.open.cx/');
    refused('http://user:pw@127.0.0.1:4010/', /user name or password/, 'http://127.0.0.1:4010/');
    // What was in those parts may be a secret: it is not repeated.
    for (const baseUrl of ['https://u:hunter2@h', 'https://h/?api_key=hunter2', 'https://h/#hunter2']) {
      assert.throws(() => checkBaseUrl(baseUrl), (error: unknown) => error instanceof ApiError && !error.message.includes('hunter2'));
    }
    assert.equal(checkBaseUrl('https://api.open.cx/v2/').href, 'https://api.open.cx/v2/');
    assert.equal(checkBaseUrl('https://api.open.cx/a%3Fb').pathname, '/a%3Fb');
  });
});
