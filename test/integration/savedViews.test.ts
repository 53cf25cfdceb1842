import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { SessionFilter } from '../../src/model/tree/sessionFilter';
import type { GroupNode, TreeNode } from '../../src/model/tree/treeNodes';
import { activate, signIn, standIn, waitFor } from './helpers';

const webHandoffs: SessionFilter = { statuses: ['open'], channels: ['web'], handedOff: true };

suite('saved views and Group By in VS Code', () => {
  let api: TestApi;
  const config = () => vscode.workspace.getConfiguration('opencx');
  const rootLabels = async () => (await api.provider.getChildren()).map((node) => api.provider.getTreeItem(node).label);

  async function reset(): Promise<void> {
    for (const view of api.savedViews.list()) await api.savedViews.remove(view.name);
    await api.savedViews.setActive(undefined);
    await vscode.commands.executeCommand('opencx.clearFilters');
    await config().update('groupBy', undefined, vscode.ConfigurationTarget.Global);
  }

  suiteSetup(async () => {
    api = await activate();
    await standIn.reset();
    await signIn(api);
    await reset();
  });

  teardown(() => reset());

  test('Switch View with a name applies the saved filter and grouping and names the view; a changed filter or grouping says "(modified)"', async () => {
    await api.savedViews.save({ name: 'Open web handoffs', filter: webHandoffs, grouping: 'channel' });
    // Saved from the unfiltered tree in another grouping: the title says so until it is applied.
    assert.equal(api.view.description, 'Open web handoffs (modified)');

    await vscode.commands.executeCommand('opencx.switchView', 'OPEN web handoffs');
    assert.equal(config().get('groupBy'), 'channel');
    assert.deepEqual(JSON.parse(JSON.stringify(api.filters.filter)), webHandoffs);
    await waitFor('the tree regrouped by channel', async () => JSON.stringify(await rootLabels()) === JSON.stringify(['Web']));
    assert.equal(api.view.description, 'Open web handoffs');
    assert.equal(api.view.message, 'View: Open web handoffs · Filtered: open · web · handed off');

    await standIn.clearRequests();
    const [web] = (await api.provider.getChildren()) as GroupNode[];
    await api.provider.getChildren(web as TreeNode);
    const queries = (await standIn.requests()).map((request) => request.query);
    assert.deepEqual(queries, [{ status: 'open', channel_type: 'web', handed_off: 'true' }]);

    await api.filters.apply({ ...webHandoffs, handedOff: false });
    assert.equal(api.view.description, 'Open web handoffs (modified)');
    await api.filters.apply({ ...webHandoffs, channels: ['web'], statuses: ['open'] });
    assert.equal(api.view.description, 'Open web handoffs', 'back to what it saved');
    await vscode.commands.executeCommand('opencx.groupByStatus');
    await waitFor('the title to see the new grouping', () => api.view.description === 'Open web handoffs (modified)');
  });

  test('the Group By commands set opencx.groupBy and regroup the tree; the "✓" twin of the current one changes nothing', async () => {
    await vscode.commands.executeCommand('opencx.groupByChannelStatus');
    assert.equal(config().get('groupBy'), 'channel/status');
    await waitFor('channels at the top', async () => (await rootLabels())[0] === 'Web');
    await vscode.commands.executeCommand('opencx.groupByChannelStatus.checked');
    assert.equal(config().get('groupBy'), 'channel/status');
    await vscode.commands.executeCommand('opencx.groupByNone');
    assert.equal(config().get('groupBy'), 'none');
    await vscode.commands.executeCommand('opencx.groupByStatusChannel');
    // The default is kept as no value at all, so settings.json holds only what the user chose.
    assert.equal(config().inspect('groupBy')?.globalValue, undefined);
    await waitFor('statuses at the top', async () => (await rootLabels())[0] === 'Open');
  });

  test('a view past the 100 kept is refused with why; the stored list and the active view stay what is shown', async () => {
    for (let index = 1; index <= 100; index++) await api.savedViews.save({ name: `View ${index}`, filter: webHandoffs, grouping: 'status' });
    const refused = await api.savedViews.save({ name: 'One too many', filter: webHandoffs, grouping: 'none' });
    assert.equal(api.savedViews.active()?.name, 'View 100', 'the last view saved is still the active one');
    assert.equal(api.view.description, 'View 100 (modified)');
    assert.equal(api.savedViews.list().length, 100);
    assert.equal(refused.kind, 'invalid');
    assert.match((refused as { message: string }).message, /100 saved views/);
    const overwritten = await api.savedViews.save({ name: 'view 7', filter: webHandoffs, grouping: 'none' });
    assert.equal(overwritten.kind, 'exists', 'overwriting a saved view still works with the list full');
    assert.deepEqual({ ...api.savedViews.active(), filter: undefined }, { name: 'view 7', grouping: 'none', filter: undefined });
    await api.savedViews.remove('View 1');
    assert.deepEqual(api.savedViews.list().filter((view) => !/^view \d+$/i.test(view.name)), [], 'the refused view was never stored');
  });

  test('a deleted or renamed active view: the title follows, and a name no view has changes nothing', async () => {
    await api.savedViews.save({ name: 'Email', filter: { statuses: [], channels: ['email'] }, grouping: 'status/channel' });
    await vscode.commands.executeCommand('opencx.switchView', 'Email');
    assert.equal(api.view.description, 'Email');
    await api.savedViews.rename('Email', 'Email backlog');
    assert.equal(api.view.description, 'Email backlog');
    await vscode.commands.executeCommand('opencx.switchView', 'No such view');
    assert.deepEqual(api.filters.filter.channels, ['email'], 'the filter stayed');
    await api.savedViews.remove('email BACKLOG');
    assert.equal(api.savedViews.active(), undefined);
    assert.equal(api.view.description, 'email', 'the filter is shown as before');
  });
});
