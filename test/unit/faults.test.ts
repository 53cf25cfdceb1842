// Fault suite: the faults real networks and servers produce, injected through the stand-in's
// switches, against the API client and the sessions tree model together. Each fault is tallied
// (faultReport.ts) and the table of tried / survived is printed when the run ends.
import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { RequestBudget } from '../../src/api/budget';
import { OpenCxClient, type ClientOptions } from '../../src/api/client';
import { ApiError, type ApiErrorKind } from '../../src/api/errors';
import { parseHistoryPage, type Session } from '../../src/api/schemas';
import { channelLabel, sessionDescription, sessionLabel, statusLabel } from '../../src/model/labels';
import { MAX_AUTOMATIC_RETRIES } from '../../src/model/slice';
import { SessionTreeModel } from '../../src/model/sessionTree';
import type { GroupNode, NoticeNode, SessionNode, TreeNode } from '../../src/model/treeNodes';
import { panelText } from '../../src/views/page/panelText';
import { renderSessionPage } from '../../src/views/page/sessionPage';
import type { Json, RawSession } from '../server/data';
import { startStandIn, type Faults, type RecordedRequest, type StandIn, type StandInOptions } from '../server/server';
import { survives, survivesSync } from './faultReport';

const groupsOf = (nodes: TreeNode[]) => nodes.filter((node): node is GroupNode => node.type === 'group');
const sessionsOf = (nodes: TreeNode[]) => nodes.filter((node): node is SessionNode => node.type === 'session');
const noticesOf = (nodes: TreeNode[]) => nodes.filter((node): node is NoticeNode => node.type === 'notice');
const noticeOf = (nodes: TreeNode[], kind: NoticeNode['kind']) => noticesOf(nodes).find((notice) => notice.kind === kind);
const idsOf = (nodes: TreeNode[]) => sessionsOf(nodes).map((node) => node.session.id);

const PAGE_SIZE = 25;
const SMALL: StandInOptions = { count: 600, seed: 21, pageSize: PAGE_SIZE, rateLimit: 0 };

function clientFor(standIn: StandIn, options: Partial<ClientOptions> = {}): OpenCxClient {
  return new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 2, timeoutMs: 2_000, ...options });
}

function modelWith(client: OpenCxClient, grouping: 'status/channel' | 'channel/status' | 'none' = 'status/channel'): SessionTreeModel {
  return new SessionTreeModel({ client: async () => client, grouping });
}

/** Every leaf group of a two-level tree, in display order. */
async function leafGroups(model: SessionTreeModel): Promise<GroupNode[]> {
  const leaves: GroupNode[] = [];
  for (const top of groupsOf(await model.children())) leaves.push(...groupsOf(await model.children(top)));
  return leaves;
}

async function leaf(model: SessionTreeModel, status: string, channel: string): Promise<GroupNode> {
  const found = (await leafGroups(model)).find((group) => group.fixed.status === status && group.fixed.channel === channel);
  assert.ok(found, `a ${status}/${channel} group`);
  return found;
}

/** The stand-in's query parameters for a leaf group. */
const queryOf = (group: GroupNode) => ({ status: group.fixed.status, channel_type: group.fixed.channel });
const isFor = (group: GroupNode) => (request: RecordedRequest) =>
  request.query.status === group.fixed.status && request.query.channel_type === group.fixed.channel;
const firstPages = (standIn: StandIn, group: GroupNode, pages = 1) =>
  standIn.matching(queryOf(group)).slice(0, pages * PAGE_SIZE).map((session) => session.id);

/** A loopback port nothing listens on (it was free a moment ago). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Asks for a group's children until no page of it is in flight, as the view does after each change. */
async function settled(model: SessionTreeModel, group: GroupNode): Promise<TreeNode[]> {
  for (let attempt = 0; ; attempt++) {
    const children = await model.children(group);
    if (!noticeOf(children, 'loading')) return children;
    assert.ok(attempt < 400, `${group.id} is still loading after 2 s`);
    await sleep(5);
  }
}

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
        await model.retry(error!.slice!);
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

