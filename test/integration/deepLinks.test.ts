import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { SessionNode, TreeNode } from '../../src/model/tree/treeNodes';
import { activate, EXTENSION_ID, pageOf, press, signIn, standIn, waitFor } from './helpers';

const linkOf = (id: string) => vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}/session/${id}`);
const searchLinkOf = (text: string) => vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}/search?q=${encodeURIComponent(text)}`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The q of each server search asked so far. */
const searches = async () => (await standIn.requests()).filter((request) => request.path === '/chat/sessions/search').map((request) => String(request.query.q));

suite('deep links and Copy Link', () => {
  let api: TestApi;

  suiteSetup(async () => {
    api = await activate();
    await signIn(api);
  });
  setup(() => standIn.reset());
  teardown(async () => {
    await signIn(api);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Copy Session Link on a row copies a link for this build that the handler opens', async () => {
    await vscode.commands.executeCommand('opencx.refresh');
    const [open] = await api.provider.getChildren();
    const web = (await api.provider.getChildren(open)).find((node) => node.type === 'group' && node.value === 'web')!;
    const row = (await api.provider.getChildren(web)).find((node: TreeNode): node is SessionNode => node.type === 'session')!;
    await vscode.commands.executeCommand('opencx.copySessionLink', row, [row]);
    const copied = await vscode.env.clipboard.readText();
    assert.equal(copied, linkOf(row.session.id).toString(true));
    await api.deepLinks.handleUri(vscode.Uri.parse(copied));
    assert.ok(pageOf(api, row.session.id)?.includes(row.session.id), 'the link opened the panel');
    await vscode.env.clipboard.writeText('');
    press(api, row.session.id, 'copyLink');
    await waitFor('the panel\'s Copy Link', async () => (await vscode.env.clipboard.readText()) === copied || undefined);
  });

  test('a link handed over while signed out says so, and opens its session once a token is set', async () => {
    const [session] = await standIn.sessions({ status: 'closed_unresolved' });
    await api.credentials.clear();
    await api.deepLinks.handleUri(linkOf(session!.id));
    assert.equal(pageOf(api, session!.id), undefined);
    assert.deepEqual(await standIn.requests(), [], 'nothing asked while signed out');
    await signIn(api);
    await waitFor('the session opened after sign-in', () => pageOf(api, session!.id));
  });

  test('a link handed over while signed out is forgotten once its prompt is dismissed', async () => {
    const [session] = await standIn.sessions({ status: 'closed_unresolved' });
    await api.credentials.clear();
    await api.deepLinks.handleUri(linkOf(session!.id));
    await pause(500);
    await vscode.commands.executeCommand('notifications.clearAll');
    await pause(500);
    await signIn(api);
    await pause(1_500);
    assert.equal(pageOf(api, session!.id), undefined, 'no panel opened after the prompt was dismissed');
  });

  test('a search link fills the search box and sends nothing until Enter', async () => {
    await api.deepLinks.handleUri(searchLinkOf('refund'));
    // Longer than the pause after which typing sends a search.
    await pause(1_500);
    assert.deepEqual(await searches(), [], 'nothing sent before Enter');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.deepEqual(await waitFor('the search sent on Enter', async () => ((await searches()).length > 0 ? searches() : undefined)), ['refund']);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  test('a search link\'s text is cut to 200 characters, however long the link', async () => {
    const text = 'refund '.repeat(150_000);
    await api.deepLinks.handleUri(searchLinkOf(text));
    await pause(1_500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const [sent] = await waitFor('the search sent on Enter', async () => ((await searches()).length > 0 ? searches() : undefined));
    assert.ok(sent!.length <= 200 && sent!.length > 190 && text.startsWith(sent!), `${sent!.length} characters`);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  test('a link that names no session id opens nothing and asks nothing', async () => {
    for (const path of ['/session/..', '/session/%2e%2e', '/nonsense']) {
      await api.deepLinks.handleUri(vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}${path}`));
    }
    assert.deepEqual(await standIn.requests(), []);
  });
});
