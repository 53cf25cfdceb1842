import * as assert from 'node:assert/strict';
import { WaitingSessionLink } from '../../src/model/links/waitingLink';

const ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const OTHER = '5b2f1c3e-8a4d-4e6f-9b7a-1c2d3e4f5a6b';
const MINUTE = 60_000;

function clock() {
  let time = 1_000;
  return { now: () => time, pass: (ms: number) => (time += ms) };
}

suite('a session link waiting for sign-in', () => {
  test('opens once, when the token comes within five minutes', () => {
    const time = clock();
    const waiting = new WaitingSessionLink(time.now);
    waiting.hold(ID);
    time.pass(5 * MINUTE - 1);
    assert.equal(waiting.take(), ID);
    assert.equal(waiting.take(), undefined, 'taken: it opens once');
  });

  test('is forgotten five minutes after the link was clicked', () => {
    const time = clock();
    const waiting = new WaitingSessionLink(time.now);
    waiting.hold(ID);
    time.pass(5 * MINUTE);
    assert.equal(waiting.take(), undefined);
    time.pass(-5 * MINUTE);
    assert.equal(waiting.take(), undefined, 'gone, not only hidden');
  });

  test('is forgotten when its sign-in prompt is dismissed', () => {
    const waiting = new WaitingSessionLink(clock().now);
    const dismissed = waiting.hold(ID);
    dismissed();
    assert.equal(waiting.take(), undefined);
  });

  test('a newer link replaces it; dismissing the older prompt leaves the newer link waiting', () => {
    const time = clock();
    const waiting = new WaitingSessionLink(time.now);
    const olderDismissed = waiting.hold(ID);
    time.pass(4 * MINUTE);
    waiting.hold(OTHER);
    olderDismissed();
    time.pass(2 * MINUTE);
    assert.equal(waiting.take(), OTHER, 'five minutes from its own click');
  });
});
