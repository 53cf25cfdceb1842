// The active account changing while a page of the old one is in flight: the tree asks again with
// the new account's key and server, and the old account's late answer lands nowhere.
import * as assert from 'node:assert/strict';
import type { OpenCxClient } from '../../src/api/client';
import { SessionTreeModel } from '../../src/model/tree/sessionTree';
import { startStandIn, type StandIn } from '../server/server';
import { clientFor, idsOf, leaf, PAGE_SIZE, settled } from './faultTree';

suite('accounts: a switch in the middle of a load', () => {
  let first: StandIn;
  let second: StandIn;

  suiteSetup(async () => {
    // Two organizations: their own servers, keys and sessions.
    first = await startStandIn({ count: 300, seed: 31, pageSize: PAGE_SIZE, rateLimit: 0, token: 'first-organization-key' });
    second = await startStandIn({ count: 300, seed: 32, pageSize: PAGE_SIZE, rateLimit: 0, token: 'second-organization-key' });
  });
  suiteTeardown(async () => {
    await first.close();
    await second.close();
  });

  test("none of the old account's rows land in the new account's tree", async () => {
    let active: OpenCxClient = clientFor(first);
    const model = new SessionTreeModel({ client: async () => active, grouping: 'status/channel' });
    try {
      first.setFaults({ latencyMs: 400, path: '/chat/sessions' });
      const group = await leaf(model, 'open', 'web');
      void model.children(group); // the first account's page is on its way
      await new Promise((resolve) => setTimeout(resolve, 100));
      const switchedAt = Date.now();
      active = clientFor(second);
      model.refresh(); // what the credentials' change event does
      const rows = await settled(model, await leaf(model, 'open', 'web'));
      await new Promise((resolve) => setTimeout(resolve, 500)); // the first account's answer is in by now
      const shown = idsOf(await settled(model, await leaf(model, 'open', 'web')));
      const secondIds = new Set(second.sessions.map((session) => session.id));
      assert.ok(idsOf(rows).length > 0, 'the second account shows sessions');
      assert.deepEqual(
        shown.filter((id) => !secondIds.has(id)),
        [],
        'only the second account’s sessions',
      );
      assert.deepEqual(shown, second.matching({ status: 'open', channel_type: 'web' }).slice(0, PAGE_SIZE).map((session) => session.id));
      assert.equal(first.requests.filter((request) => request.time >= switchedAt).length, 0, 'nothing asked of the first account after the switch');
      assert.ok(second.requests.every((request) => request.status === 200), 'every request to the second server carried its key');
    } finally {
      first.clearFaults();
      model.dispose();
    }
  });
});
