import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { SessionNode } from '../../src/model/sessionTree';
import { HOSTILE_NAME } from '../server/data';
import { activate, signIn, standIn, waitFor } from './helpers';

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview));
}

suite('session JSON view', () => {
  let api: TestApi;
  let hostile: SessionNode;

  suiteSetup(async () => {
    api = await activate();
    await standIn.reset();
    await vscode.workspace.getConfiguration('opencx').update('groupBy', 'none', vscode.ConfigurationTarget.Global);
    await signIn(api);
    await vscode.commands.executeCommand('opencx.refresh');
    const roots = await api.provider.getChildren();
    hostile = roots.find((node): node is SessionNode => node.type === 'session' && node.session.contact?.name === HOSTILE_NAME)!;
    assert.ok(hostile, 'the stand-in serves a session with a hostile contact name among the newest');
  });
  suiteTeardown(() => vscode.workspace.getConfiguration('opencx').update('groupBy', undefined, vscode.ConfigurationTarget.Global));
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('clicking a session opens one panel with its full JSON; hostile text stays text', async () => {
    const command = api.provider.getTreeItem(hostile).command!;
    assert.equal(command.command, 'opencx.openSession');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const id = hostile.session.id;
    await api.sessionPanels.idle(id);
    const html = api.sessionPanels.htmlOf(id)!;
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the name is escaped');
    assert.ok(!html.includes(HOSTILE_NAME), 'never as markup');
    assert.ok(!html.includes('<script>alert(2)'), 'nor the summary');
    assert.ok(html.includes('x_experimental_routing'), 'the unknown field is shown');
    assert.ok(html.includes('confused'), 'the unknown enum value is shown');
    assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;;/);
    assert.ok(html.includes('<ol class="transcript">'), 'the history transcript is below the JSON');

    await waitFor('the panel tab', () => panelTabs().length === 1 || undefined);
    assert.equal(panelTabs()[0]!.label, HOSTILE_NAME, 'titled with the session label, as text');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(panelTabs().length, 1, 'opened again: revealed, not duplicated');
  });

  test('the read-only JSON editor shows exactly what the server sent', async () => {
    const id = hostile.session.id;
    await vscode.commands.executeCommand('opencx.openSession', hostile);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'opencx-session', path: `/${id}.json` }));
    assert.equal(document.languageId, 'json');
    const [sent] = (await standIn.sessions({})).filter((session) => session.id === id);
    assert.equal(document.getText(), JSON.stringify(sent, null, 2));
  });

  test('Go to Session opens a session by id; an unknown id opens nothing', async () => {
    const [, second] = (await standIn.sessions({ status: 'closed_resolved' })) as { id: string }[];
    await api.sessionPanels.showById(second!.id);
    assert.ok(api.sessionPanels.htmlOf(second!.id)?.includes(second!.id));
    await api.sessionPanels.showById('00000000-0000-0000-0000-000000000000');
    assert.equal(api.sessionPanels.htmlOf('00000000-0000-0000-0000-000000000000'), undefined);
    const requests = await standIn.requests();
    assert.equal(requests.find((request) => request.path.endsWith('/00000000-0000-0000-0000-000000000000'))?.status, 404);
  });

});
