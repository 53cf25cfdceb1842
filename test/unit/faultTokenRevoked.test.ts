// Fault suite, a token revoked while the tree is in use: one request per group finds out, then
// nothing is sent until the user sets a token.
import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startStandIn } from '../server/server';
import { survives } from './faultReport';
import { clientFor, firstPages, idsOf, isFor, leaf, leafGroups, modelWith, noticeOf, noticesOf, SMALL } from './faultTree';

suite('fault suite: token revoked mid-use', function () {
  this.timeout(20_000);

  test('with five groups expanded, revoke then refresh: one request per group, then none until the user sets a token', async () => {
    const standIn = await startStandIn(SMALL);
    const model = modelWith(clientFor(standIn, { retryLimit: 3 }));
    try {
      await survives('token revoked mid-use', async () => {
        const expanded = (await leafGroups(model)).filter((group) => ['web', 'email', 'whatsapp'].includes(group.groupedBy.channel!)).slice(0, 5);
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
        await model.loadMore(noticeOf(await model.children(web), 'loadMore')!.pages!);
        const children = await model.children(web);
        assert.deepEqual(idsOf(children), firstPage);
        assert.equal(noticeOf(children, 'signedOut')?.error?.kind, 'unauthorized');
        assert.equal(noticeOf(children, 'loadMore'), undefined, 'no Load more while the token is rejected');
        await model.loadMore(noticeOf(children, 'signedOut')!.pages!); // a stray click: refused while in error
        assert.equal(standIn.requests.length, 1);
      });
    } finally {
      model.dispose();
      await standIn.close();
    }
  });
});