suite('fault suite: server errors, timeouts, refused connections, broken bodies', function () {
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
            await model.retry(error.slice!);
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
            await model.retry(error.slice!);
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
        await model.retry(error.slice!);
        const children = await model.children(web);
        assert.deepEqual(idsOf(children), firstPages(standIn, web));
        assert.equal(noticeOf(children, 'error'), undefined);
      });
    } finally {
      model.dispose();
      await standIn?.close();
    }
  });

  test('truncated, non-JSON, empty, HTML and items-less bodies: an error item on the page that got one; loaded pages stay; retry recovers', async () => {
    const standIn = await startStandIn(SMALL);
    try {
      for (const body of ['truncated', 'malformed', 'empty', 'html', 'missingItems'] as const) {
        standIn.reset();
        const model = modelWith(clientFor(standIn));
        try {
          const web = await leaf(model, 'open', 'web');
          await survives(`broken body: ${body}`, async () => {
            // On the first page: nothing to keep, an error item with retry.
            standIn.setFaults({ body, times: 1 });
            let children = await model.children(web);
            const error = noticeOf(children, 'error');
            assert.equal(error?.error?.kind, 'invalidResponse', `${body} on page 1`);
            assert.ok(error.error.isTransient);
            assert.deepEqual(idsOf(children), []);
            await model.retry(error.slice!);
            children = await model.children(web);
            assert.deepEqual(idsOf(children), firstPages(standIn, web));
          });
          await survives(`broken body: ${body}`, async () => {
            // On the second page: the first page stays, the error follows it.
            let children = await model.children(web);
            standIn.setFaults({ body, times: 1 });
            await model.loadMore(noticeOf(children, 'loadMore')!.slice!);
            children = await model.children(web);
            const error = noticeOf(children, 'error');
            assert.equal(error?.error?.kind, 'invalidResponse', `${body} on page 2`);
            assert.deepEqual(idsOf(children), firstPages(standIn, web));
            await model.retry(error.slice!);
            children = await model.children(web);
            assert.deepEqual(idsOf(children), firstPages(standIn, web, 2));
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

  test("a next cursor that is not a string (number, object, array, boolean): an error item on the page that got it, never a silent end of the list; retry recovers", async () => {
    const standIn = await startStandIn(SMALL);
    try {
      const cases: [Json, string][] = [[25, 'a number'], [0, 'a number'], [{ cursor: 'c2' }, 'an object'], [['c2'], 'an array'], [true, 'a boolean'], [false, 'a boolean']];
      for (const [next, kind] of cases) {
        standIn.reset();
        const model = modelWith(clientFor(standIn));
        try {
          await survives("'next' not a cursor string: error item, not a silent last page", async () => {
            const web = await leaf(model, 'open', 'web');
            // On the first page: an error item instead of a list that looks complete.
            standIn.setFaults({ next, times: 1 });
            let children = await model.children(web);
            let error = noticeOf(children, 'error');
            assert.equal(error?.error?.kind, 'invalidResponse', `${JSON.stringify(next)} on page 1`);
            assert.match(error.error.message, new RegExp(`'next' is ${kind}, expected a cursor string or null`));
            assert.deepEqual(idsOf(children), []);
            await model.retry(error.slice!);
            children = await model.children(web);
            assert.deepEqual(idsOf(children), firstPages(standIn, web));
            // On the second page: the first page stays, the error follows it, Load more is not offered as if done.
            standIn.setFaults({ next, times: 1 });
            await model.loadMore(noticeOf(children, 'loadMore')!.slice!);
            children = await model.children(web);
            error = noticeOf(children, 'error');
            assert.equal(error?.error?.kind, 'invalidResponse', `${JSON.stringify(next)} on page 2`);
            assert.deepEqual(idsOf(children), firstPages(standIn, web));
            await model.retry(error.slice!);
            children = await model.children(web);
            assert.deepEqual(idsOf(children), firstPages(standIn, web, 2));
            assert.ok(noticeOf(children, 'loadMore'), 'more pages to load');
          });
        } finally {
          model.dispose();
        }
      }
    } finally {
      await standIn.close();
    }
  });

  test('a cursor handed out again, or a page with nothing new that says more follow: the group stops with the reason; retry asks for that page again', async () => {
    const standIn = await startStandIn(SMALL);
    const client = clientFor(standIn);
    const model = modelWith(client);
    try {
      await survives('paging: the same cursor again', async () => {
        const web = await leaf(model, 'open', 'web');
        await model.children(web);
        const cursor = (await client.listSessions({ status: 'open', channel: 'web' })).next!;
        standIn.setFaults({ next: cursor, path: '/chat/sessions' });
        await model.loadMore(noticeOf(await model.children(web), 'loadMore')!.slice!);
        let children = await model.children(web);
        assert.deepEqual(idsOf(children), firstPages(standIn, web), 'the page behind the repeated cursor is not taken');
        assert.match(noticeOf(children, 'error')?.error?.message ?? '', /cursor it had sent before/);
        assert.equal(noticeOf(children, 'loadMore'), undefined, 'no "Load more…" that loads nothing');
        standIn.clearFaults();
        await model.retry(noticeOf(children, 'error')!.slice!);
        children = await model.children(web);
        assert.deepEqual(idsOf(children), firstPages(standIn, web, 2), 'retry asked for the same page again and took it');
      });
      await survives('paging: a page with nothing new and a next cursor', async () => {
        model.refresh();
        const email = await leaf(model, 'open', 'email');
        const first = standIn.matching(queryOf(email)).slice(0, PAGE_SIZE);
        await model.children(email);
        standIn.setFaults({ bodyText: JSON.stringify({ items: first, next: 'more-of-the-same' }), times: 1 });
        await model.loadMore(noticeOf(await model.children(email), 'loadMore')!.slice!);
        const children = await model.children(email);
        assert.deepEqual(idsOf(children), firstPages(standIn, email));
        assert.match(noticeOf(children, 'error')?.error?.message ?? '', /no session that is not already shown/);
        await model.retry(noticeOf(children, 'error')!.slice!);
        assert.deepEqual(idsOf(await model.children(email)), firstPages(standIn, email, 2));
      });
    } finally {
      model.dispose();
      await standIn.close();
    }
  });

  test('a filter or grouping change while groups load: nothing is fetched for a group no longer shown, no orphan rows', async () => {
    const standIn = await startStandIn(SMALL);
    const model = modelWith(clientFor(standIn));
    try {
      for (const change of ['filter', 'grouping'] as const) {
        await survives(`a ${change} change while groups load`, async () => {
          model.setGrouping('status/channel');
          model.setFilter({ statuses: [], channels: [] });
          const groups = [await leaf(model, 'open', 'web'), await leaf(model, 'closed_resolved', 'sms')];
          standIn.requests.length = 0;
          standIn.setFaults({ latencyMs: 200 });
          const loading = groups.map((group) => model.children(group));
          await sleep(50);
          if (change === 'filter') model.setFilter({ statuses: [], channels: ['email'] });
          else model.setGrouping('channel/status');
          standIn.clearFaults();
          for (const answer of await Promise.all(loading)) assert.deepEqual(answer, []);
          await sleep(300);
          assert.equal(standIn.requests.length, 2, 'only the two requests made before the change');
          assert.deepEqual(model.loadedSessions(), []);
        });
      }
    } finally {
      model.dispose();
      await standIn.close();
    }
  });

  test('the session panel requests (one session, its history) meet the same broken bodies as typed errors', async () => {
    const standIn = await startStandIn(SMALL);
    const client = clientFor(standIn);
    const id = standIn.sessions[1]!.id;
    try {
      for (const body of ['truncated', 'malformed', 'empty', 'html', 'missingItems'] as const) {
        for (const [what, request] of [
          ['session', () => client.getSession(id)],
          ['history', () => client.listHistory(id)],
        ] as const) {
          await survives(`broken body: ${body}`, async () => {
            standIn.setFaults({ body, times: 1 });
            await assert.rejects(request(), (error: unknown) => {
              assert.equal((error as { kind?: unknown }).kind, 'invalidResponse', `${body} on the ${what} request`);
              return true;
            });
          });
        }
      }
    } finally {
      await standIn.close();
    }
  });
});

// Every field the schema lets be null, and every enum-like field, on a session that has them all.
const NULLABLE_PATHS = [
  'ai_closure_type', 'sentiment', 'ticket_number', 'assist_mode', 'created_at', 'updated_at', 'language', 'assignee_id', 'custom_data',
  'contact', 'contact.id', 'contact.email', 'contact.phone_number', 'contact.name', 'contact.custom_data',
  'contact.non_verified_name', 'contact.non_verified_email', 'contact.non_verified_custom_data',
  'team', 'team.id', 'team.name', 'team.description', 'handoff', 'handoff.summary', 'handoff.sentiment',
  'ticketing_system', 'ticketing_system.name', 'ticketing_system.external_id', 'ticketing_system.id_type',
] as const;
/** Not nullable in the reference, so they degrade to 'unknown' rather than to null. */
const REQUIRED_PATHS = ['status', 'channel', 'channel.type'] as const;
const ENUM_PATHS = ['status', 'channel.type', 'ai_closure_type', 'sentiment', 'handoff.sentiment', 'ticketing_system.id_type'] as const;
/** The fields the schema validates (the extension reads them); the others are only kept in raw. */
const READ_PATHS = new Set<string>([
  'status', 'channel', 'channel.type', 'ai_closure_type', 'sentiment', 'ticket_number', 'created_at', 'updated_at', 'assignee_id',
  'contact', 'contact.name', 'contact.non_verified_name', 'contact.email', 'contact.non_verified_email', 'contact.phone_number',
  'team', 'team.name', 'handoff', 'handoff.summary',
]);
/** A field as the extension sees it: validated when it reads it, else as sent. */
const fieldOf = (session: Session, path: string) => getPath(READ_PATHS.has(path) ? session : session.raw, path);

function fullSession(id: string): RawSession {
  return {
    id,
    status: 'closed_resolved',
    ai_closure_type: 'resolved',
    sentiment: 'happy',
    channel: { type: 'email' },
    ticket_number: 42,
    assist_mode: false,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T11:00:00Z',
    contact: {
      id: 'c-1', email: 'ada@example.com', phone_number: '+15550000000', name: 'Ada Abara', custom_data: { crm_id: 'C-1' },
      non_verified_name: 'Ada', non_verified_email: 'ada@mail.test', non_verified_custom_data: { source: 'widget' },
    },
    language: 'en',
    assignee_id: 'agent-1',
    custom_data: { plan: 'pro' },
    team: { id: 't-1', name: 'Billing', description: 'Invoices' },
    handoff: { summary: 'Wants a refund.', sentiment: 'neutral' },
    ticketing_system: { name: 'zendesk', external_id: 'EXT-1', id_type: 'conversation_id' },
  };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let at = target;
  for (const key of keys) at = at[key] as Record<string, unknown>;
  at[last] = value;
}

function getPath(target: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | null | undefined)?.[key], target);
}

/** What the person sees of a session must build without throwing: labels, description, the panel page. */
function renderAll(session: Session): string {
  return [
    sessionLabel(session),
    sessionDescription(session),
    statusLabel(session.status),
    channelLabel(session.channel.type),
    renderSessionPage(
      { session, refreshing: false, error: undefined, history: { events: [], loaded: true, hasOlder: false, busy: false, unreadable: 0, error: undefined } },
      { nonce: 'bm9uY2U=', script: '/* session.js */', style: '/* session.css */', lang: 'en' },
      { text: panelText(), now: Date.parse('2026-11-30T00:00:00Z') },
    ),
  ].join('\n');
}

suite('fault suite: nulls and unknown enum values everywhere the schema allows', function () {
  this.timeout(20_000);

  test('each nullable field null, each enum an unknown value, served by the stand-in: every session shows, in order, degraded not dropped', async () => {
    const sent: { fault: string; session: RawSession; check: (session: Session) => void }[] = [];
    for (const path of NULLABLE_PATHS) {
      const session = fullSession(`null:${path}`);
      setPath(session, path, null);
      sent.push({ fault: 'null in a nullable field', session, check: (parsed) => assert.equal(fieldOf(parsed, path), null, path) });
    }
    for (const path of REQUIRED_PATHS) {
      const session = fullSession(`null:${path}`);
      setPath(session, path, null);
      const expected = path === 'status' ? 'unknown' : { type: 'unknown' };
      sent.push({ fault: 'null in a required field', session, check: (parsed) => assert.deepEqual(getPath(parsed, path === 'channel.type' ? 'channel' : path), expected, path) });
    }
    for (const path of ENUM_PATHS) {
      const session = fullSession(`enum:${path}`);
      const unknown = `unheard_of_${path.replace('.', '_')}`;
      setPath(session, path, unknown);
      sent.push({
        fault: 'unknown enum value',
        session,
        check: (parsed) => {
          assert.equal(fieldOf(parsed, path), unknown, path);
          if (path === 'status' || path === 'channel.type') assert.ok(renderAll(parsed).includes(unknown), `${path}: the unknown value is shown as sent`);
        },
      });
    }
    // Values that are also names of Object.prototype members must still read as plain unknown values.
    for (const path of ['status', 'channel.type'] as const) {
      for (const unknown of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        const session = fullSession(`enum:${path}:${unknown}`);
        setPath(session, path, unknown);
        sent.push({
          fault: 'unknown enum value',
          session,
          check: (parsed) => {
            const label = path === 'status' ? statusLabel(parsed.status) : channelLabel(parsed.channel.type);
            assert.equal(label, unknown, `${path} ${unknown} is labelled as sent`);
            assert.ok(renderAll(parsed).includes(`${unknown} · `) || renderAll(parsed).includes(` · ${unknown}`), `${path} ${unknown} in the page summary`);
          },
        });
      }
    }
    const allNull = fullSession('null:everything');
    for (const path of [...NULLABLE_PATHS].reverse()) setPath(allNull, path, null);
    for (const path of REQUIRED_PATHS.slice(0, 2)) setPath(allNull, path, null);
    sent.push({ fault: 'null in a nullable field', session: allNull, check: (parsed) => assert.equal(sessionLabel(parsed), 'Session null:eve') });

    const standIn = await startStandIn({ sessions: sent.map(({ session }) => session), pageSize: 100, rateLimit: 0 });
    const model = modelWith(clientFor(standIn), 'none');
    try {
      const children = await model.children();
      const shown = sessionsOf(children);
      assert.deepEqual(shown.map((node) => node.session.id), sent.map(({ session }) => session.id), 'every session, in order');
      assert.equal(noticeOf(children, 'unreadable'), undefined, 'none counted unreadable');
      for (const [index, { fault, session, check }] of sent.entries()) {
        await survives(fault, () => {
          const parsed = shown[index]!.session;
          assert.deepEqual(parsed.raw, session, 'the JSON view gets exactly what was sent');
          check(parsed);
          assert.equal(typeof renderAll(parsed), 'string');
        });
      }
    } finally {
      model.dispose();
      await standIn.close();
    }
  });

  test('history events with null at every level still render, none dropped', () => {
    const events = [
      null,
      { id: null, created_at: null, event: null },
      { id: 'e1', created_at: null, event: { type: null, sender: null, content: null, attachments: null, context: null } },
      { id: 'e2', created_at: 'not a date', event: { type: 'handoff', sender: { type: null, name: null }, content: { type: null, text: null }, attachments: [null, { id: null, name: null, size: null, type: null, url: null }] } },
      { id: 3, created_at: '2026-11-01T10:00:00Z', event: { type: 'unheard_of_event', sender: { type: 'robot', name: 'R2' }, content: { type: 'rich', text: 'hi' } } },
    ];
    const page = parseHistoryPage({ items: events, next: null });
    survivesSync('null in history events', () => {
      assert.equal(page.items.length, 4, 'every object is an event, whatever it lacks');
      assert.equal(page.unreadable, 1, 'only the null item is unreadable');
      const session = { ...fullSession('with-history'), raw: fullSession('with-history') } as unknown as Session;
      const html = renderSessionPage(
        { session, refreshing: false, error: undefined, history: { events: page.items, loaded: true, hasOlder: false, busy: false, unreadable: page.unreadable, error: undefined } },
        { nonce: 'bm9uY2U=', script: '/* session.js */', style: '/* session.css */', lang: 'en' },
      );
      assert.equal(html.match(/<li class="event"/g)?.length, 4);
      assert.ok(html.includes('data-sender="robot"'));
      assert.ok(html.includes('1 event could not be read.'));
    });
  });
});


suite('fault suite: token revoked mid-use', function () {
  this.timeout(20_000);

  test('with five groups expanded, revoke then refresh: one request per group, then none until the user sets a token', async () => {
    const standIn = await startStandIn(SMALL);
    const model = modelWith(clientFor(standIn, { retryLimit: 3 }));
    try {
      await survives('token revoked mid-use', async () => {
        const expanded = (await leafGroups(model)).filter((group) => ['web', 'email', 'whatsapp'].includes(group.fixed.channel!)).slice(0, 5);
        for (const group of expanded) assert.ok(idsOf(await model.children(group)).length > 0, `${group.id} loaded`);

        standIn.revokeToken();
        standIn.requests.length = 0;
        model.refresh();
        // The view asks again for every expanded group after a refresh, some of them twice at once.
        const shown = await Promise.all([...expanded, ...expanded.slice(0, 2)].map((group) => model.children(group)));
        for (const children of shown) {
          assert.deepEqual(noticesOf(children).map((notice) => notice.kind), ['signedOut']);
          assert.equal(noticeOf(children, 'signedOut')!.error?.kind, 'unauthorized');
        }
        assert.equal(standIn.requests.length, expanded.length, 'one request per expanded group, 401 not retried');
        for (const group of expanded) assert.equal(standIn.requests.filter(isFor(group)).length, 1, group.id);

        // Repainting, re-expanding and waiting make no request: only the user can fix a token.
        for (let round = 0; round < 3; round++) for (const group of expanded) await model.children(group);
        await sleep(400);
        assert.equal(standIn.requests.length, expanded.length, 'no request storm, no retry timer');

        // The user sets a valid token: Credentials fires, the model refreshes, the groups load again.
        standIn.reset();
        model.refresh();
        for (const group of expanded) assert.deepEqual(idsOf(await model.children(group)), firstPages(standIn, group));
        assert.equal(standIn.requests.length, expanded.length);
      });
    } finally {
      model.dispose();
      await standIn.close();
    }
  });

  test('revoked while browsing, without a refresh: the next Load more finds out, once, and keeps the loaded page', async () => {
    const standIn = await startStandIn(SMALL);
    const model = modelWith(clientFor(standIn, { retryLimit: 3 }));
    try {
      await survives('token revoked mid-use (Load more)', async () => {
        const web = await leaf(model, 'open', 'web');
        const firstPage = idsOf(await model.children(web));
        standIn.revokeToken();
        standIn.requests.length = 0;
        await model.loadMore(noticeOf(await model.children(web), 'loadMore')!.slice!);
        const children = await model.children(web);
        assert.deepEqual(idsOf(children), firstPage);
        assert.equal(noticeOf(children, 'signedOut')?.error?.kind, 'unauthorized');
        assert.equal(noticeOf(children, 'loadMore'), undefined, 'no Load more while the token is rejected');
        await model.loadMore(noticeOf(children, 'signedOut')!.slice!); // a stray click: refused while in error
        assert.equal(standIn.requests.length, 1);
      });
    } finally {
      model.dispose();
      await standIn.close();
    }
  });
});

suite('fault suite: rapid refresh / expand / collapse interleavings', function () {
  this.timeout(120_000);

  test('random interleavings against a stand-in with latency: every expanded group shows exactly the server’s first pages, no stale or duplicated rows', async () => {
    const pageSize = 4;
    const standIn = await startStandIn({ count: 300, seed: 8, pageSize, rateLimit: 0 });
    const original = [...standIn.sessions];
    // A budget that never waits: hundreds of runs, each a burst of requests.
    const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 0, timeoutMs: 5_000, budget: new RequestBudget(1e9, 1) });
    const wanted = [['open', 'web'], ['open', 'email'], ['closed_resolved', 'web'], ['closed_unresolved', 'whatsapp']] as const;
    let arrivals = 0;

    /** A session that just arrived on the server: it sorts first, so every later page shifts by one. */
    const arrival = (group: GroupNode): RawSession => ({
      ...fullSession(`arrived-${arrivals++}`),
      status: group.fixed.status!,
      channel: { type: group.fixed.channel! },
    });

    const action = fc.oneof(
      { arbitrary: fc.record({ type: fc.constant('expand' as const), group: fc.nat(wanted.length - 1) }), weight: 4 },
      { arbitrary: fc.record({ type: fc.constant('collapse' as const), group: fc.nat(wanted.length - 1) }), weight: 2 },
      { arbitrary: fc.record({ type: fc.constant('loadMore' as const), group: fc.nat(wanted.length - 1) }), weight: 3 },
      // A refresh after the server's list changed: answers from before it are stale and must not show.
      { arbitrary: fc.record({ type: fc.constant('refresh' as const), arrivedIn: fc.nat(wanted.length - 1) }), weight: 2 },
      { arbitrary: fc.record({ type: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 12 }) }), weight: 3 },
    );

    try {
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 16 }), fc.integer({ min: 0, max: 10 }), async (actions, latencyMs) => {
          standIn.sessions.splice(0, standIn.sessions.length, ...original);
          standIn.reset();
          standIn.setFaults({ latencyMs });
          const model = modelWith(client);
          try {
            await survives('refresh / expand / collapse / load more, interleaved', async () => {
              const leaves = await Promise.all(wanted.map(([status, channel]) => leaf(model, status, channel)));
              const expanded = new Set<number>();
              const inFlight: Promise<unknown>[] = [];
              for (const step of actions) {
                if (step.type === 'expand') {
                  expanded.add(step.group);
                  inFlight.push(model.children(leaves[step.group]!));
                } else if (step.type === 'collapse') {
                  expanded.delete(step.group); // VS Code asks nothing of the provider on collapse
                } else if (step.type === 'loadMore') {
                  if (!expanded.has(step.group)) continue;
                  // A click on the "Load more…" row the view currently shows.
                  inFlight.push(
                    model.children(leaves[step.group]!).then((children) => {
                      const more = noticeOf(children, 'loadMore');
                      return more ? model.loadMore(more.slice!) : undefined;
                    }),
                  );
                } else if (step.type === 'refresh') {
                  standIn.sessions.unshift(arrival(leaves[step.arrivedIn]!));
                  model.refresh();
                  for (const index of expanded) inFlight.push(model.children(leaves[index]!));
                } else {
                  await sleep(step.ms);
                }
              }
              const outcomes = await Promise.allSettled(inFlight);
              assert.deepEqual(outcomes.filter((outcome) => outcome.status === 'rejected'), [], 'children() and loadMore() never reject');

              const treeIds: string[] = [];
              for (const index of expanded) {
                const group = leaves[index]!;
                const children = await settled(model, group);
                const shown = idsOf(children);
                const expected = standIn.matching(queryOf(group)).map((session) => session.id);
                assert.ok(shown.length > 0 || expected.length === 0, `${group.id} shows its first page`);
                assert.deepEqual(shown, expected.slice(0, shown.length), `${group.id}: exactly the server's current list, from the top`);
                assert.ok(shown.length % pageSize === 0 || shown.length === expected.length, `${group.id}: whole pages (${shown.length})`);
                assert.equal(noticeOf(children, 'error'), undefined, `${group.id}: no error`);
                treeIds.push(...children.map((node) => node.id));
              }
              assert.equal(new Set(treeIds).size, treeIds.length, 'every tree item id is unique');
            });
          } finally {
            model.dispose();
            standIn.clearFaults();
          }
        }),
        { numRuns: 150 },
      );
    } finally {
      await standIn.close();
    }
  });
});

