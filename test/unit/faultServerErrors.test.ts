// Fault suite, servers that fail: 5xx that persist or clear, no answer in time, and no server at
// all, through the API client and the sessions tree model together.
import * as assert from 'node:assert/strict';
import { OpenCxClient } from '../../src/api/client';
import { startStandIn, type StandIn } from '../server/server';
import { closedPort } from './closedPort';
import { survives } from './faultReport';
import { clientFor, firstPages, idsOf, leaf, modelWith, noticeOf, noticesOf, SMALL } from './faultTree';

suite('fault suite: server errors, timeouts, refused connections', function () {
  this.timeout(30_000);

  test('500, 502, 503 and 504 are retried with growing backoff, then shown as an error item whose retry recovers', async () => {
    // One stand-in per status, run side by side: the backoff waits dominate the run time.
    await Promise.all(
      [500, 502, 503, 504].map(async (status) => {
        const standIn = await startStandIn(SMALL);
        const model = modelWith(clientFor(standIn, { retryLimit: 2 }));
        try {
          await survives(`HTTP ${status} (persists: error item, retry)`, async () => {
            standIn.setFaults({ status, message: `upstream said ${status}` });
            const web = await leaf(model, 'open', 'web');
            let children = await model.children(web);
            const error = noticeOf(children, 'error');
            assert.ok(error?.error, `${status}: an error item`);
            assert.equal(error.error.kind, 'server');
            assert.equal(error.error.status, status);
            assert.ok(error.error.isTransient, 'offered for retry');
            assert.match(error.error.message, new RegExp(`upstream said ${status}`));
            assert.deepEqual(idsOf(children), []);

            assert.deepEqual(standIn.requests.map((request) => request.status), [status, status, status], 'first attempt and two retries');
            const [first, second, third] = standIn.requests.map((request) => request.time) as [number, number, number];
            const gaps = [second - first, third - second] as const;
            assert.ok(gaps[0] >= 290, `${status}: first retry after ${gaps[0]} ms`);
            assert.ok(gaps[1] >= 590 && gaps[1] > gaps[0], `${status}: backoff grows (${gaps.join(' ms, ')} ms)`);

            standIn.clearFaults();
            await model.retry(error.pages!);
            children = await model.children(web);
            assert.deepEqual(idsOf(children), firstPages(standIn, web));
            assert.equal(noticeOf(children, 'error'), undefined);
            assert.equal(standIn.requests.length, 4, 'retry made one request');
          });
        } finally {
          model.dispose();
          await standIn.close();
        }
      }),
    );
  });

  test('a 5xx blip that clears within the retries never shows: the group loads as if nothing happened', async () => {
    await Promise.all(
      [500, 502, 503, 504].map(async (status) => {
        const standIn = await startStandIn(SMALL);
        const model = modelWith(clientFor(standIn, { retryLimit: 2 }));
        try {
          await survives(`HTTP ${status} (twice, then OK)`, async () => {
            standIn.setFaults({ status, times: 2 });
            const web = await leaf(model, 'open', 'web');
            const children = await model.children(web);
            assert.deepEqual(idsOf(children), firstPages(standIn, web));
            assert.deepEqual(noticesOf(children).map((notice) => notice.kind), ['loadMore']);
            assert.deepEqual(standIn.requests.map((request) => request.status), [status, status, 200]);
          });
        } finally {
          model.dispose();
          await standIn.close();
        }
      }),
    );
  });

  test('a server that never answers, or answers after the timeout, becomes a timeout error item; retry recovers', async () => {
    const standIn = await startStandIn(SMALL);
    try {
      for (const [fault, faults] of [
        ['timeout: server never answers', { hang: true }],
        ['timeout: answer slower than the timeout', { latencyMs: 900 }],
      ] as const) {
        standIn.reset();
        const model = modelWith(clientFor(standIn, { timeoutMs: 300, retryLimit: 1 }));
        try {
          await survives(fault, async () => {
            standIn.setFaults(faults);
            const web = await leaf(model, 'open', 'web');
            const started = Date.now();
            let children = await model.children(web);
            assert.ok(Date.now() - started < 1_500, 'the spinner does not outlive the timeout by much');
            const error = noticeOf(children, 'error');
            assert.equal(error?.error?.kind, 'timeout');
            assert.match(error.error.message, /did not answer within 1 s/);
            assert.ok(error.error.isTransient);

            standIn.clearFaults();
            await model.retry(error.pages!);
            children = await model.children(web);
            assert.deepEqual(idsOf(children), firstPages(standIn, web));
            assert.equal(noticeOf(children, 'error'), undefined);
          });
        } finally {
          model.dispose();
        }
      }
    } finally {
      await standIn.close();
    }
  });

  test('connection refused is an error item naming the host; once the server is up, retry loads', async () => {
    const port = await closedPort();
    const client = new OpenCxClient({ baseUrl: `http://127.0.0.1:${port}`, token: 'opencx-local-test-key', retryLimit: 1, timeoutMs: 2_000 });
    const model = modelWith(client);
    let standIn: StandIn | undefined;
    try {
      await survives('connection refused, then the server comes up', async () => {
        const web = await leaf(model, 'open', 'web');
        const error = noticeOf(await model.children(web), 'error');
        assert.equal(error?.error?.kind, 'network');
        assert.match(error.error.message, new RegExp(`127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
        assert.ok(error.error.isTransient);

        standIn = await startStandIn({ ...SMALL, port });
        await model.retry(error.pages!);
        const children = await model.children(web);
        assert.deepEqual(idsOf(children), firstPages(standIn, web));
        assert.equal(noticeOf(children, 'error'), undefined);
      });
    } finally {
      model.dispose();
      await standIn?.close();
    }
  });
});
