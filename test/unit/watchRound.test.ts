import * as assert from 'node:assert/strict';
import { RequestBudget } from '../../src/api/budget';
import { OpenCxClient } from '../../src/api/client';
import { SessionTreeModel } from '../../src/model/tree/sessionTree';
import type { GroupNode, NoticeNode, SessionNode, TreeNode } from '../../src/model/tree/treeNodes';
import { startStandIn, type StandIn } from '../server/server';

const groups = (nodes: TreeNode[]) => nodes.filter((node): node is GroupNode => node.type === 'group');
const sessions = (nodes: TreeNode[]) => nodes.filter((node): node is SessionNode => node.type === 'session');
const notices = (nodes: TreeNode[]) => nodes.filter((node): node is NoticeNode => node.type === 'notice');
const find = (nodes: TreeNode[], value: string) => groups(nodes).find((node) => node.value === value)!;
const idsOf = (nodes: TreeNode[]) => sessions(nodes).map((node) => node.session.id);

suite('watching: a round reads the expanded groups\' first pages and merges them in place', function () {
  this.timeout(20_000);
  let standIn: StandIn;
  let model: SessionTreeModel;
  let budget: RequestBudget;
  const chatRequests = () => standIn.requests.filter((request) => request.path.startsWith('/chat/'));

  /** Open › Web (two pages loaded) and Open › Email expanded, Closed · resolved › Web loaded but collapsed. */
  async function expandAndLoad() {
    const roots = await model.children();
    const open = find(roots, 'open');
    const web = find(await model.children(open), 'web');
    const email = find(await model.children(open), 'email');
    const closed = find(roots, 'closed_resolved');
    const closedWeb = find(await model.children(closed), 'web');
    for (const node of [open, web, email]) model.setExpanded(node, true);
    await model.children(web);
    const more = notices(await model.children(web)).find((notice) => notice.kind === 'loadMore')!;
    await model.loadMore(more.pages!);
    await model.children(email);
    await model.children(closedWeb);
    // Loaded when the user expanded it, then collapsed.
    for (const node of [closed, closedWeb]) model.setExpanded(node, false);
    standIn.requests.length = 0;
    return { open, web, email, closedWeb };
  }

  suiteSetup(async () => {
    standIn = await startStandIn({ count: 3000, seed: 5, pageSize: 25, rateLimit: 0 });
  });
  suiteTeardown(() => standIn.close());
  setup(() => {
    standIn.reset();
    budget = new RequestBudget();
    const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, budget, retryLimit: 1 });
    model = new SessionTreeModel({ client: async () => client });
  });
  teardown(() => model.dispose());

  test('one request per expanded group, none for collapsed ones; a new session on top, as many rows as were loaded, the cursor kept', async () => {
    const { web, email } = await expandAndLoad();
    const before = idsOf(await model.children(web));
    assert.equal(before.length, 50);
    const arrived = standIn.addSession({ channel: { type: 'web' } });
    const changes: (GroupNode | undefined)[] = [];
    model.onDidChange((node) => changes.push(node));

    const round = await model.watchRound();
    assert.deepEqual(chatRequests().map((request) => [request.query.status, request.query.channel_type, request.query.cursor]).sort(), [
      ['open', 'email', undefined],
      ['open', 'web', undefined],
    ]);
    assert.deepEqual(round.added.map((session) => session.id), [arrived.id]);
    assert.deepEqual(changes, [web], 'one change event, for the group that changed');
    const after = await model.children(web);
    assert.deepEqual(idsOf(after), [arrived.id, ...before.slice(0, -1)], 'on top; the oldest row goes back behind "Load more"');
    assert.equal(sessions(after)[0]!.isNew, true, 'marked');
    assert.equal(model.newSessions.count, 1, 'counted');
    assert.equal(sessions(await model.children(email)).length, 25);

    // The second page's cursor still leads on: the next page follows without a repeat or a gap.
    standIn.requests.length = 0;
    await model.loadMore(notices(after).find((notice) => notice.kind === 'loadMore')!.pages!);
    const paged = idsOf(await model.children(web));
    const expected = standIn.matching({ status: 'open', channel_type: 'web' }).map((session) => session.id);
    assert.deepEqual(paged, expected.slice(0, 75));
    assert.deepEqual(chatRequests().map((request) => Boolean(request.query.cursor)), [true]);
  });

  test('round after round of arrivals, a group keeps the rows the user loaded, and "Load more" goes on where they end', async () => {
    const { web } = await expandAndLoad();
    // Ten rounds (two requests each: within the budget's share for watching) of six arrivals.
    for (let round = 0; round < 10; round++) {
      for (let arrival = 0; arrival < 6; arrival++) standIn.addSession({ channel: { type: 'web' } });
      await model.watchRound();
    }
    const expected = standIn.matching({ status: 'open', channel_type: 'web' }).map((session) => session.id);
    const rows = await model.children(web);
    assert.deepEqual(idsOf(rows), expected.slice(0, 50), '60 arrived; the group shows the newest 50');
    assert.equal(model.newSessions.count, 60, 'every arrival counted');
    await model.loadMore(notices(rows).find((notice) => notice.kind === 'loadMore')!.pages!);
    assert.deepEqual(idsOf(await model.children(web)), expected.slice(0, 75), 'no repeat, no gap');
  });

  test('a session whose status changed leaves the group of its old status and updates where it is shown', async () => {
    const { web, closedWeb } = await expandAndLoad();
    const moved = sessions(await model.children(web))[3]!.session;
    standIn.changeSession(moved.id, { status: 'closed_resolved' });
    model.setExpanded(find(await model.children(), 'closed_resolved'), true);
    model.setExpanded(closedWeb, true);
    const round = await model.watchRound();
    assert.ok(!idsOf(await model.children(web)).includes(moved.id), 'gone from Open › Web');
    const closed = sessions(await model.children(closedWeb)).find((node) => node.session.id === moved.id);
    assert.equal(closed?.session.status, 'closed_resolved', 'shown in Closed › Web with its new status');
    assert.deepEqual(round.added, [], 'moved, not new');
  });

  test('a deleted session goes; a changed one is updated in place', async () => {
    const { web } = await expandAndLoad();
    const [first, second] = sessions(await model.children(web)).map((node) => node.session);
    standIn.removeSession(first!.id);
    standIn.changeSession(second!.id, { contact: { name: 'Renamed Customer' } });
    await model.watchRound();
    const rows = sessions(await model.children(web));
    assert.equal(rows[0]!.session.id, second!.id);
    assert.equal(rows[0]!.session.contact?.name, 'Renamed Customer');
    assert.equal(rows[0]!.id, `slice:${web.id}/${second!.id}`, 'the same row id: selection and scroll stay');
  });

  test('a failed read leaves the rows and says so on top; the click reads again once the wait is over; a 429 is not retried in the round', async () => {
    const { web } = await expandAndLoad();
    const before = idsOf(await model.children(web));
    standIn.setFaults({ status: 429, retryAfterSeconds: 3 });
    const round = await model.watchRound();
    assert.equal(round.error?.kind, 'rateLimited');
    assert.equal(chatRequests().length, 2, 'one attempt per group: watching backs off instead');
    const rows = await model.children(web);
    assert.deepEqual(idsOf(rows), before, 'nothing lost');
    const failed = notices(rows)[0]!;
    assert.equal(failed.kind, 'watchFailed');
    assert.equal(rows[0], failed, 'on top');
    standIn.clearFaults();
    const arrived = standIn.addSession({ channel: { type: 'web' } });
    const limitedAt = chatRequests()[0]!.time;
    await model.retry(failed.pages!);
    const again = await model.children(web);
    assert.equal(notices(again)[0]!.kind, 'loadMore');
    assert.equal(idsOf(again)[0], arrived.id);
    assert.ok(chatRequests()[2]!.time - limitedAt >= 2_990, 'the click waited for the key’s pause');
  });

  test('the marks and the count: looking clears the count, looking away the marks', async () => {
    const { web } = await expandAndLoad();
    model.setLooking(false);
    standIn.addSession({ channel: { type: 'web' } });
    standIn.addSession({ channel: { type: 'email' } });
    await model.watchRound();
    assert.equal(model.newSessions.count, 2);
    model.setLooking(true);
    assert.equal(model.newSessions.count, 0, 'looked at');
    assert.equal(sessions(await model.children(web))[0]!.isNew, true, 'still marked while the user looks');
    const changes: (GroupNode | undefined)[] = [];
    model.onDidChange((node) => changes.push(node));
    model.setLooking(false);
    assert.equal(sessions(await model.children(web))[0]!.isNew, undefined);
    assert.equal(changes.length, 2, 'the two groups with marks redraw');
    // Arriving while the user looks: marked, not counted.
    standIn.addSession({ channel: { type: 'web' } });
    model.setLooking(true);
    await model.watchRound();
    assert.equal(model.newSessions.count, 0);
    assert.equal(sessions(await model.children(web))[0]!.isNew, true);
  });

  test('sessions that newly need a human: new or changed to open and handed off', async () => {
    const { web } = await expandAndLoad();
    const calm = sessions(await model.children(web)).slice(0, 20).find((node) => node.session.handoff == null)!.session;
    standIn.changeSession(calm.id, { handoff: { summary: 'Wants a person', sentiment: 'angry' }, ai_closure_type: 'handed_off' });
    const arrived = standIn.addSession({ channel: { type: 'email' }, handoff: { summary: 'Refund', sentiment: null } });
    standIn.addSession({ channel: { type: 'web' } });
    const round = await model.watchRound();
    assert.deepEqual(round.needHuman.map((session) => session.id).sort(), [calm.id, arrived.id].sort());
    assert.equal(round.added.length, 2);
  });

  test('watching takes background slots of the budget; when the share is spent it waits without showing an error', async () => {
    const { web } = await expandAndLoad();
    for (let i = 0; i < budget.backgroundShare; i++) budget.takeBackground();
    const round = await model.watchRound();
    assert.equal(round.error?.kind, 'rateLimited');
    assert.deepEqual(chatRequests(), [], 'nothing sent');
    assert.notEqual(notices(await model.children(web))[0]!.kind, 'watchFailed');
  });

  test('after a refresh while the view was hidden, a round loads the expanded groups\' first pages', async () => {
    const { web } = await expandAndLoad();
    model.setViewVisible(false);
    model.refresh();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(chatRequests(), [], 'a hidden view loads nothing ahead');
    await model.watchRound();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(chatRequests().map((request) => request.query.channel_type).sort(), ['email', 'web']);
    assert.equal(model.loaded(web)?.count, 25);
  });
});
