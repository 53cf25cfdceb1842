// Export Sessions… in the real VS Code: a group to a file (the command given a target, as the save
// dialog would), read back; the selected rows to an untitled editor; a session's panel, with the
// history it loaded, to a file and, from its Export button, to an untitled editor.
import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { GroupNode, SessionNode } from '../../src/model/tree/treeNodes';
import { activateInSessionsView, collapseAll, press, settledPage, standIn, waitFor } from './helpers';

suite('export sessions in VS Code', () => {
  let api: TestApi;
  let folder: string;

  async function group(parent: GroupNode | undefined, value: string): Promise<GroupNode> {
    const found = (await api.provider.getChildren(parent)).find((node): node is GroupNode => node.type === 'group' && node.value === value);
    assert.ok(found, `a ${value} group`);
    return found;
  }

  suiteSetup(async () => {
    api = await activateInSessionsView();
    folder = await mkdtemp(join(tmpdir(), 'opencx-export-'));
  });

  suiteTeardown(() => rm(folder, { recursive: true, force: true }));

  setup(async () => {
    await standIn.reset();
    await collapseAll(api);
    await vscode.commands.executeCommand('opencx.refresh');
  });

  test('a group, every page, to a file: each session of the stand-in as sent, one a line', async () => {
    const web = await group(await group(undefined, 'open'), 'web');
    const target = vscode.Uri.file(join(folder, 'open-web.jsonl'));
    await vscode.commands.executeCommand('opencx.exportSessions', web, undefined, { target, format: 'jsonl', everyPage: true, withHistory: false });
    const lines = (await readFile(target.fsPath, 'utf8')).split('\n');
    assert.equal(lines.pop(), '');
    const expected = await standIn.sessions({ status: 'open', channel_type: 'web' });
    assert.ok(expected.length > 25, 'more than the first page');
    assert.deepEqual(lines, expected.map((session) => JSON.stringify(session)));
    assert.deepEqual(await readdir(folder), ['open-web.jsonl'], 'no temporary file left');
  });

  test('the selected rows to an untitled editor, as CSV', async () => {
    const web = await group(await group(undefined, 'open'), 'web');
    const rows = (await api.provider.getChildren(web)).filter((node): node is SessionNode => node.type === 'session').slice(0, 3);
    await vscode.commands.executeCommand('opencx.exportSessions', rows[0], rows, { format: 'csv' });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor?.document.isUntitled, 'an untitled editor');
    const text = editor.document.getText().split('\r\n');
    assert.equal(text[0]!.split(',')[0], 'id');
    assert.deepEqual(text.slice(1, 4).map((line) => line.split(',')[0]), rows.map((row) => row.session.id));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  suite('from a session panel', () => {
    /** A history page the stand-in sends as written: an integer beyond 2^53, key order and a repeated key. */
    const EVENTS = ['{"id":"e2","type":"message","n":12345678901234567890,"z":1,"a":2}', '{"id":"e1","type":"message","k":1,"k":2}'];
    let id: string;
    let expected: string;

    setup(async () => {
      const sent = (await standIn.sessions({ status: 'closed_unresolved' }))[3]!;
      id = sent.id;
      expected = `${JSON.stringify(sent).slice(0, -1)},"history":[${EVENTS.join(',')}]}\n`;
      await standIn.setFaults({ bodyText: `{"items":[${EVENTS.join(',')}],"next":null}`, path: `/chat/sessions/${id}/history`, times: 1 });
      await api.sessionPanels.showById(id);
      assert.ok((await settledPage(api, id)).includes('<ol class="transcript">'), 'the history is loaded');
      await standIn.clearRequests();
    });

    teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    test('to a file: the session as sent, with the history the panel loaded, and nothing fetched again', async () => {
      const target = vscode.Uri.file(join(folder, 'one-session.jsonl'));
      await vscode.commands.executeCommand('opencx.exportSessions', id, undefined, { target, format: 'jsonl' });
      assert.equal(await readFile(target.fsPath, 'utf8'), expected);
      assert.deepEqual(await standIn.requests(), [], 'no request');
    });

    test('its Export button: the format asked, then an untitled editor for a small result', async () => {
      // A quick pick closes when the focus leaves it: pressed once the new page has settled.
      await waitFor('the page\'s script', () => api.openPanels.get(id)?.page.runs || undefined);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      press(api, id, 'exportSession');
      const editor = await waitFor('an untitled editor', async () => {
        const active = vscode.window.activeTextEditor;
        if (active?.document.isUntitled) return active;
        // Enter on the format picker's first item, once it is open.
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return undefined;
      });
      assert.equal(editor.document.getText(), expected, 'JSON Lines, the first format offered');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });
});
