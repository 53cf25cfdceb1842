import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, EXTENSION_ID, standIn, waitFor } from './helpers';

suite('activation and contributions', () => {
  test('opening the open.cx view activates the extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await vscode.commands.executeCommand('workbench.view.extension.opencx');
    await waitFor('activation', () => extension.isActive);
    assert.equal(extension.isActive, true);
  });

  test('the view container and the Sessions view are contributed', () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    assert.deepEqual(
      contributes.viewsContainers.activitybar.map((container: { id: string }) => container.id),
      ['opencx'],
    );
    assert.deepEqual(
      contributes.views.opencx.map((view: { id: string }) => view.id),
      ['opencx.sessions'],
    );
  });

  test('every contributed command is registered', async () => {
    await activate();
    const contributed: string[] = vscode.extensions
      .getExtension(EXTENSION_ID)!
      .packageJSON.contributes.commands.map((command: { command: string }) => command.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of ['opencx.setToken', 'opencx.signOut', 'opencx.refresh', 'opencx.filter', 'opencx.clearFilters', 'opencx.copySessionId', 'opencx.copySessionJson', 'opencx.loadMore']) {
      assert.ok(contributed.includes(id), `${id} is contributed`);
    }
    for (const id of contributed) assert.ok(registered.has(id), `${id} is registered`);
  });

  test('the API base URL points at the local stand-in', () => {
    assert.equal(vscode.workspace.getConfiguration('opencx').get('apiBaseUrl'), standIn.url);
  });
});
