// Security in the real VS Code: a revoked token costs one warning and no request storm.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { GroupNode, NoticeNode, SessionNode, TreeNode } from '../../src/model/tree/treeNodes';
import { survives } from '../unit/faultReport';
import { activate, signIn, standIn } from './helpers';
import { assertNoToken } from './tokenLeaks';

const sessionsOf = (nodes: TreeNode[]) => nodes.filter((node): node is SessionNode => node.type === 'session');
const noticesOf = (nodes: TreeNode[]) => nodes.filter((node): node is NoticeNode => node.type === 'notice');

suite('security: a revoked token', function () {
  this.timeout(60_000);
  let api: TestApi;

  suiteSetup(async () => {
    api = await activate();
    await vscode.workspace.getConfiguration('opencx').update('groupBy', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('opencx.clearFilters');
  });
  teardown(async () => {
    await standIn.reset();
    await signIn(api);
  });

  test('with four groups expanded: one warning, at most one request per group, then none until the user acts', async () => {
    await standIn.reset();
    await signIn(api); // a new token also re-arms the one-time prompt
    const roots = (await api.provider.getChildren()).filter((node): node is GroupNode => node.type === 'group');
    const expanded: GroupNode[] = [];
    for (const root of roots.slice(0, 2)) {
      const channels = (await api.provider.getChildren(root)).filter((node): node is GroupNode => node.type === 'group');
      expanded.push(...channels.slice(0, 2));
    }
    for (const node of expanded) assert.ok(sessionsOf(await api.provider.getChildren(node)).length > 0, `${node.id} loaded`);

    const window = vscode.window as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
    const showWarningMessage = window.showWarningMessage;
    const warnings: string[] = [];
    window.showWarningMessage = (message: unknown) => {
      warnings.push(String(message));
      return Promise.resolve(undefined);
    };
    try {
      await survives('token revoked mid-use (VS Code)', async () => {
        await standIn.control('revoke');
        await standIn.clearRequests();
        await vscode.commands.executeCommand('opencx.refresh');
        // The view asks again for each expanded group, some twice while the first answer is on its way.
        const shown = await Promise.all([...expanded, ...expanded].map((node) => api.provider.getChildren(node)));
        for (const children of shown) assert.deepEqual(noticesOf(children).map((notice) => notice.kind), ['signedOut']);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const afterRevoke = (await standIn.requests()).filter((request) => request.path.startsWith('/chat/'));
        assert.equal(afterRevoke.length, expanded.length, 'one request per expanded group');
        for (const node of expanded) {
          const count = afterRevoke.filter((request) => request.query.status === node.groupedBy.status && request.query.channel_type === node.groupedBy.channel).length;
          assert.equal(count, 1, `${node.id}: one request`);
        }
        assert.equal(warnings.length, 1, `one warning, not one per group: ${JSON.stringify(warnings)}`);
        assert.match(warnings[0]!, /rejected the API token/);
        assertNoToken(warnings[0]!, 'the warning');

        // Repainting and re-expanding send nothing more: only a new token can help.
        for (let round = 0; round < 3; round++) for (const node of expanded) await api.provider.getChildren(node);
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.equal((await standIn.requests()).filter((request) => request.path.startsWith('/chat/')).length, expanded.length, 'no request storm');
        assert.equal(warnings.length, 1);

        // The user sets a valid token: the groups load again.
        await standIn.reset();
        await signIn(api);
        for (const node of expanded) assert.ok(sessionsOf(await api.provider.getChildren(node)).length > 0, `${node.id} loads again`);
      });
    } finally {
      window.showWarningMessage = showWarningMessage;
    }
  });
});
