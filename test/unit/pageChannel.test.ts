import * as assert from 'node:assert/strict';
import { PageChannel } from '../../src/views/page/pageChannel';
import type { PageContent } from '../../src/views/page/webviewMessages';

const content = (body: string): PageContent => ({ title: `title ${body}`, body });

/** A channel to a webview that records what it was given: whole pages (load) and updates (post). */
function channel(first = 'first') {
  const given: string[] = [];
  const page = new PageChannel(content(first), {
    load: ({ body }) => given.push(`load ${body}`),
    post: ({ body }) => given.push(`post ${body}`),
  });
  return { page, given };
}

suite('page channel', () => {
  test('the first content goes in with the page\'s HTML; a page that says ready with nothing changed gets nothing more', () => {
    const { page, given } = channel();
    assert.deepEqual(given, ['load first']);
    assert.equal(page.runs, false);
    page.pageReady();
    assert.equal(page.runs, true);
    assert.deepEqual(given, ['load first']);
  });

  test('changes before the page runs are not sent: the latest alone goes on ready, as an update', () => {
    const { page, given } = channel();
    page.show(content('a'));
    page.show(content('b'));
    assert.deepEqual(given, ['load first'], 'no new page, no update yet');
    assert.equal(page.content.body, 'b', 'the latest is kept');
    page.pageReady();
    assert.deepEqual(given, ['load first', 'post b']);
  });

  test('once the page runs, every change goes to it as an update', () => {
    const { page, given } = channel();
    page.pageReady();
    page.show(content('a'));
    page.show(content('b'));
    assert.deepEqual(given, ['load first', 'post a', 'post b']);
  });

  test('a dropped page gets nothing; its HTML is brought up to date once, and the page loaded again gets only what changed since', () => {
    const { page, given } = channel();
    page.pageReady();
    page.show(content('a'));
    page.pageDropped();
    assert.equal(page.runs, false);
    assert.deepEqual(given, ['load first', 'post a', 'load a'], 'the HTML VS Code loads on reveal holds the latest');
    page.pageDropped();
    page.show(content('b'));
    page.show(content('c'));
    assert.deepEqual(given, ['load first', 'post a', 'load a'], 'hidden: neither a page nor an update');
    page.pageReady();
    assert.deepEqual(given, ['load first', 'post a', 'load a', 'post c']);
  });

  test('a page loaded again by VS Code while it runs (moved to another window) says ready and catches up', () => {
    const { page, given } = channel();
    page.pageReady();
    page.show(content('a'));
    // The page showing now is the first HTML again; the update it had is gone.
    page.pageReady();
    assert.deepEqual(given, ['load first', 'post a', 'post a']);
  });

  test('content equal to the HTML\'s is not sent again, even as a new object', () => {
    const { page, given } = channel();
    page.show(content('first'));
    page.pageReady();
    page.pageDropped();
    assert.deepEqual(given, ['load first']);
  });
});
