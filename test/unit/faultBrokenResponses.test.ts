// Fault suite, answers that cannot be read: broken bodies, a next cursor that is not one, a
// cursor handed out again, on the list pages the tree loads and on the session panel's requests.
import * as assert from 'node:assert/strict';
import { startStandIn } from '../server/server';
import type { Json } from '../server/data';
import { survives } from './faultReport';
import { clientFor, firstPages, idsOf, leaf, modelWith, noticeOf, PAGE_SIZE, queryOf, SMALL } from './faultTree';

suite('fault suite: broken bodies and cursors', function () {
  this.timeout(30_000);

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
            await model.retry(error.pages!);
            children = await model.children(web);
            assert.deepEqual(idsOf(children), firstPages(standIn, web));
          });
          await survives(`broken body: ${body}`, async () => {
            // On the second page: the first page stays, the error follows it.
            let children = await model.children(web);
            standIn.setFaults({ body, times: 1 });
            await model.loadMore(noticeOf(children, 'loadMore')!.pages!);
            children = await model.children(web);
            const error = noticeOf(children, 'error');
            assert.equal(error?.error?.kind, 'invalidResponse', `${body} on page 2`);
            assert.deepEqual(idsOf(children), firstPages(standIn, web));
            await model.retry(error.pages!);
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
            await model.retry(error.pages!);
            children = await model.children(web);
            assert.deepEqual(idsOf(children), firstPages(standIn, web));
            // On the second page: the first page stays, the error follows it, Load more is not offered as if done.
            standIn.setFaults({ next, times: 1 });
            await model.loadMore(noticeOf(children, 'loadMore')!.pages!);
            children = await model.children(web);
            error = noticeOf(children, 'error');
            assert.equal(error?.error?.kind, 'invalidResponse', `${JSON.stringify(next)} on page 2`);
            assert.deepEqual(idsOf(children), firstPages(standIn, web));
            await model.retry(error.pages!);
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
        await model.loadMore(noticeOf(await model.children(web), 'loadMore')!.pages!);
        let children = await model.children(web);
        assert.deepEqual(idsOf(children), firstPages(standIn, web), 'the page behind the repeated cursor is not taken');
        assert.match(noticeOf(children, 'error')?.error?.message ?? '', /cursor it had sent before/);
        assert.equal(noticeOf(children, 'loadMore'), undefined, 'no "Load more…" that loads nothing');
        standIn.clearFaults();
        await model.retry(noticeOf(children, 'error')!.pages!);
        children = await model.children(web);
        assert.deepEqual(idsOf(children), firstPages(standIn, web, 2), 'retry asked for the same page again and took it');
      });
      await survives('paging: a page with nothing new and a next cursor', async () => {
        model.refresh();
        const email = await leaf(model, 'open', 'email');
        const first = standIn.matching(queryOf(email)).slice(0, PAGE_SIZE);
        await model.children(email);
        standIn.setFaults({ bodyText: JSON.stringify({ items: first, next: 'more-of-the-same' }), times: 1 });
        await model.loadMore(noticeOf(await model.children(email), 'loadMore')!.pages!);
        const children = await model.children(email);
        assert.deepEqual(idsOf(children), firstPages(standIn, email));
        assert.match(noticeOf(children, 'error')?.error?.message ?? '', /no session that is not already shown/);
        await model.retry(noticeOf(children, 'error')!.pages!);
        assert.deepEqual(idsOf(await model.children(email)), firstPages(standIn, email, 2));
      });
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
