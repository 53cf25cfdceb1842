import * as assert from 'node:assert/strict';
import { PAGE_LOAD_TIMEOUT_MS, PageLoad } from '../../src/views/page/pageLoad';
import { VirtualTime } from './virtualTime';

suite('one page load at a time in a session panel', () => {
  let time: VirtualTime;
  let given: number;
  let load: PageLoad;
  setup(() => {
    time = new VirtualTime();
    given = 0;
    load = new PageLoad(() => given++, time);
  });

  test('the first page is given at once, and changes while it loads wait for it as one page', () => {
    load.request(true);
    assert.equal(given, 1);
    assert.equal(load.isLoading, true);
    load.request(true);
    load.request(true);
    assert.equal(given, 1, 'a page given now would throw the loading one away');
    assert.equal(load.isWaiting, true);
    load.loaded();
    assert.equal(given, 2, 'what changed meanwhile goes in once the page runs, as one page');
    assert.equal(load.isLoading, true, 'and that page is loading in turn');
    load.loaded();
    assert.equal(given, 2);
    assert.equal(load.isLoading, false);
    assert.equal(load.lastLoadEnded, 'loaded');
    load.request(true);
    assert.equal(given, 3, 'with nothing loading a change goes in at once');
  });

  test('a page that never says it runs holds the next one back only until the time-out', async () => {
    load.request(true);
    load.request(true);
    await time.pass(PAGE_LOAD_TIMEOUT_MS - 1);
    assert.equal(given, 1);
    await time.pass(1);
    assert.equal(given, 2);
    assert.equal(load.lastLoadEnded, 'timedOut');
  });

  test('a hidden panel loads nothing: its page is given at once, and one waiting goes in when it is hidden', () => {
    load.request(false);
    load.request(false);
    assert.equal(given, 2);
    assert.equal(load.isLoading, false);

    load.request(true);
    load.request(true);
    load.hidden();
    assert.equal(given, 4, 'the waiting page is given when the loading one is dropped');
    assert.equal(load.isLoading, false, 'nothing loads while hidden');
    assert.equal(time.pending, 0, 'and no time-out is left running');
  });

  test('shown again, the panel loads the page it holds, and changes wait for that load', () => {
    load.request(false);
    load.shown();
    assert.equal(load.isLoading, true);
    load.request(true);
    assert.equal(given, 1);
    load.loaded();
    assert.equal(given, 2);
  });

  test('a loaded message with nothing loading, or after dispose, gives nothing', () => {
    load.loaded();
    assert.equal(given, 0);
    load.request(true);
    load.request(true);
    load.dispose();
    load.loaded();
    assert.equal(given, 1);
    assert.equal(time.pending, 0);
  });
});
