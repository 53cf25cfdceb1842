import * as assert from 'node:assert/strict';
import { ApiError } from '../../src/api/errors';
import { MAX_MARKED, NewSessions } from '../../src/model/watching/newSessions';
import type { WatchRound } from '../../src/model/tree/sessionTree';
import { MAX_BACKOFF_MS, Watch, watchIntervalMs } from '../../src/model/watching/watchSchedule';
import { parsedSession, sessionIdFor as id } from '../builders/sessions';
import { VirtualTime } from './virtualTime';

suite('watch: when rounds run', () => {
  let time: VirtualTime;
  let rounds: number[];
  let answer: () => WatchRound;
  let watch: Watch;
  const make = (intervalSeconds = 60) =>
    new Watch({
      round: async () => {
        rounds.push(time.now());
        return answer();
      },
      intervalSeconds,
      scheduler: time,
    });

  setup(() => {
    time = new VirtualTime();
    rounds = [];
    answer = () => ({ added: [], needHuman: [] });
    watch = make();
  });
  teardown(() => watch.dispose());

  test('a round at once, then one each interval; stopping stops them', async () => {
    watch.start();
    await time.pass(60_000 * 3 + 1);
    assert.deepEqual(rounds, [0, 60_000, 120_000, 180_000]);
    watch.stop();
    await time.pass(600_000);
    assert.equal(rounds.length, 4);
    assert.equal(time.pending, 0, 'no timer left behind');
  });

  test('the interval is at least 15 s, 60 s when the setting is not a number', () => {
    assert.equal(watchIntervalMs(5), 15_000);
    assert.equal(watchIntervalMs(90), 90_000);
    assert.equal(watchIntervalMs('soon'), 60_000);
  });

  test('paused while the window is not focused: no round, no timer; focus back brings one catch-up round', async () => {
    watch.start();
    await time.pass(10_000);
    watch.setFocused(false);
    assert.equal(time.pending, 0);
    await time.pass(300_000);
    assert.deepEqual(rounds, [0], 'nothing while unfocused');
    watch.setFocused(true);
    await time.pass(1);
    assert.deepEqual(rounds, [0, 310_000], 'one catch-up round at once');
    await time.pass(60_000);
    assert.deepEqual(rounds, [0, 310_000, 370_000], 'then the interval again');
  });

  test('focus lost and back within moments costs no extra round', async () => {
    watch.start();
    await time.pass(5_000);
    watch.setFocused(false);
    watch.setFocused(true);
    await time.pass(56_000);
    assert.deepEqual(rounds, [0, 60_000]);
  });

  test('starting while unfocused waits for focus', async () => {
    watch.setFocused(false);
    watch.start();
    await time.pass(120_000);
    assert.deepEqual(rounds, []);
    watch.setFocused(true);
    await time.pass(1);
    assert.deepEqual(rounds, [120_000]);
  });

  test('a 429 waits at least its Retry-After; failures in a row double the wait, up to 10 minutes; success resets it', async () => {
    answer = () => ({ added: [], needHuman: [], error: new ApiError('rateLimited', 'slow down', { retryAfterMs: 150_000 }) });
    watch.start();
    await time.pass(150_001);
    assert.deepEqual(rounds, [0, 150_000], 'Retry-After, longer than the interval');
    answer = () => ({ added: [], needHuman: [], error: new ApiError('server', 'down') });
    await time.pass(2_000_000);
    const gaps = rounds.slice(1).map((at, index) => at - rounds[index]!);
    assert.deepEqual(gaps.slice(0, 5), [150_000, 150_000, 240_000, 480_000, MAX_BACKOFF_MS], 'the second 429, then doubling from the third failure');
    answer = () => ({ added: [], needHuman: [] });
    const last = rounds.at(-1)!;
    await time.pass(MAX_BACKOFF_MS + 60_000);
    assert.deepEqual(
      rounds.filter((at) => at > last).slice(0, 2).map((at) => at - last),
      [MAX_BACKOFF_MS, MAX_BACKOFF_MS + 60_000],
      'the wait in force, then the interval',
    );
  });

  test('a longer interval set while watching applies from the last round', async () => {
    watch.start();
    await time.pass(10_000);
    watch.setIntervalSeconds(120);
    await time.pass(200_000);
    assert.deepEqual(rounds, [0, 120_000]);
  });
});

suite('new sessions: marks and the badge count', () => {
  const session = (name: string) => parsedSession({ id: id(name) });

  test('counted until the user looks; marked until they look away', () => {
    const news = new NewSessions();
    let changes = 0;
    news.onDidChangeCount(() => changes++);
    news.arrived([session('a'), session('b')]);
    news.arrived([session('b')]);
    assert.equal(news.count, 2, 'b once');
    assert.equal(news.countText, '2');
    assert.ok(news.isNew(id('a')));
    assert.deepEqual(news.setLooking(true), []);
    assert.equal(news.count, 0);
    assert.ok(news.isNew(id('a')), 'the marks show which rows are new');
    news.arrived([session('c')]);
    assert.equal(news.count, 0, 'arrived while looked at: not counted');
    assert.deepEqual(news.setLooking(false).sort(), [id('a'), id('b'), id('c')].sort());
    assert.ok(!news.isNew(id('a')));
    news.arrived([session('d')]);
    assert.equal(news.count, 1);
    assert.equal(changes, 3);
  });

  test('at most 500 marks, the oldest dropped first; beyond them the count reads "500+"', () => {
    const news = new NewSessions();
    news.arrived(Array.from({ length: 400 }, (_, index) => session(`s${index}`)));
    news.arrived(Array.from({ length: 200 }, (_, index) => session(`s${400 + index}`)));
    assert.equal(MAX_MARKED, 500);
    assert.equal(news.count, 500);
    assert.equal(news.countText, '500+');
    assert.ok(!news.isNew(id('s0')) && !news.isNew(id('s99')), 'the oldest marks went');
    assert.ok(news.isNew(id('s100')) && news.isNew(id('s599')));
    assert.equal(news.setLooking(true).length, 0);
    assert.equal(news.countText, '0', 'looked at');
    news.arrived(Array.from({ length: 600 }, (_, index) => session(`looked-at-${index}`)));
    assert.equal(news.count, 0, 'arrived while looked at: marked, not counted');
    assert.ok(!news.isNew(id('s599')) && news.isNew(id('looked-at-599')), 'marks of rows looked at count toward the 500 too');
    assert.equal(news.setLooking(false).length, 500);
    news.arrived([session('after')]);
    assert.equal(news.countText, '1');
  });
});
