import * as assert from 'node:assert/strict';
import { OpenCxClient } from '../../src/api/client';
import { ExpandedGroups } from '../../src/model/tree/expandedGroups';
import { NO_FILTER } from '../../src/model/tree/sessionFilter';
import { SessionTreeModel } from '../../src/model/tree/sessionTree';
import type { GroupNode, SessionNode, TreeNode } from '../../src/model/tree/treeNodes';
import { startStandIn, type StandIn } from '../server/server';

const groups = (nodes: TreeNode[]) => nodes.filter((node): node is GroupNode => node.type === 'group');
const sessions = (nodes: TreeNode[]) => nodes.filter((node): node is SessionNode => node.type === 'session');
const find = (nodes: TreeNode[], value: string) => groups(nodes).find((node) => node.value === value)!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const group = (id: string): GroupNode => {
  const segments = id.split('/');
  const [dimension, value] = segments.at(-1)!.split('=') as ['status' | 'channel', string];
  return { type: 'group', id, dimension, value, label: value, groupedBy: {}, depth: segments.length - 1 };
};

suite('expanded groups', () => {
  test('on screen: expanded, inside expanded groups, in a visible view', () => {
    const expanded = new ExpandedGroups();
    for (const id of ['status=open', 'status=open/channel=web', 'status=closed_resolved/channel=email']) expanded.set(group(id), true);
    assert.deepEqual(expanded.onScreen().map((node) => node.id), ['status=open', 'status=open/channel=web'], 'Email sits in a collapsed group');
    expanded.set(group('status=open'), false);
    assert.deepEqual(expanded.onScreen(), [], 'collapsing Open hides Web');
    expanded.set(group('status=open'), true);
    expanded.setVisible(false);
    assert.deepEqual(expanded.onScreen(), [], 'nothing is on screen in a hidden view');
    expanded.setVisible(true);
    expanded.clear();
    assert.deepEqual(expanded.onScreen(), []);
  });

  test('kept per grouping, open in a hidden view, saved as ids and restored, junk left out', () => {
    const expanded = new ExpandedGroups('status/channel');
    for (const id of ['status=open', 'status=open/channel=web']) expanded.set(group(id), true);
    expanded.setGrouping('channel/status');
    assert.deepEqual(expanded.open(), []);
    expanded.set(group('channel=email'), true);
    expanded.setGrouping('status/channel');
    expanded.setVisible(false);
    assert.deepEqual(expanded.onScreen(), []);
    assert.deepEqual(expanded.open().map((node) => node.id), ['status=open', 'status=open/channel=web'], 'what the hidden view showed last');
    const saved = JSON.parse(JSON.stringify(expanded.state())) as unknown;
    assert.deepEqual(saved, { 'status/channel': ['status=open', 'status=open/channel=web'], 'channel/status': ['channel=email'] });
    const restored = new ExpandedGroups('status/channel');
    restored.restore({ ...(saved as object), status: [42, 'status=nope'], none: 'x' }, (id) => (id.includes('nope') ? undefined : group(id)));
    assert.deepEqual(restored.open().map((node) => node.id), ['status=open', 'status=open/channel=web']);
    restored.setGrouping('channel/status');
    assert.ok(restored.has('channel=email'));
    restored.setGrouping('status');
    assert.deepEqual(restored.open(), [], 'only valid ids came back');
    new ExpandedGroups().restore('garbage', () => undefined);
  });
});

