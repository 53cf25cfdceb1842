// Fault suite, rate limits: 429s with and without a sane Retry-After, and a burst of expansions
// against the stand-in's limit, through the API client and the sessions tree model together.
// Each fault is tallied (faultReport.ts) and the table of tried / survived is printed at the end.
import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { RequestBudget } from '../../src/api/budget';
import { OpenCxClient } from '../../src/api/client';
import { MAX_AUTOMATIC_RETRIES } from '../../src/model/tree/groupPages';
import { startStandIn } from '../server/server';
import { survives } from './faultReport';
import { clientFor, firstPages, idsOf, isFor, leaf, leafGroups, modelWith, noticeOf, queryOf, settled, SMALL } from './faultTree';

suite('fault suite: rate limits', function () {
  this.timeout(30_000);

  test('429 with Retry-After: six parallel expansions each retry no sooner than asked, then load', async () => {
    const standIn = await startStandIn(SMALL);
    const model = modelWith(clientFor(standIn, { maxRetryWaitMs: 5_000 }));
    try {
      standIn.setFaults({ status: 429, retryAfterSeconds: 1, times: 6 });
      const groups = (await leafGroups(model)).slice(0, 6);
      const shown = await Promise.all(groups.map((group) => model.children(group)));
      for (const [index, group] of groups.entries()) {
        await survives('429 + Retry-After: retried no sooner, then loaded', () => {
          const attempts = standIn.requests.filter(isFor(group));
          assert.deepEqual(attempts.map((request) => request.status), [429, 200], group.id);
          const waited = attempts[1]!.time - attempts[0]!.time;
          // ky's own first backoff is 300 ms: a retry before 1 s would mean Retry-After was ignored.
          assert.ok(waited >= 1_000, `${group.id} retried after ${waited} ms, Retry-After said 1 s`);
          assert.deepEqual(idsOf(shown[index]!), firstPages(standIn, group));
          assert.equal(noticeOf(shown[index]!, 'error'), undefined, `${group.id} shows no error`);
          assert.equal(noticeOf(shown[index]!, 'rateLimited'), undefined);
        });
      }
    } finally {
      model.dispose();
      await standIn.close();
    }
  });

  test('429 on every request with Retry-After 0, a past date, junk or a wait beyond any timer: the tree retries by itself, a handful of times in 10 s, never in a storm', async () => {
    await Promise.all(
      ['0', 'Sun, 06 Nov 1994 08:49:37 GMT', '-1', '1 2', '99999999999'].map(async (retryAfter) => {
        const standIn = await startStandIn(SMALL);
        // As the extension builds its client: default retries and longest in-call wait.
        const model = modelWith(new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, timeoutMs: 2_000 }));
        try {
          await survives('429 with Retry-After 0, past, junk or huge: no request storm', async () => {
            const web = await leaf(model, 'open', 'web');
            standIn.requests.length = 0;
            standIn.setFaults({ status: 429, retryAfter });
            const started = Date.now();
            const waiting = noticeOf(await model.children(web), 'rateLimited');
            assert.ok(waiting?.error, `${retryAfter}: shown as waiting`);
            assert.match(waiting.error.message, /Try again in (\d+ s|\d+ min)\.$/);
            assert.doesNotMatch(waiting.error.message, /in 0 s|NaN|Infinity|days/);
            // The model's own retry timer runs for the rest of the 10 s.
            await sleep(10_000 - (Date.now() - started));
            const seen = standIn.requests.length;
            assert.ok(seen >= 1 && seen <= 8, `${retryAfter}: the stand-in saw ${seen} requests in 10 s`);
            const times = standIn.requests.map((request) => request.time);
            const gaps = times.slice(1).map((time, index) => time - times[index]!);
            assert.ok(gaps.every((gap) => gap >= 1_990), `${retryAfter}: requests ${gaps.join(', ')} ms apart`);
          });
        } finally {
          model.dispose();
          await standIn.close();
        }
      }),
    );
  });

  test('a group rate limited again and again retries by itself a few times, then waits for a click that loads it', async () => {
    const standIn = await startStandIn(SMALL);
    const model = modelWith(clientFor(standIn, { retryLimit: 0 }));
    try {
      await survives('429 that never clears: automatic retries capped, then a click', async () => {
        const web = await leaf(model, 'open', 'web');
        standIn.setFaults({ status: 429, retryAfter: '0' });
        assert.ok(noticeOf(await model.children(web), 'rateLimited'), 'shown as waiting');
        // Three automatic retries, each after the 2 s floor, then the row waits for the user.
        await sleep(3 * 2_000 + 1_500);
        const children = await settled(model, web);
        assert.equal(standIn.requests.length, 1 + MAX_AUTOMATIC_RETRIES, 'the first request and three automatic retries');
        const error = noticeOf(children, 'error');
        assert.equal(error?.error?.kind, 'rateLimited', 'an error row with the rate limit, clickable');
        assert.equal(noticeOf(children, 'rateLimited'), undefined, 'no longer waiting by itself');
        await sleep(2_500);
        assert.equal(standIn.requests.length, 1 + MAX_AUTOMATIC_RETRIES, 'nothing more without a click');
        standIn.clearFaults();
        await model.retry(error!.pages!);
        assert.deepEqual(idsOf(await model.children(web)), firstPages(standIn, web), 'the click loads the rows');
      });
    } finally {
      model.dispose();
      await standIn.close();
    }
  });

  test('a burst of 60 expansions against a 20-per-second limit: the client budget queues them, zero 429s, every group loads', async () => {
    const windowMs = 1_000;
    const limit = 20;
    const standIn = await startStandIn({ count: 1500, seed: 5, pageSize: 10, rateLimit: limit, rateWindowMs: windowMs });
    // One budget for the key, as Connection shares it; no retries, so a 429 would surface as an error item.
    const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, budget: new RequestBudget(limit, windowMs), retryLimit: 0, timeoutMs: 5_000 });
    const models = [modelWith(client, 'status/channel'), modelWith(client, 'channel/status')];
    try {
      const groups = (await Promise.all(models.map(leafGroups))).flatMap((leaves, index) => leaves.map((group) => ({ group, model: models[index]! })));
      assert.equal(groups.length, 60);
      const started = Date.now();
      const shown = await Promise.all(groups.map(({ group, model }) => model.children(group)));
      const elapsed = Date.now() - started;

      for (const [index, { group }] of groups.entries()) {
        await survives('burst of 60 expansions vs 20 requests/s: queued, no 429', () => {
          const expected = standIn.matching(queryOf(group)).slice(0, 10).map((session) => session.id);
          assert.deepEqual(idsOf(shown[index]!), expected, group.id);
          assert.equal(noticeOf(shown[index]!, 'error'), undefined, `${group.id} shows no error`);
          assert.equal(noticeOf(shown[index]!, 'rateLimited'), undefined);
        });
      }
      assert.equal(standIn.requests.length, 60, 'one request per group');
      assert.deepEqual(standIn.requests.filter((request) => request.status !== 200), [], 'no 429 (nor anything else)');
      // The server's own view: never more than `limit` requests within any window.
      const times = standIn.requests.map((request) => request.time).sort((a, b) => a - b);
      const busiest = Math.max(...times.map((time) => times.filter((other) => other > time - windowMs && other <= time).length));
      assert.ok(busiest <= limit, `${busiest} requests within one window`);
      // 60 requests at 20 per window cannot all go out at once: the budget held them back.
      assert.ok(elapsed >= 2 * windowMs, `the burst took ${elapsed} ms`);
    } finally {
      for (const model of models) model.dispose();
      await standIn.close();
    }
  });
});
