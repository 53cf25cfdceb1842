import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { GroupNode, NoticeNode, SessionNode, TreeNode } from '../../src/model/tree/treeNodes';
import { activateInSessionsView, collapseAll, signIn, standIn, waitFor } from './helpers';

const STATUS_NAMES: Record<string, string> = { open: 'Open', closed_resolved: 'Closed · resolved', closed_unresolved: 'Closed · unresolved' };
const sessionsOf = (nodes: TreeNode[]) => nodes.filter((node): node is SessionNode => node.type === 'session');
const noticeOf = (nodes: TreeNode[], kind: NoticeNode['kind']) =>
  nodes.find((node): node is NoticeNode => node.type === 'notice' && node.kind === kind);

suite('sessions tree in VS Code', () => {
  let api: TestApi;
  let open: GroupNode;
  let web: GroupNode;

  async function group(parent: GroupNode | undefined, label: string): Promise<GroupNode> {
    const children = await api.provider.getChildren(parent);
    const found = children.find((node): node is GroupNode => node.type === 'group' && api.provider.getTreeItem(node).label === label);
    assert.ok(found, `a "${label}" group under ${parent?.label ?? 'the root'}`);
    return found;
  }

  /** Runs a tree item's own command, as a click or Enter on it does. */
  async function activateItem(node: TreeNode): Promise<void> {
    const command = api.provider.getTreeItem(node).command;
    assert.ok(command, `${node.id} has a command`);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  }

  suiteSetup(async () => {
    api = await activateInSessionsView();
  });

  setup(async () => {
    await standIn.reset();
    await collapseAll(api);
    await vscode.commands.executeCommand('opencx.refresh');
    await standIn.clearRequests();
    open = await group(undefined, 'Open');
    web = await group(open, 'Web');
  });

  test('Refresh tells VS Code of the loaded groups in one event, and not of the whole tree', async () => {
    const email = await group(open, 'Email');
    await api.provider.getChildren(web);
    await api.provider.getChildren(email);
    const events: (TreeNode[] | undefined | null | void)[] = [];
    const listening = api.provider.onDidChangeTreeData((event) => events.push(event));
    try {
      await vscode.commands.executeCommand('opencx.refresh');
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      listening.dispose();
    }
    assert.equal(events.length, 1, 'a second event in the same moment would reach the view 200 ms later');
    assert.deepEqual((events[0] as TreeNode[]).map((node) => node.id).sort(), [email.id, web.id].sort());
  });

  test('the top level lists the three statuses, the second level the ten channels, without requests', async () => {
    const roots = await api.provider.getChildren();
    assert.deepEqual(roots.map((node) => api.provider.getTreeItem(node).label), ['Open', 'Closed · resolved', 'Closed · unresolved']);
    assert.equal((await api.provider.getChildren(open)).length, 10);
    assert.deepEqual(await standIn.requests(), []);
  });

  test('expanding Open → Web shows those sessions of the stand-in, and Load more pages to the end', async () => {
    const expected = (await standIn.sessions({ status: 'open', channel_type: 'web' })).map((session) => session.id);
    assert.ok(expected.length > 50, 'the group spans several pages');
    let children = await api.provider.getChildren(web);
    assert.deepEqual(sessionsOf(children).map((node) => node.session.id), expected.slice(0, 25));
    const first = sessionsOf(children)[0]!;
    const item = api.provider.getTreeItem(first);
    assert.equal(item.contextValue, 'session');
    // Under Open › Web the row says neither: only how long ago it started.
    assert.doesNotMatch(String(item.description), /web|·/i, 'the channel is not repeated under its group');
    assert.ok(String(item.description).length > 0, 'the age is shown');
    assert.equal(item.tooltip, undefined, 'the tooltip waits until it is about to show');
    const tooltip = api.provider.resolveTreeItem(item, first).tooltip;
    // The tooltip escapes every punctuation character of the data (a session id's dashes too).
    const shown = tooltip instanceof vscode.MarkdownString ? tooltip.value.replace(/\\([!-/:-@[-`{-~])/g, '$1') : '';
    assert.ok(shown.includes(first.session.id), 'then it has the session\'s facts');
    const created = new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(first.session.created_at!));
    assert.ok(shown.includes(created), `the creation date in the display language (${created})`);

    let loads = 0;
    for (let more = noticeOf(children, 'loadMore'); more; more = noticeOf(children, 'loadMore')) {
      await activateItem(more);
      loads++;
      children = await api.provider.getChildren(web);
    }
    assert.deepEqual(sessionsOf(children).map((node) => node.session.id), expected);
    assert.equal(noticeOf(children, 'loadMore'), undefined, 'no "Load more…" after the last page');
    const requests = await standIn.requests();
    assert.equal(requests.length, loads + 1, 'one request per page');
    assert.ok(requests.every((request) => request.query.status === 'open' && request.query.channel_type === 'web'));
    assert.equal(api.provider.getTreeItem(web).description, String(expected.length));
  });

  test('expand Open → Web → Load more ×2 makes exactly 3 requests', async () => {
    let children = await api.provider.getChildren(web);
    for (let i = 0; i < 2; i++) {
      await activateItem(noticeOf(children, 'loadMore')!);
      children = await api.provider.getChildren(web);
    }
    assert.equal(sessionsOf(children).length, 75);
    assert.equal((await standIn.requests()).length, 3);
  });

  test('a failing page shows an error item; retrying it recovers and keeps the loaded pages', async () => {
    const first = sessionsOf(await api.provider.getChildren(web));
    await standIn.setFaults({ status: 503, message: 'maintenance window' });
    await activateItem(noticeOf(await api.provider.getChildren(web), 'loadMore')!);
    let children = await api.provider.getChildren(web);
    const error = noticeOf(children, 'error');
    assert.ok(error, 'an error item under the group');
    const errorItem = api.provider.getTreeItem(error);
    assert.match(String(errorItem.label), /maintenance window/);
    assert.equal(errorItem.command?.command, 'opencx.retry');
    assert.deepEqual(sessionsOf(children).map((node) => node.id), first.map((node) => node.id));

    await standIn.reset();
    await activateItem(error);
    children = await api.provider.getChildren(web);
    assert.equal(sessionsOf(children).length, 50);
    assert.equal(noticeOf(children, 'error'), undefined);
  });

  test('a rejected token turns into a "Set API Token…" item', async () => {
    await standIn.control('revoke');
    const children = await api.provider.getChildren(web);
    const notice = noticeOf(children, 'signedOut');
    assert.ok(notice);
    assert.equal(api.provider.getTreeItem(notice).command?.command, 'opencx.setToken');
  });

  test('changing opencx.groupBy regroups the tree without a reload', async () => {
    const config = vscode.workspace.getConfiguration('opencx');
    try {
      await config.update('groupBy', 'channel', vscode.ConfigurationTarget.Global);
      const roots = await api.provider.getChildren();
      assert.equal(api.provider.getTreeItem(roots[0]!).label, 'Web');
      const children = await api.provider.getChildren(roots[0]);
      assert.ok(sessionsOf(children).every((node) => node.session.channel.type === 'web'));
      assert.deepEqual((await standIn.requests()).map((request) => request.query), [{ channel_type: 'web' }]);
    } finally {
      await config.update('groupBy', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('Copy Session ID with two sessions selected copies both ids, one per line', async () => {
    const [a, b] = sessionsOf(await api.provider.getChildren(web));
    await vscode.commands.executeCommand('opencx.copySessionId', a, [a, b]);
    assert.equal(await vscode.env.clipboard.readText(), `${a!.session.id}\n${b!.session.id}`);
    await vscode.commands.executeCommand('opencx.copySessionJson', b, [b]);
    assert.deepEqual(JSON.parse(await vscode.env.clipboard.readText()), b!.session.raw);
  });

  // One key, one limit: a Refresh met by 429s for 10 s sends the first wave, then one request per
  // wait (the floor of 2 s) for the whole key, not retries of every group.
  for (const [count, most] of [[6, 12], [20, 26]] as const) {
    test(`a Refresh with ${count} groups expanded, met by 429 with Retry-After: 0 for 10 s, sends at most ${most} requests; once the server recovers every group loads without a click`, async function () {
      this.timeout(60_000);
      const leaves: GroupNode[] = [];
      for (const status of ['Open', 'Closed · resolved']) {
        const top = await group(undefined, status);
        leaves.push(...(await api.provider.getChildren(top)).filter((node): node is GroupNode => node.type === 'group'));
      }
      const expanded = leaves.slice(0, count);
      assert.equal(expanded.length, count);
      for (const leaf of expanded) await api.provider.getChildren(leaf);
      await standIn.setFaults({ status: 429, retryAfter: '0' });
      await standIn.clearRequests();
      const started = Date.now();
      await vscode.commands.executeCommand('opencx.refresh');
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - started))));
      const sent = (await standIn.requests()).filter((request) => request.path === '/chat/sessions').length;
      await standIn.setFaults({});
      console.log(`      ${count} groups expanded: ${sent} requests in the 10 s of 429s`);
      assert.ok(sent >= count && sent <= most, `${sent} requests in 10 s`);
      // VS Code asks for the rows of expanded groups after each change; nothing here is clicked.
      await waitFor('every group loaded again', async () => {
        for (const leaf of expanded) {
          const rows = await api.provider.getChildren(leaf);
          if (sessionsOf(rows).length === 0 || noticeOf(rows, 'error')) return undefined;
        }
        return true;
      }, 30_000);
    });
  }

  test('a refresh forgets the parents of rows it replaced', async function () {
    this.timeout(60_000);
    // Pages to the end. Earlier tests may have spent the request budget: a waiting row is clicked
    // once its wait is over, as a user would.
    const children = await waitFor(
      'every page of Open › Web',
      async () => {
        const shown = await api.provider.getChildren(web);
        if (noticeOf(shown, 'loading')) return undefined;
        const next = noticeOf(shown, 'loadMore') ?? noticeOf(shown, 'rateLimited') ?? noticeOf(shown, 'error');
        if (!next) return shown;
        if (next.kind === 'loadMore' || (next.retryAt ?? 0) <= Date.now()) await activateItem(next);
        return undefined;
      },
      50_000,
    );
    const loaded = sessionsOf(children);
    assert.ok(loaded.length > 50, `${loaded.length} sessions loaded: several pages; rows ${JSON.stringify(children.filter((node) => node.type === 'notice'))}`);
    assert.ok(loaded.every((row) => api.provider.getParent(row)?.id === web.id), 'every row shown knows its group (VS Code asks to reveal it)');
    await vscode.commands.executeCommand('opencx.refresh');
    open = await group(undefined, 'Open');
    web = await group(open, 'Web');
    const firstPage = new Set(sessionsOf(await api.provider.getChildren(web)).map((row) => row.id));
    const replaced = loaded.filter((row) => !firstPage.has(row.id));
    assert.ok(replaced.length > 25, `${replaced.length} rows of the later pages are gone`);
    assert.deepEqual(replaced.filter((row) => api.provider.getParent(row) !== undefined).map((row) => row.id), [], 'no parent is kept for a row no longer shown');
  });

  test('a row says what its groups do not: status and channel by name when ungrouped, the status under a channel group', async () => {
    const groupBy = (value: string | undefined) => vscode.workspace.getConfiguration('opencx').update('groupBy', value, vscode.ConfigurationTarget.Global);
    try {
      await groupBy('none');
      await waitFor('ungrouped rows', async () => ((await api.provider.getChildren()).some((node) => node.type === 'session') ? true : undefined));
      const flat = sessionsOf(await api.provider.getChildren());
      const phone = flat.find((node) => node.session.channel.type === 'phone_voice' && node.session.status === 'closed_resolved');
      assert.ok(phone, 'the first page has a resolved phone session');
      assert.match(String(api.provider.getTreeItem(phone).description), /^Closed · resolved · Phone · \S/);
      await groupBy('channel');
      await waitFor('channel groups', async () => ((await api.provider.getChildren()).some((node) => node.type === 'group' && node.dimension === 'channel') ? true : undefined));
      const web = await group(undefined, 'Web');
      const rows = sessionsOf(await api.provider.getChildren(web));
      assert.ok(rows.length > 0);
      for (const row of rows) {
        const description = String(api.provider.getTreeItem(row).description);
        assert.ok(description.startsWith(`${STATUS_NAMES[row.session.status]} · `), description);
        assert.doesNotMatch(description, /Web/, 'the channel is not repeated under its group');
      }
    } finally {
      await groupBy(undefined);
    }
  });

  test('Sign Out empties the view so its welcome content shows', async () => {
    await vscode.commands.executeCommand('opencx.signOut');
    try {
      assert.deepEqual(await api.provider.getChildren(), []);
    } finally {
      await signIn(api);
    }
    assert.equal((await api.provider.getChildren()).length, 3);
  });
});