suite('refresh and reload of the groups the view shows', function () {
  this.timeout(20_000);
  let standIn: StandIn;
  let model: SessionTreeModel;
  const chatRequests = () => standIn.requests.filter((request) => request.path.startsWith('/chat/'));

  /** Open, Web and Email expanded and loaded, as a user leaves them. */
  async function expandOpenWebEmail(): Promise<{ open: GroupNode; web: GroupNode; email: GroupNode }> {
    const open = find(await model.children(), 'open');
    const web = find(await model.children(open), 'web');
    const email = find(await model.children(open), 'email');
    for (const node of [open, web, email]) model.setExpanded(node, true);
    await model.children(web);
    await model.children(email);
    standIn.requests.length = 0;
    return { open, web, email };
  }

  suiteSetup(async () => {
    standIn = await startStandIn({ count: 3000, seed: 11, pageSize: 25, rateLimit: 0 });
  });
  suiteTeardown(() => standIn.close());
  setup(() => {
    standIn.reset();
    const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token });
    model = new SessionTreeModel({ client: async () => client });
  });
  teardown(() => model.dispose());

  test('their first pages are asked for at once, together, and VS Code asking for them makes no second request', async () => {
    const { open, web, email } = await expandOpenWebEmail();
    standIn.setFaults({ latencyMs: 200 });
    model.refresh();
    await sleep(100);
    assert.deepEqual(chatRequests().map((request) => request.query.channel_type).sort(), ['email', 'web'], 'both asked before anyone asked for rows');
    // As VS Code asks after a refresh: level by level, then the groups one after the other.
    find(await model.children(open), 'web');
    assert.equal(sessions(await model.children(web)).length, 25);
    assert.equal(sessions(await model.children(email)).length, 25);
    assert.equal(chatRequests().length, 2, 'one request per page shown');
    const [first, second] = chatRequests();
    assert.ok(Math.abs(first!.time - second!.time) < 100, 'sent together, not one after the other');
  });

  test('a group VS Code asks rows of counts as expanded, saved once, though its expansion event was lost', async () => {
    // VS Code drops an expansion event that comes while it answers a change of the whole tree.
    let saves = 0;
    model.onDidChangeExpanded(() => saves++);
    const open = find(await model.children(), 'open');
    const web = find(await model.children(open), 'web');
    assert.equal(sessions(await model.children(web)).length, 25);
    assert.ok(model.isExpanded(open) && model.isExpanded(web));
    assert.deepEqual(model.expandedState(), { 'status/channel': ['status=open', 'status=open/channel=web'] });
    assert.equal(saves, 2, 'one save per group');
    model.setExpanded(web, true);
    await model.children(web);
    assert.equal(saves, 2, 'the event arriving after all, or VS Code asking again, changes nothing');

    standIn.requests.length = 0;
    standIn.setFaults({ latencyMs: 200 });
    model.reload();
    await sleep(100);
    assert.deepEqual(chatRequests().map((request) => request.query.channel_type), ['web'], 'Refresh loads its first page at once');
    model.setExpanded(web, false);
    assert.equal(saves, 3, 'a collapse is saved too');
  });

  test('reload names only the groups whose pages were loaded, and loads those on screen at once', async () => {
    const { web, email } = await expandOpenWebEmail();
    model.setExpanded(email, false);
    const changes: (GroupNode | undefined)[] = [];
    model.onDidChange((node) => changes.push(node));
    model.reload();
    assert.deepEqual(changes, [web, email], 'not the root: nothing else of the tree changes');
    await sleep(50);
    assert.deepEqual(chatRequests().map((request) => request.query.channel_type), ['web']);
    assert.equal(sessions(await model.children(email)).length, 25, 'the collapsed group loads when asked');
  });

  test('reload is a refresh of the whole tree while the root shows no groups, or shows sessions', async () => {
    let signedIn = false;
    const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token });
    model.dispose();
    model = new SessionTreeModel({ client: async () => (signedIn ? client : undefined) });
    const changes: (GroupNode | undefined)[] = [];
    model.onDidChange((node) => changes.push(node));
    assert.deepEqual(await model.children(), []);
    signedIn = true;
    model.reload();
    assert.deepEqual(changes, [undefined], 'signed out before: the root itself changes');

    model.setGrouping('none');
    await model.children();
    changes.length = 0;
    model.reload();
    assert.deepEqual(changes, [undefined], 'the root is the group of a flat list');
  });

  test('a grouping changed and changed back finds its groups expanded; a filter that keeps a group keeps it expanded', async () => {
    const { open, web } = await expandOpenWebEmail();
    model.setGrouping('channel/status');
    assert.ok(!model.isExpanded(open));
    model.setGrouping('status/channel');
    assert.ok(model.isExpanded(open) && model.isExpanded(web));
    await sleep(50);
    assert.deepEqual(chatRequests().map((request) => request.query.channel_type).sort(), ['email', 'web'], 'their first pages load again at once');
    model.setFilter({ ...NO_FILTER, channels: ['web', 'sms'] });
    assert.ok(model.isExpanded(web));
  });

  test('a new window restores the saved groups and loads their first pages on its own, before VS Code asks', async () => {
    await expandOpenWebEmail();
    const saved = JSON.parse(JSON.stringify(model.expandedState())) as unknown;
    const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token });
    const next = new SessionTreeModel({ client: async () => client });
    try {
      next.restoreExpanded(saved);
      await sleep(100);
      assert.deepEqual(chatRequests().map((request) => request.query.channel_type).sort(), ['email', 'web']);
      const open = find(await next.children(), 'open');
      assert.ok(next.isExpanded(open));
      const web = find(await next.children(open), 'web');
      assert.ok(next.isExpanded(web));
      assert.equal(sessions(await next.children(web)).length, 25);
      assert.equal(chatRequests().length, 2, 'VS Code asking for the rows makes no second request');
    } finally {
      next.dispose();
    }
  });

  test('collapsed groups, groups inside a collapsed one, a hidden view and a filter that removes a group load nothing ahead', async () => {
    const { open, email } = await expandOpenWebEmail();
    model.setExpanded(email, false);
    model.refresh();
    await sleep(50);
    assert.deepEqual(chatRequests().map((request) => request.query.channel_type), ['web'], 'not the collapsed Email');

    standIn.requests.length = 0;
    model.setExpanded(open, false);
    model.refresh();
    model.setExpanded(open, true);
    model.setViewVisible(false);
    model.refresh();
    model.setViewVisible(true);
    model.setFilter({ ...NO_FILTER, statuses: ['closed_resolved'] });
    await sleep(50);
    assert.deepEqual(chatRequests(), []);
  });
});
