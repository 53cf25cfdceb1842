// The API client and rate limits: Retry-After honoured, sane or not, and the client's own request
// budget (foreground and background) keeping it under the server's limit.
import * as assert from 'node:assert/strict';
import { RequestBudget } from '../../src/api/budget';
import { BACKGROUND_SHARE_SPENT, OpenCxClient } from '../../src/api/client';
import { ApiError } from '../../src/api/errors';
import { RETRY_WAIT_CEILING_MS, RETRY_WAIT_FLOOR_MS, UNKNOWN_RETRY_WAIT_MS } from '../../src/api/retryAfter';
import { startStandIn, type StandIn } from '../server/server';
import { rejectsWith, useClientStandIn } from './clientHarness';

suite('API client against the local stand-in: rate limits and the request budget', function () {
  this.timeout(20_000);
  let standIn: StandIn;
  const client = useClientStandIn((started) => (standIn = started));

  test('429 honours Retry-After: the retry is never sooner', async () => {
    standIn.setFaults({ status: 429, retryAfterSeconds: 1, times: 1 });
    const page = await client().listSessions({});
    assert.equal(page.items.length, 25);
    const [limited, retried] = standIn.requests;
    assert.equal(limited!.status, 429);
    assert.ok(retried!.time - limited!.time >= 1000, `waited ${retried!.time - limited!.time} ms`);
  });

  test('a Retry-After longer than the client will wait is rateLimited with the wait', async () => {
    standIn.setFaults({ status: 429, retryAfterSeconds: 42 });
    const error = await rejectsWith(client({ maxRetryWaitMs: 5_000 }).listSessions({}), 'rateLimited');
    assert.equal(error.retryAfterMs, 42_000);
    assert.match(error.message, /42 s/);
    assert.equal(standIn.requests.length, 1, 'not retried sooner than asked');
  });

  test('the stand-in rate limit is met with the client budget instead of 429s', async () => {
    const limited = await startStandIn({ count: 100, rateLimit: 5, rateWindowMs: 1_000, pageSize: 1 });
    try {
      const budget = new RequestBudget(5, 1_000);
      const limitedClient = new OpenCxClient({ baseUrl: limited.url, token: limited.token, budget, retryLimit: 0 });
      await Promise.all(Array.from({ length: 12 }, () => limitedClient.listSessions({})));
      assert.equal(limited.requests.length, 12);
      assert.ok(limited.requests.every((request) => request.status === 200), 'no request hit the server limit');
    } finally {
      await limited.close();
    }
  });

  test('a wait for the client budget does not count against the request timeout', async () => {
    // Two requests fill a 400 ms window; the third waits ≈400 ms for a slot, longer than the
    // 250 ms an attempt may take, and must still be sent and answered.
    const budget = new RequestBudget(2, 400);
    const patient = client({ budget, timeoutMs: 250, retryLimit: 0 });
    await patient.listSessions({});
    await patient.listSessions({});
    const started = Date.now();
    const page = await patient.listSessions({});
    assert.equal(page.items.length, 25);
    assert.ok(Date.now() - started >= 300, `answered after ${Date.now() - started} ms: the budget did not hold it back`);
    assert.equal(standIn.requests.length, 3);
  });

  test('a budget wait longer than the client will wait is rateLimited at once, and nothing is sent', async () => {
    const budget = new RequestBudget(2, 40_000);
    const patient = client({ budget, timeoutMs: 250, maxRetryWaitMs: 5_000 });
    await patient.listSessions({});
    await patient.listSessions({});
    const started = Date.now();
    const error = await rejectsWith(patient.listSessions({}), 'rateLimited');
    assert.ok(Date.now() - started < 200, `failed after ${Date.now() - started} ms instead of at once`);
    assert.ok(error.retryAfterMs! > 39_000 && error.retryAfterMs! <= 40_000, `retry after ${error.retryAfterMs} ms`);
    assert.match(error.message, /100 requests a minute/);
    assert.match(error.message, /40 s/);
    assert.equal(standIn.requests.length, 2, 'the third request was not sent');
  });

  test('a retry that finds the budget spent is rateLimited instead of waiting inside the attempt', async () => {
    // The first attempt takes the last slot and meets a 503; its retry would have to wait 40 s.
    const budget = new RequestBudget(1, 40_000);
    standIn.setFaults({ status: 503, times: 1 });
    const error = await rejectsWith(client({ budget, timeoutMs: 250, retryLimit: 2 }).listSessions({}), 'rateLimited');
    assert.ok(error.retryAfterMs! > 39_000, `retry after ${error.retryAfterMs} ms`);
    assert.equal(standIn.requests.length, 1, 'the retry was not sent');
  });

  test('a background request is not retried: one attempt meets a 429 or a 503, and the error says how long to wait', async () => {
    standIn.setFaults({ status: 429, retryAfterSeconds: 1 });
    const limited = await rejectsWith(client({ retryLimit: 3 }).listSessions({}, undefined, undefined, { background: true }), 'rateLimited');
    assert.ok(limited.retryAfterMs! >= 1_000, `waits ${limited.retryAfterMs} ms`);
    standIn.setFaults({ status: 503 });
    await rejectsWith(client({ retryLimit: 3 }).listSessions({}, undefined, undefined, { background: true }), 'server');
    assert.deepEqual(standIn.requests.map((request) => request.status), [429, 503]);
  });

  test('a background request takes a slot of the background share, or fails at once without sending', async () => {
    const budget = new RequestBudget(6, 60_000);
    const watching = client({ budget });
    await watching.listSessions({}, undefined, undefined, { background: true });
    await watching.listSessions({}, undefined, undefined, { background: true });
    assert.ok(budget.backgroundWaitTime() > 0, 'the two requests took the background share (a third of 6)');
    const error = await rejectsWith(watching.listSessions({}, undefined, undefined, { background: true }), 'rateLimited');
    assert.equal(error.code, BACKGROUND_SHARE_SPENT);
    assert.equal(standIn.requests.length, 2);
    await watching.listSessions({});
    assert.equal(standIn.requests.length, 3, 'a user request still goes');
  });
});

