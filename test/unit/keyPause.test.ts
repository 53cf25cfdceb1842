// One key, one limit: a 429 met by any request holds every request of that key (tree groups, a
// panel, a search, a watch round) until its wait is over; then one request goes first and the
// others follow once it is answered. Through the API client and the tree model, over HTTP.
import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { RequestBudget } from '../../src/api/budget';
import { BACKGROUND_SHARE_SPENT, OpenCxClient } from '../../src/api/client';
import { RETRY_WAIT_FLOOR_MS } from '../../src/api/retryAfter';
import { startStandIn, type StandIn } from '../server/server';
import { rejectsWith } from './clientHarness';
import { firstPages, idsOf, leafGroups, modelWith, noticeOf, settled, SMALL } from './faultTree';

/** Milliseconds between consecutive requests. */
const gaps = (times: number[]) => times.slice(1).map((time, index) => time - times[index]!);

suite('one key, one limit: a 429 pauses every request of the key', function () {
  this.timeout(40_000);
  let standIn: StandIn;
  setup(async () => (standIn = await startStandIn(SMALL)));
  teardown(() => standIn.close());

  /** As Connection builds clients: one budget for the key, default retries and waits. */
  const clientOf = (budget: RequestBudget) => new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, budget, timeoutMs: 2_000 });

  test('a group, a panel, a search and a watch round met by 429s at once: one request per wait, then all of them load', async () => {
    const budget = new RequestBudget();
    const client = clientOf(budget);
    const model = modelWith(client);
    try {
      const groups = (await leafGroups(model)).slice(0, 4);
      const session = standIn.matching({})[0]!;
      standIn.requests.length = 0;
      standIn.setFaults({ status: 429, retryAfter: '0' });
      const outageMs = 5_000;
      const recovered = sleep(outageMs).then(() => standIn.clearFaults());
      const started = Date.now();

      const watchRound = client.listSessions({}, undefined, undefined, { background: true }).then(
        () => assert.fail('the first watch round meets the 429'),
        (error: unknown) => error,
      );
      const panel = Promise.all([client.getSession(session.id), client.listHistory(session.id)]);
      const search = client.searchSessions('refund');
      const shown = Promise.all(groups.map((group) => model.children(group)));

      // While the key waits, a watch round is refused without a request.
      await sleep(RETRY_WAIT_FLOOR_MS / 2);
      const held = await rejectsWith(client.listSessions({}, undefined, undefined, { background: true }), 'rateLimited');
      assert.equal(held.code, BACKGROUND_SHARE_SPENT);
      await shown;

      const [[read, history], found] = await Promise.all([panel, search]);
      assert.equal(read.id, session.id);
      assert.ok(history.items.length > 0, 'the history is read');
      assert.ok(found.contacts.length + found.messages.length > 0, 'the search answers');
      for (const group of groups) {
        const children = await settled(model, group);
        assert.equal(noticeOf(children, 'error'), undefined, `${group.id}: no error row, no click needed`);
        assert.deepEqual(idsOf(children), firstPages(standIn, group), `${group.id} loaded`);
      }
      await recovered;
      assert.equal((await watchRound as { kind?: string }).kind, 'rateLimited');

      const during = standIn.requests.filter((request) => request.time < started + outageMs);
      const firstWave = during.filter((request) => request.time < started + 1_000);
      assert.equal(firstWave.length, 4 + 2 + 1 + 1, 'the groups, the panel, the search and the watch round went at once');
      const probes = during.slice(firstWave.length);
      assert.ok(probes.length <= Math.ceil(outageMs / RETRY_WAIT_FLOOR_MS), `${probes.length} requests after the first wave in ${outageMs} ms`);
      const spacing = gaps([firstWave.at(-1)!.time, ...probes.map((request) => request.time)]);
      assert.ok(spacing.every((gap) => gap >= RETRY_WAIT_FLOOR_MS - 10), `one request per wait while paused: ${spacing.join(', ')} ms apart`);

      // Once the server recovers, watching goes on.
      await client.listSessions({}, undefined, undefined, { background: true });
    } finally {
      model.dispose();
    }
  });

  test('a 429 met by one client of the key holds another client of the same key', async () => {
    const budget = new RequestBudget();
    const [first, second] = [clientOf(budget), clientOf(budget)];
    standIn.setFaults({ status: 429, retryAfterSeconds: 3, times: 1 });
    await first.listSessions({});
    const [limited, retried] = standIn.requests;
    assert.equal(limited!.status, 429);
    assert.ok(retried!.time - limited!.time >= 2_990, 'the first waited its Retry-After');
    standIn.requests.length = 0;
    standIn.setFaults({ status: 429, retryAfterSeconds: 3, times: 1 });
    const paused = first.listSessions({});
    await sleep(300);
    await second.listSessions({ status: 'closed_resolved' });
    await paused;
    const [limitedAgain, ...answered] = standIn.requests;
    assert.equal(limitedAgain!.status, 429);
    assert.deepEqual(answered.map((request) => request.status), [200, 200]);
    const held = answered.map((request) => request.time - limitedAgain!.time);
    assert.ok(held.every((ms) => ms >= 2_990), `both clients were held for the 3 s: ${held.join(', ')} ms`);
  });

  test('a wait longer than a call holds its spinner for fails at once for every caller of the key, saying when', async () => {
    const budget = new RequestBudget();
    const client = clientOf(budget);
    standIn.setFaults({ status: 429, retryAfterSeconds: 120 });
    await rejectsWith(client.listSessions({}), 'rateLimited');
    standIn.clearFaults();
    const started = Date.now();
    const error = await rejectsWith(client.searchSessions('refund'), 'rateLimited');
    assert.ok(Date.now() - started < 500, 'failed at once');
    assert.ok(error.retryAfterMs! > 110_000, `told to wait ${error.retryAfterMs} ms`);
    assert.equal(standIn.requests.length, 1, 'nothing more was sent');
  });
});