suite('fault suite: the token in error messages', function () {
  this.timeout(20_000);
  const TOKEN = 'sk_live_7f3a9c2e5b1d4f60a8c3e9b2';
  let standIn: StandIn;

  /** Every text an error carries: its message, the server's words, its JSON, and the messages of its causes. */
  function textsOf(error: ApiError): string[] {
    const texts = [error.message, error.serverMessage ?? '', String(error), JSON.stringify(error)];
    for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) texts.push(cause.message);
    return texts;
  }

  /** Every 8-character piece of the token: a token cut off is still a leak. */
  const piecesOf = (token: string) => Array.from({ length: token.length - 7 }, (_, index) => token.slice(index, index + 8));

  async function failure(request: Promise<unknown>): Promise<ApiError> {
    try {
      await request;
    } catch (error) {
      assert.ok(error instanceof ApiError, String(error));
      return error;
    }
    assert.fail('the request succeeded');
  }

  suiteSetup(async () => {
    standIn = await startStandIn({ ...SMALL, token: TOKEN });
  });
  suiteTeardown(() => standIn.close());
  setup(() => standIn.reset());

  test('every kind of error keeps the token out of every text it carries, even when the server echoes it', async () => {
    const client = (options: Partial<ClientOptions> = {}) => new OpenCxClient({ baseUrl: standIn.url, token: TOKEN, retryLimit: 0, timeoutMs: 300, maxRetryWaitMs: 1_000, ...options });
    const echo = `the key ${TOKEN} (that is: ${TOKEN}) was refused`;
    const port = await closedPort();
    const aborted = new AbortController();
    aborted.abort();
    const cases: { kind: ApiErrorKind; faults?: Faults; request: () => Promise<unknown>; echoed?: boolean }[] = [
      { kind: 'badRequest', faults: { status: 400, message: echo }, request: () => client().listSessions({}), echoed: true },
      { kind: 'unauthorized', faults: { status: 401, message: echo }, request: () => client().listSessions({}), echoed: true },
      { kind: 'forbidden', faults: { status: 403, message: echo }, request: () => client().listHistory('x'), echoed: true },
      { kind: 'notFound', faults: { status: 404, message: echo }, request: () => client().getSession('x'), echoed: true },
      { kind: 'rateLimited', faults: { status: 429, retryAfterSeconds: 60, message: echo }, request: () => client().listSessions({}), echoed: true },
      ...[500, 502, 503, 504].map((status) => ({ kind: 'server' as const, faults: { status, message: echo }, request: () => client().listSessions({}), echoed: true })),
      { kind: 'timeout', faults: { hang: true }, request: () => client().listSessions({}) },
      { kind: 'invalidResponse', faults: { body: 'html' }, request: () => client().listSessions({}) },
      { kind: 'invalidResponse', faults: { body: 'missingItems' }, request: () => client().listSessions({}) },
      { kind: 'network', request: () => client({ baseUrl: `http://127.0.0.1:${port}` }).listSessions({}) },
      { kind: 'cancelled', request: () => client().listSessions({}, undefined, aborted.signal) },
    ];
    for (const { kind, faults, request, echoed } of cases) {
      await survives(`token kept out of errors: ${kind}`, async () => {
        standIn.reset();
        if (faults) standIn.setFaults(faults);
        const error = await failure(request());
        assert.equal(error.kind, kind);
        for (const text of textsOf(error)) {
          assert.deepEqual(piecesOf(TOKEN).filter((piece) => text.includes(piece)), [], `${kind}: ${text}`);
        }
        // The server's words are kept, with the token masked: the check above saw the echo.
        if (echoed) assert.match(error.message, /«token»/, `${kind} shows the server message`);
      });
    }
  });

  test('a pasted token no header can carry (invisible character, line break, non-ASCII): a configuration error item, nothing sent, no piece of it anywhere', async () => {
    const pasted = [
      `${TOKEN.slice(0, 11)}\u200b${TOKEN.slice(11)}`,
      `${TOKEN.slice(0, 8)}\n${TOKEN.slice(8)}`,
      `${TOKEN}\r\nX-Injected: 1`,
      `${TOKEN}\u2026`,
      `\u201c${TOKEN}\u201d`,
      `${TOKEN.slice(0, 5)}\u00a0${TOKEN.slice(5)}`,
      `${TOKEN.slice(0, 5)}\u0000${TOKEN.slice(5)}`,
    ];
    for (const token of pasted) {
      // As Connection does: a client for the stored token, built when the tree asks for one.
      const model = new SessionTreeModel({ client: async () => new OpenCxClient({ baseUrl: standIn.url, token, retryLimit: 2 }), grouping: 'none' });
      try {
        await survives('token no header can carry: configuration error, nothing sent', async () => {
          standIn.reset();
          const children = await model.children();
          const error = noticeOf(children, 'error')?.error;
          assert.equal(error?.kind, 'configuration', JSON.stringify(token));
          assert.match(error.message, /The API key contains .+ at position \d+/);
          assert.doesNotMatch(error.message, /Cannot reach|connection/);
          assert.equal(error.cause, undefined);
          const printed = [...textsOf(error), inspect(error, { depth: Infinity, showHidden: true })];
          for (const text of printed) {
            assert.deepEqual(piecesOf(TOKEN).filter((piece) => text.includes(piece)), [], text);
          }
          assert.equal(standIn.requests.length, 0, 'nothing was sent');
        });
      } finally {
        model.dispose();
      }
    }
  });

  test('a long server message with the token near the 300-character cut: no piece of the token in the error', async () => {
    const client = new OpenCxClient({ baseUrl: standIn.url, token: TOKEN, retryLimit: 0 });
    for (const padding of [0, 150, 275, 285, 292, 299, 320]) {
      await survives('token kept out of errors: long echo near the cut', async () => {
        standIn.setFaults({ status: 400, message: `${'x'.repeat(padding)} ${TOKEN} and more` });
        const error = await failure(client.listSessions({}));
        for (const text of textsOf(error)) {
          assert.deepEqual(piecesOf(TOKEN).filter((piece) => text.includes(piece)), [], `${padding} characters before the token: ${text.slice(-80)}`);
        }
      });
    }
  });
});
