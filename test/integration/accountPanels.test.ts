// Session panels and links with several accounts: a panel reads from the account it was opened
// from, after a switch and after a reload; a link the active account cannot open is looked for in
// the others when the user asks. Two stand-ins, two organizations.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { startStandIn, type StandIn } from '../server/server';
import { activate, answerTo, EXTENSION_ID, pageOf, press, settledPage, signIn, standIn, waitFor } from './helpers';

const SESSION_VIEW_TYPE = 'opencx.session';
const JSON_SHOWN = '<pre class="json" id="json">';
const linkOf = (id: string) => vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}/session/${id}`);
const panelTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview));

suite('session panels and links with several accounts', () => {
  let api: TestApi;
  let second: StandIn;
  const restored: vscode.WebviewPanel[] = [];
  /** Requests the first organization's stand-in had for session `id` or its history. */
  const firstAsked = async (id: string) => (await standIn.requests()).filter((request) => request.path.startsWith(`/chat/sessions/${id}`));
  const secondAsked = (id: string) => second.requests.filter((request) => request.path.startsWith(`/chat/sessions/${id}`));
  const addSecond = () => api.accounts.add({ name: 'Second organization', baseUrl: second.url }, second.token);

  suiteSetup(async () => {
    api = await activate();
    second = await startStandIn({ count: 60, seed: 78, rateLimit: 0, token: 'second-organization-key' });
  });
  suiteTeardown(() => second.close());
  setup(async () => {
    await standIn.reset();
    await signIn(api);
    await standIn.clearRequests();
    second.requests.length = 0;
  });
  teardown(async () => {
    for (const panel of restored.splice(0)) panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const account of api.accounts.list()) if (account.baseUrl === second.url) await api.accounts.remove(account.id);
    await signIn(api);
  });

  /** What VS Code does on a reload: a new panel of the saved view type, handed to the serializer with the saved state. */
  async function restore(state: unknown): Promise<vscode.WebviewPanel> {
    const panel = vscode.window.createWebviewPanel(SESSION_VIEW_TYPE, 'Saved title', vscode.ViewColumn.Active, { enableScripts: true });
    restored.push(panel);
    // VS Code hands over a panel whose tab is already open.
    await waitFor('the tab of the restored panel', () => panelTabs().some((tab) => tab.label === 'Saved title') || undefined);
    await api.sessionPanels.deserializeWebviewPanel(panel, state);
    return panel;
  }

  test('a panel from account A reads from A after the window switches to B, and after a reload of its webview', async () => {
    const first = api.credentials.account!;
    const [raw] = await standIn.sessions({ status: 'open' });
    const id = raw!.id;
    await api.sessionPanels.showById(id);
    await settledPage(api, id);
    const panel = api.openPanels.get(id)!.panel;
    assert.ok(panel.webview.html.includes(`data-account-id="${first.id}"`), 'the page keeps its account for a reload');

    await addSecond();
    await standIn.clearRequests();
    assert.ok((await answerTo(api, id, 'refresh')).includes(JSON_SHOWN), 'Refresh still shows the session');
    assert.ok((await firstAsked(id)).length >= 2, 'the session and its history were read from A');
    assert.deepEqual(secondAsked(id), [], 'B was not asked');

    panel.dispose();
    await waitFor('the panel to close', () => !api.openPanels.has(id) || undefined);
    await standIn.clearRequests();
    await restore({ sessionId: id, accountId: first.id, collapsed: [], scrollY: 0 });
    assert.ok((await settledPage(api, id)).includes(JSON_SHOWN), 'the restored panel shows the session');
    assert.deepEqual((await firstAsked(id)).map((request) => request.path).sort(), [`/chat/sessions/${id}`, `/chat/sessions/${id}/history`]);
    assert.deepEqual(secondAsked(id), [], 'B was not asked');
  });

  test('a panel whose account was signed out says so and reads from no other, until the user switches it', async () => {
    const added = await addSecond();
    const id = second.sessions[0]!.id;
    await api.sessionPanels.showById(id);
    assert.ok((await settledPage(api, id)).includes(JSON_SHOWN));
    await api.accounts.remove(added.id);
    await standIn.clearRequests();
    const page = await answerTo(api, id, 'refresh');
    assert.ok(page.includes('this session was opened from is signed out'), page);
    assert.ok(page.includes('data-action="setToken"') && page.includes('data-action="switchAccount"'), 'Set API Token and Switch Account');
    assert.deepEqual(await firstAsked(id), [], 'the active account was not asked');

    // Switch Account… picks the account that is active: the panel moves to it and reads from it.
    const commands = vscode.commands as { executeCommand: (command: string, ...rest: unknown[]) => Thenable<unknown> };
    const executeCommand = commands.executeCommand;
    commands.executeCommand = (command, ...rest) => (command === 'opencx.switchAccount' ? Promise.resolve(undefined) : executeCommand(command, ...rest));
    try {
      press(api, id, 'switchAccount');
      await waitFor('the panel to ask the active account', async () => (await firstAsked(id)).length > 0 || undefined);
    } finally {
      commands.executeCommand = executeCommand;
    }
  });

  test('a restored panel whose saved account is unknown says it was signed out; one saved with none reads from the active account', async () => {
    const [raw] = await standIn.sessions({ status: 'open' });
    const id = raw!.id;
    await restore({ sessionId: id, accountId: 'no-such-account' });
    assert.ok((await settledPage(api, id)).includes('data-action="switchAccount"'));
    assert.deepEqual(await firstAsked(id), []);
    api.openPanels.get(id)!.dispose();

    await restore({ sessionId: id });
    assert.ok((await settledPage(api, id)).includes(JSON_SHOWN));
    assert.ok(api.openPanels.get(id)!.panel.webview.html.includes(`data-account-id="${api.credentials.account!.id}"`));
  });

  test('a link to a session only B has, opened while A is active, is found in B when the user asks', async () => {
    const added = await addSecond();
    await signIn(api); // A active again
    const id = second.sessions[2]!.id;
    const window = vscode.window as { showErrorMessage: (message: string, ...items: string[]) => Thenable<string | undefined> };
    const showErrorMessage = window.showErrorMessage;
    const offers: { message: string; items: string[]; askedOfB: number }[] = [];
    window.showErrorMessage = (message, ...items) => {
      offers.push({ message, items, askedOfB: secondAsked(id).length });
      return Promise.resolve(items.find((item) => item === 'Look in Other Accounts'));
    };
    try {
      await api.deepLinks.handleUri(linkOf(id));
      assert.ok((await waitFor('the session from B', () => pageOf(api, id))).includes(id));
      assert.ok((await settledPage(api, id)).includes(JSON_SHOWN));
    } finally {
      window.showErrorMessage = showErrorMessage;
    }
    assert.equal(offers.length, 1, JSON.stringify(offers));
    assert.match(offers[0]!.message, /There is no open\.cx session/);
    assert.equal(offers[0]!.askedOfB, 0, 'B is asked only on click');
    assert.deepEqual((await firstAsked(id)).map((request) => request.status), [404], 'A was asked once');
    const fromB = secondAsked(id).map((request) => request.path).sort();
    assert.deepEqual(fromB, [`/chat/sessions/${id}`, `/chat/sessions/${id}/history`], 'B: the look, then the history');
    assert.ok(api.openPanels.get(id)!.panel.webview.html.includes(`data-account-id="${added.id}"`), 'the panel reads from B');
  });
});