suite('429 with a Retry-After that asks for no wait, one in the past, junk, or one beyond any timer', function () {
  this.timeout(30_000);
  const PAST = 'Sun, 06 Nov 1994 08:49:37 GMT';
  const cases = [
    { retryAfter: '0', reported: RETRY_WAIT_FLOOR_MS },
    { retryAfter: PAST, reported: RETRY_WAIT_FLOOR_MS },
    { retryAfter: '-1', reported: UNKNOWN_RETRY_WAIT_MS },
    { retryAfter: '1 2', reported: UNKNOWN_RETRY_WAIT_MS },
    { retryAfter: '99999999999', reported: RETRY_WAIT_CEILING_MS },
  ];

  test('one call makes at most retryLimit + 1 requests, spaced at least the floor apart; repeated calls that wait as told stay a handful in 10 s', async () => {
    await Promise.all(
      cases.map(async ({ retryAfter, reported }) => {
        const standIn = await startStandIn({ count: 30, rateLimit: 0 });
        // As the extension builds it: default retries and longest in-call wait.
        const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, timeoutMs: 2_000 });
        const stop = new AbortController();
        try {
          standIn.setFaults({ status: 429, retryAfter });
          const started = Date.now();
          const first = await rejectsWith(client.listSessions({}, undefined, stop.signal), 'rateLimited');
          const elapsed = Date.now() - started;
          const times = standIn.requests.map((request) => request.time);
          assert.ok(times.length <= 4, `${retryAfter}: ${times.length} requests in one call (retry limit 3)`);
          const gaps = times.slice(1).map((time, index) => time - times[index]!);
          assert.ok(gaps.every((gap) => gap >= RETRY_WAIT_FLOOR_MS - 5), `${retryAfter}: retried after ${gaps.join(', ')} ms`);
          if (times.length === 1) assert.ok(elapsed < 500, `${retryAfter}: one request, but the call took ${elapsed} ms`);
          else assert.ok(elapsed >= (times.length - 1) * (RETRY_WAIT_FLOOR_MS - 5), `${retryAfter}: the call took ${elapsed} ms`);
          assert.equal(first.retryAfterMs, reported, retryAfter);
          assert.match(first.message, /Try again in (\d+ s|\d+ min)\.$/);
          assert.doesNotMatch(first.message, /in 0 s|NaN|Infinity|days|undefined/);

          // What the tree does: wait the reported time, then ask again, for 10 s.
          const end = started + 10_000;
          setTimeout(() => stop.abort(), end - Date.now());
          let error = first;
          while (Date.now() < end) {
            await new Promise((resolve) => setTimeout(resolve, Math.min(error.retryAfterMs!, Math.max(0, end - Date.now()))));
            if (Date.now() >= end) break;
            try {
              await client.listSessions({}, undefined, stop.signal);
              assert.fail('the stand-in answers 429 to everything');
            } catch (next) {
              assert.ok(next instanceof ApiError, String(next));
              if (next.kind === 'cancelled') break;
              assert.equal(next.kind, 'rateLimited');
              error = next;
            }
          }
          assert.ok(standIn.requests.length <= 8, `${retryAfter}: the stand-in saw ${standIn.requests.length} requests in 10 s`);
        } finally {
          stop.abort();
          await standIn.close();
        }
      }),
    );
  });

  test('a sane Retry-After is still honoured: waited out inside the call when short, reported at once when long', async () => {
    const standIn = await startStandIn({ count: 30, rateLimit: 0 });
    try {
      standIn.setFaults({ status: 429, retryAfter: '3', times: 1 });
      const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 2, maxRetryWaitMs: 5_000 });
      assert.equal((await client.listSessions({})).items.length, 25);
      const [limited, retried] = standIn.requests;
      assert.ok(retried!.time - limited!.time >= 3_000 - 5, `waited ${retried!.time - limited!.time} ms of 3 s`);

      standIn.reset();
      standIn.setFaults({ status: 429, retryAfter: '240' });
      const error = await rejectsWith(client.listSessions({}), 'rateLimited');
      assert.equal(error.retryAfterMs, 240_000);
      assert.match(error.message, /Try again in 4 min\./);
      assert.equal(standIn.requests.length, 1);
    } finally {
      await standIn.close();
    }
  });
});
