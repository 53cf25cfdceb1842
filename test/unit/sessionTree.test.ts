import * as assert from 'node:assert/strict';
import { RequestBudget } from '../../src/api/budget';
import { OpenCxClient } from '../../src/api/client';
import { NO_FILTER } from '../../src/model/tree/sessionFilter';
import { SessionTreeModel } from '../../src/model/tree/sessionTree';
import type { GroupNode, NoticeNode, SessionNode, TreeNode } from '../../src/model/tree/treeNodes';
import { startStandIn, type StandIn } from '../server/server';

const groups = (nodes: TreeNode[]) => nodes.filter((node): node is GroupNode => node.type === 'group');
const sessions = (nodes: TreeNode[]) => nodes.filter((node): node is SessionNode => node.type === 'session');
const notices = (nodes: TreeNode[]) => nodes.filter((node): node is NoticeNode => node.type === 'notice');
const find = (nodes: TreeNode[], value: string) => groups(nodes).find((node) => node.value === value)!;

suite('sessions tree model against the stand-in', function () {
  this.timeout(20_000);
  let standIn: StandIn;
  let signedIn: boolean;
  let model: SessionTreeModel;
  const makeModel = (options: Partial<ConstructorParameters<typeof SessionTreeModel>[0]> = {}) =>
    new SessionTreeModel({
      client: async () => (signedIn ? new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 1, timeoutMs: 2_000 }) : undefined),
      ...options,
    });
  const chatRequests = () => standIn.requests.filter((request) => request.path.startsWith('/chat/'));

  /** Expands a group and pages it to the end, as a user clicking "Load more…" would. */
  async function loadAll(node: GroupNode | undefined): Promise<SessionNode[]> {
    let children = await model.children(node);
    for (;;) {
      const more = notices(children).find((notice) => notice.kind === 'loadMore');
      if (!more) return sessions(children);
      await model.loadMore(more.pages!);
      children = await model.children(node);
    }
  }

  suiteSetup(async () => {
    standIn = await startStandIn({ count: 3000, seed: 11, pageSize: 25, rateLimit: 0 });
  });
  suiteTeardown(() => standIn.close());
  setup(() => {
    standIn.reset();
    signedIn = true;
    model = makeModel();
  });
  teardown(() => model.dispose());

  test('top level is status, second level channel; nothing is fetched for collapsed groups', async () => {
    const roots = await model.children();
    assert.deepEqual(roots.map((node) => (node as GroupNode).label), ['Open', 'Closed · resolved', 'Closed · unresolved']);
    const channels = await model.children(roots[0]);
    assert.equal(groups(channels).length, 10);
    assert.deepEqual(chatRequests(), []);
  });

  test('expand Open → expand web → Load more ×2 makes exactly 3 requests, each for that group', async () => {
    const open = find(await model.children(), 'open');
    const web = find(await model.children(open), 'web');
    let children = await model.children(web);
    assert.equal(sessions(children).length, 25);
    for (let i = 0; i < 2; i++) {
      await model.loadMore(notices(children).find((notice) => notice.kind === 'loadMore')!.pages!);
      children = await model.children(web);
    }
    assert.equal(sessions(children).length, 75);
    assert.equal(chatRequests().length, 3);
    for (const request of chatRequests()) {
      assert.equal(request.query.status, 'open');
      assert.equal(request.query.channel_type, 'web');
    }
  });

  test('paging a group to the end shows exactly its sessions, in order, then no "Load more…"', async () => {
    const closed = find(await model.children(), 'closed_resolved');
    const email = find(await model.children(closed), 'email');
    const shown = await loadAll(email);
    const expected = standIn.matching({ status: 'closed_resolved', channel_type: 'email' }).map((session) => session.id);
    assert.ok(expected.length > 25, 'more than one page');
    assert.deepEqual(shown.map((node) => node.session.id), expected);
    assert.equal(new Set(shown.map((node) => node.id)).size, shown.length, 'unique tree ids');
    const last = await model.children(email);
    assert.deepEqual(notices(last), []);
    assert.equal(chatRequests().length, Math.ceil(expected.length / 25));
  });

  test('an empty group says so instead of showing nothing', async () => {
    model.setFilter({ ...NO_FILTER, created: { after: '2099-01-01T00:00:00Z' } });
    const web = find(await model.children(find(await model.children(), 'open')), 'web');
    assert.deepEqual(notices(await model.children(web)).map((notice) => notice.kind), ['empty']);
  });

  test('expanding the same group twice while it loads issues one request', async () => {
    standIn.setFaults({ latencyMs: 150 });
    const web = find(await model.children(find(await model.children(), 'open')), 'web');
    const [first, second] = await Promise.all([model.children(web), model.children(web)]);
    assert.equal(chatRequests().length, 1);
    assert.deepEqual(second.map((node) => node.id), first.map((node) => node.id));
  });

  test('a failed page becomes an error item; retry fetches only that page and keeps the loaded ones', async () => {
    const web = find(await model.children(find(await model.children(), 'open')), 'web');
    const firstPage = sessions(await model.children(web));
    standIn.setFaults({ status: 500, message: 'database unavailable' });
    const more = notices(await model.children(web)).find((notice) => notice.kind === 'loadMore')!;
    await model.loadMore(more.pages!);
    let children = await model.children(web);
    const error = notices(children).find((notice) => notice.kind === 'error')!;
    assert.ok(error, 'an error item');
    assert.match(error.error!.message, /database unavailable/);
    assert.deepEqual(sessions(children).map((node) => node.id), firstPage.map((node) => node.id), 'loaded page kept');
    const failedCursor = standIn.requests.at(-1)!.query.cursor;
    assert.ok(failedCursor);

    standIn.clearFaults();
    standIn.requests.length = 0;
    await model.retry(error.pages!);
    children = await model.children(web);
    assert.equal(sessions(children).length, 50);
    assert.deepEqual(chatRequests().map((request) => request.query.cursor), [failedCursor], 'only the failed page again');
    assert.equal(notices(children).find((notice) => notice.kind === 'error'), undefined);
  });

  test('401 turns into a "set token" item, not an error blank', async () => {
    standIn.revokeToken();
    const web = find(await model.children(find(await model.children(), 'open')), 'web');
    const [notice] = notices(await model.children(web));
    assert.equal(notice!.kind, 'signedOut');
    assert.equal(notice!.error!.kind, 'unauthorized');
  });

  test('a long Retry-After is shown as waiting, then retried by itself', async () => {
    // 2 s: no automatic retry comes sooner than the floor, so a shorter Retry-After would read as 2 s.
    standIn.setFaults({ status: 429, retryAfterSeconds: 2, times: 1 });
    const limitedClient = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, maxRetryWaitMs: 100 });
    model.dispose();
    model = new SessionTreeModel({ client: async () => limitedClient });
    const web = find(await model.children(find(await model.children(), 'open')), 'web');
    const [waiting] = notices(await model.children(web));
    assert.equal(waiting!.kind, 'rateLimited');
    assert.equal(waiting!.error!.retryAfterMs, 2000);
    const changed = new Promise<void>((resolve) => model.onDidChange((node) => node === web && resolve()));
    await changed; // "Loading…"
    await new Promise<void>((resolve) => model.onDidChange((node) => node === web && resolve()));
    assert.equal(sessions(await model.children(web)).length, 25);
    const [limited, retried] = chatRequests();
    assert.ok(retried!.time - limited!.time >= 2000, 'not retried sooner than Retry-After');
  });

  test('a spent request budget is shown as waiting, not sent, then loaded by itself when a slot frees', async () => {
    // One request a second, and the client holds nothing back longer than 100 ms behind a spinner.
    const budget = new RequestBudget(1, 1_000);
    const budgetedClient = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, budget, maxRetryWaitMs: 100, timeoutMs: 300 });
    model.dispose();
    model = new SessionTreeModel({ client: async () => budgetedClient });
    const open = find(await model.children(), 'open');
    assert.equal(sessions(await model.children(find(await model.children(open), 'web'))).length, 25);
    const email = find(await model.children(open), 'email');
    const [waiting] = notices(await model.children(email));
    assert.equal(waiting!.kind, 'rateLimited', waiting!.error?.message);
    assert.ok(waiting!.error!.retryAfterMs! > 500, `waits ${waiting!.error!.retryAfterMs} ms`);
    assert.equal(chatRequests().length, 1, 'the held-back request was not sent');
    await new Promise<void>((resolve) => model.onDidChange((node) => node === email && resolve())); // "Loading…"
    await new Promise<void>((resolve) => model.onDidChange((node) => node === email && resolve()));
    assert.equal(sessions(await model.children(email)).length, 25);
    const [first, second] = chatRequests();
    assert.ok(second!.time - first!.time >= 900, `the second request went ${second!.time - first!.time} ms after the first`);
  });

  test('refresh aborts in-flight requests and ignores their late answers', async () => {
    const web = find(await model.children(find(await model.children(), 'open')), 'web');
    standIn.setFaults({ latencyMs: 300 });
    const stale = model.children(web);
    await new Promise((resolve) => setTimeout(resolve, 50));
    model.refresh();
    standIn.clearFaults();
    const fresh = await model.children(web);
    const staleAnswer = await stale;
    assert.equal(sessions(fresh).length, 25);
    assert.deepEqual(
      sessions(staleAnswer).map((node) => node.id),
      sessions(fresh).map((node) => node.id),
      'the call made before the refresh answers with the new generation, not an empty or aborted page',
    );
    assert.equal(sessions(staleAnswer)[0]!.pages, sessions(fresh)[0]!.pages);
    assert.equal(sessions(await model.children(web)).length, 25, 'the late answer added no rows');
    assert.equal(new Set(sessions(await model.children(web)).map((node) => node.id)).size, 25);
  });

  test('a filter or grouping change while a group loads does not load that group again', async () => {
    const web = find(await model.children(find(await model.children(), 'open')), 'web');
    standIn.setFaults({ latencyMs: 300 });
    const loading = model.children(web);
    await new Promise((resolve) => setTimeout(resolve, 50));
    model.setFilter({ ...NO_FILTER, channels: ['email'] });
    standIn.clearFaults();
    assert.deepEqual(await loading, [], 'the hidden group answers with no rows');
    assert.deepEqual(chatRequests().map((request) => request.query.channel_type), ['web'], 'only the request made before the change');
    assert.deepEqual(model.loadedSessions(), [], 'no rows of the hidden group were kept');

    const email = find(await model.children(find(await model.children(), 'open')), 'email');
    standIn.setFaults({ latencyMs: 300 });
    const regrouped = model.children(email);
    await new Promise((resolve) => setTimeout(resolve, 50));
    model.setGrouping('channel/status');
    standIn.clearFaults();
    assert.deepEqual(await regrouped, []);
    assert.deepEqual(chatRequests().map((request) => request.query.channel_type), ['web', 'email']);
    assert.deepEqual(model.loadedSessions(), []);
  });

  test('Load more tells the view once, when the page is in', async () => {
    const web = find(await model.children(find(await model.children(), 'open')), 'web');
    const more = notices(await model.children(web)).find((notice) => notice.kind === 'loadMore')!;
    const changes: (GroupNode | undefined)[] = [];
    const stop = model.onDidChange((node) => changes.push(node));
    const loading = model.loadMore(more.pages!);
    assert.deepEqual(changes, [], 'no "Loading…" event: VS Code would hold back the next one for 200 ms');
    await loading;
    stop();
    assert.deepEqual(changes, [web]);
    assert.equal(sessions(await model.children(web)).length, 50);
  });

  test('refresh re-fetches only what is asked for again', async () => {
    const open = find(await model.children(), 'open');
    await model.children(find(await model.children(open), 'web'));
    await model.children(find(await model.children(open), 'sms'));
    standIn.requests.length = 0;
    model.refresh();
    await model.children(find(await model.children(open), 'web'));
    assert.deepEqual(chatRequests().map((request) => request.query.channel_type), ['web']);
  });

  test('a session that moves to the next page while paging is not shown twice', async () => {
    const web = find(await model.children(find(await model.children(), 'open')), 'web');
    const first = sessions(await model.children(web));
    // The server's list shifts between two pages: the first session now sorts right after the
    // 25th, so page two starts with a session page one already showed.
    const original = [...standIn.sessions];
    const moved = standIn.sessions.find((session) => session.id === first[0]!.session.id)!;
    standIn.sessions.splice(standIn.sessions.indexOf(moved), 1);
    const openWeb = standIn.sessions.filter((session) => session.status === 'open' && session.channel.type === 'web');
    standIn.sessions.splice(standIn.sessions.indexOf(openWeb[24]!) + 1, 0, moved);
    try {
      await model.loadMore(first[0]!.pages);
      const shown = sessions(await model.children(web)).map((node) => node.session.id);
      assert.equal(shown.length, 49, 'the repeated session is skipped, the rest of page two shown');
      assert.equal(new Set(shown).size, shown.length);
      assert.equal(shown[0], moved.id, 'it stays where it was first shown');
    } finally {
      standIn.sessions.splice(0, standIn.sessions.length, ...original);
    }
  });

  test('grouping by channel/status and none changes the hierarchy', async () => {
    model.setGrouping('channel/status');
    const roots = groups(await model.children());
    assert.equal(roots[0]!.label, 'Web');
    const webOpen = groups(await model.children(roots[0]))[0]!;
    assert.equal(webOpen.label, 'Open');
    const rows = sessions(await model.children(webOpen));
    assert.ok(rows.length > 0);
    assert.ok(rows.every((node) => node.groupedBy.channel === 'web' && node.groupedBy.status === 'open'), 'rows know what their groups say');
    standIn.requests.length = 0;
    model.setGrouping('none');
    const flat = await model.children();
    assert.equal(sessions(flat).length, 25);
    assert.ok(sessions(flat).every((node) => Object.keys(node.groupedBy).length === 0), 'ungrouped rows say it all themselves');
    assert.deepEqual(chatRequests().map((request) => request.query), [{}]);
  });

  test('multi-selected filter values become parallel server-side queries per group', async () => {
    model.setGrouping('status');
    model.setFilter({ statuses: ['open'], channels: ['web', 'email'], handedOff: true });
    const roots = groups(await model.children());
    assert.deepEqual(roots.map((node) => node.value), ['open']);
    const children = sessions(await model.children(roots[0]));
    assert.deepEqual(
      chatRequests().map((request) => request.query).sort((a, b) => a.channel_type!.localeCompare(b.channel_type!)),
      [
        { status: 'open', channel_type: 'email', handed_off: 'true' },
        { status: 'open', channel_type: 'web', handed_off: 'true' },
      ],
    );
    assert.equal(children.length, 50);
    assert.ok(children.every((node) => ['web', 'email'].includes(node.session.channel.type) && node.session.handoff));
  });

  test('signed out: the root is empty so the welcome view shows', async () => {
    signedIn = false;
    assert.deepEqual(await model.children(), []);
    assert.deepEqual(chatRequests(), []);
  });
});
