// Fault suite, the user faster than the server: refresh, expand, collapse, Load more, filter and
// grouping changes while pages are on their way; answers for what is no longer shown must not show.
import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { RequestBudget } from '../../src/api/budget';
import { OpenCxClient } from '../../src/api/client';
import type { GroupNode } from '../../src/model/tree/treeNodes';
import { fullRawSession, sessionIdFor } from '../builders/sessions';
import type { RawSession } from '../server/data';
import { startStandIn } from '../server/server';
import { survives } from './faultReport';
import { clientFor, idsOf, leaf, modelWith, noticeOf, queryOf, settled, SMALL } from './faultTree';

suite('fault suite: rapid refresh / expand / collapse / filter interleavings', function () {
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
    const arrival = (group: GroupNode): RawSession =>
      fullRawSession({ id: sessionIdFor(`arrived-${arrivals++}`), status: group.groupedBy.status!, channel: { type: group.groupedBy.channel! } });

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
                      return more ? model.loadMore(more.pages!) : undefined;
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
});
