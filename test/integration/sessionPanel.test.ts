import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { SessionNode } from '../../src/model/tree/treeNodes';
import { generateHistory, HOSTILE_NAME, type RawSession } from '../server/data';
import { activate, answerTo, EXTENSION_ID, pageOf, press, settledPage, signIn, standIn, waitFor } from './helpers';

/** The view type of session panels, as VS Code stores it with a panel it will restore. */
const SESSION_VIEW_TYPE = 'opencx.session';

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
    const html = await settledPage(api, id);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the name is escaped');
    assert.ok(!html.includes(HOSTILE_NAME), 'never as markup');
    assert.ok(!html.includes('<script>alert(2)'), 'nor the summary');
    assert.ok(html.includes('x_experimental_routing'), 'the unknown field is shown');
    assert.ok(html.includes('confused'), 'the unknown enum value is shown');
    assert.ok(html.includes('<ol class="transcript">'), 'the history transcript is below the JSON');
    const panel = api.openPanels.get(id)!.panel;
    assert.match(panel.webview.html, /Content-Security-Policy" content="default-src &#39;none&#39;;/);

    await waitFor('the panel tab', () => panelTabs().length === 1 || undefined);
    assert.equal(panelTabs()[0]!.label, HOSTILE_NAME, 'titled with the session label, as text');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(panelTabs().length, 1, 'opened again: revealed, not duplicated');

    // A tab icon is an image: one drawn in currentColor is black in a dark theme.
    const icon = panel.iconPath as { light: vscode.Uri; dark: vscode.Uri };
    assert.ok(icon.light && icon.dark, 'a light and a dark icon');
    const stroke = async (uri: vscode.Uri) => /stroke="([^"]+)"/.exec(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)))?.[1];
    const [light, dark] = [await stroke(icon.light), await stroke(icon.dark)];
    assert.ok(light && dark && light !== dark && ![light, dark].includes('currentColor'), `strokes ${light} and ${dark}`);
  });

  test('the page says when its script runs; the history that arrived meanwhile reaches it as an update, not as a new page', async () => {
    const command = api.provider.getTreeItem(hostile).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const id = hostile.session.id;
    const { panel, page } = api.openPanels.get(id)!;
    const first = panel.webview.html;
    assert.ok(first.includes('Loading history…') && !first.includes('<ol class="transcript">'), 'the first page holds the session, with its history loading');
    await waitFor('the page to say its script runs', () => page.runs || undefined);
    assert.ok((await settledPage(api, id)).includes('<ol class="transcript">'), 'the history is on the page');
    assert.equal(panel.webview.html, first, 'the page was not loaded again');
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
    assert.ok(pageOf(api, second!.id)?.includes(second!.id));
    await api.sessionPanels.showById('00000000-0000-0000-0000-000000000000');
    assert.equal(pageOf(api, '00000000-0000-0000-0000-000000000000'), undefined);
    const requests = await standIn.requests();
    assert.equal(requests.find((request) => request.path.endsWith('/00000000-0000-0000-0000-000000000000'))?.status, 404);
  });

  test('a big integer, key order and a repeated key reach the panel, Copy JSON and the editor as sent', async () => {
    const id = (await standIn.sessions({ status: 'closed_unresolved' }))[3]!.id;
    const body = `{"id":"${id}","status":"closed_unresolved","channel":{"type":"web"},"ticket_number":9007199254740993,"custom_data":{"b":1,"2":2},"tag":"x","tag":"y"}`;
    const pretty =
      `{\n  "id": "${id}",\n  "status": "closed_unresolved",\n  "channel": {\n    "type": "web"\n  },\n  "ticket_number": 9007199254740993,\n` +
      '  "custom_data": {\n    "b": 1,\n    "2": 2\n  },\n  "tag": "x",\n  "tag": "y"\n}';
    await standIn.setFaults({ bodyText: body, path: `/chat/sessions/${id}`, times: 1 });
    await api.sessionPanels.showById(id);
    const html = await settledPage(api, id);
    assert.ok(html.includes('<span class="number">9007199254740993</span>'), 'the panel shows the integer as sent');
    assert.ok(html.includes('class="key duplicate"'), 'the repeated key is marked');
    press(api, id, 'copyJson');
    await waitFor('the copied JSON', async () => (await vscode.env.clipboard.readText()) === pretty || undefined);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'opencx-session', path: `/${id}.json` }));
    assert.equal(document.getText(), pretty, 'the read-only editor holds the same text');
  });

  test('an id that is not a session id never becomes a request path: command argument or document URI', async () => {
    await standIn.clearRequests();
    for (const id of ['..', '../../chat/sessions', '.', '%2e%2e', 'x/../..']) {
      await vscode.commands.executeCommand('opencx.openSession', id);
      await assert.rejects(
        Promise.resolve(vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'opencx-session', path: `/${id}.json` }))),
        /is not a session ID/,
        id,
      );
      assert.equal(pageOf(api, id), undefined, id);
    }
    assert.deepEqual(await standIn.requests(), [], 'nothing was asked of the server');
  });

  suite('history refresh', () => {
    /** A session whose history spans three pages of 20. */
    let long: RawSession;

    suiteSetup(async () => {
      long = (await standIn.sessions()).find((session) => generateHistory(session).length > 40)!;
      assert.ok(long, 'the stand-in serves a session with more than two pages of history');
    });

    /** Opens the session and loads one older page: 40 events shown. */
    async function openWithOlderPage(): Promise<void> {
      await api.sessionPanels.showById(long.id);
      await settledPage(api, long.id);
      assert.deepEqual(eventTimes(await answerTo(api, long.id, 'loadOlder')), historyTimes(long).slice(0, 40));
    }

    test('Refresh keeps the pages loaded with "Load older", for one history request', async () => {
      await openWithOlderPage();
      await standIn.clearRequests();
      const html = await answerTo(api, long.id, 'refresh');
      assert.deepEqual(eventTimes(html), historyTimes(long).slice(0, 40), 'both pages are still shown, once each');
      assert.ok(html.includes('data-action="loadOlder"'), 'the third page can still be loaded');
      const history = (await standIn.requests()).filter((request) => request.path.endsWith('/history'));
      assert.deepEqual(history.map((request) => request.query.cursor), [undefined], 'only the newest page was read again');

      assert.deepEqual(eventTimes(await answerTo(api, long.id, 'loadOlder')), historyTimes(long), '"Load older" continues below the kept pages');
    });

    test('a failed Refresh keeps the loaded history on screen with the error; Retry keeps it too', async () => {
      await openWithOlderPage();
      await standIn.setFaults({ status: 403, message: 'Forbidden for this test', path: `/chat/sessions/${long.id}/history`, times: 1 });
      const failed = await answerTo(api, long.id, 'refresh');
      assert.match(failed, /<span class="message">[^<]*Forbidden for this test[^<]*<\/span> <button type="button" data-action="retryHistory">Retry<\/button>/);
      assert.deepEqual(eventTimes(failed), historyTimes(long).slice(0, 40), 'nothing shown was dropped');

      const retried = await answerTo(api, long.id, 'retryHistory');
      assert.ok(!retried.includes('data-action="retryHistory"'));
      assert.deepEqual(eventTimes(retried), historyTimes(long).slice(0, 40), 'the retried refresh keeps the older page as well');
    });
  });

  suite('panels restored after a window reload', () => {
    let raw: RawSession;
    const restored: vscode.WebviewPanel[] = [];

    suiteSetup(async () => {
      [raw] = await standIn.sessions({ status: 'open', channel_type: 'email' });
    });
    teardown(async () => {
      for (const panel of restored.splice(0)) panel.dispose();
      await standIn.setFaults({});
      await signIn(api);
    });

    /**
     * What VS Code does on a reload: a new panel of the saved view type, handed to the serializer
     * with the saved state. `closed` settles if the serializer closes it.
     */
    async function restore(state: unknown): Promise<{ panel: vscode.WebviewPanel; closed: Promise<void> }> {
      const panel = vscode.window.createWebviewPanel(SESSION_VIEW_TYPE, 'Saved title', vscode.ViewColumn.Active, { enableScripts: true });
      restored.push(panel);
      const closed = new Promise<void>((resolve) => panel.onDidDispose(() => resolve()));
      // VS Code hands over a panel whose tab is already open.
      await waitFor('the tab of the restored panel', () => panelTabs().some((tab) => tab.label === 'Saved title') || undefined);
      await api.sessionPanels.deserializeWebviewPanel(panel, state);
      return { panel, closed };
    }

    test('the manifest activates the extension for its panels', () => {
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { activationEvents: string[] };
      assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${SESSION_VIEW_TYPE}`));
    });

    test('the panel fetches its session by id and becomes the one panel of that session', async () => {
      await standIn.clearRequests();
      const { panel } = await restore({ sessionId: raw.id, collapsed: ['/contact'], scrollY: 120 });
      assert.ok(panel.webview.html.includes('Loading session…'), 'at once a page that says what is happening');
      assert.ok(panel.webview.html.includes(`data-session-id="${raw.id}"`));
      // Past its first page, the page changes by updates: pageOf is what it was last given.
      const html = await settledPage(api, raw.id);
      assert.ok(html.includes('<pre class="json" id="json">'), 'the JSON is shown');
      assert.ok(html.includes('<ol class="transcript">'), 'and the history');
      assert.notEqual(panel.title, 'Saved title', 'the restored panel is the one registered for the id: titled after the session again');
      assert.deepEqual((await sessionRequests()).map((request) => request.path).sort(), [`/chat/sessions/${raw.id}`, `/chat/sessions/${raw.id}/history`]);

      await api.sessionPanels.showById(raw.id);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(panelTabs().length, 1, 'opening the session again reveals the restored panel');
      assert.equal((await sessionRequests()).length, 2, 'without fetching it again');
    });

    test('signed out, it says so with Retry and Set API Token, and loads by itself once signed in', async () => {
      await api.credentials.clear();
      const { panel } = await restore({ sessionId: raw.id });
      const html = await settledPage(api, raw.id);
      assert.ok(html.includes('You are signed out of open.cx'), html);
      assert.ok(html.includes('<button type="button" data-action="refresh">Retry</button>'));
      assert.ok(html.includes('data-action="setToken"'));
      assert.ok(html.includes(raw.id), 'which session this was');

      await signIn(api);
      const page = () => pageOf(api, raw.id) ?? '';
      await waitFor('the restored panel to load after signing in', () => page().includes('<ol class="transcript">') || undefined);
      assert.ok(page().includes('<pre class="json" id="json">'));
      assert.ok(!page().includes('signed out'));
      assert.notEqual(panel.title, 'Saved title');
    });

    test('a failed fetch shows the server\'s answer with Retry, not a blank page', async () => {
      await standIn.setFaults({ status: 403, message: 'Forbidden for this test', path: `/chat/sessions/${raw.id}`, times: 2 });
      await restore({ sessionId: raw.id });
      const failed = await settledPage(api, raw.id);
      assert.match(failed, /role="alert"><span class="message">[^<]*Forbidden for this test/);
      assert.ok(failed.includes('<button type="button" data-action="refresh">Retry</button>'));

      assert.ok((await answerTo(api, raw.id, 'refresh')).includes('<pre class="json" id="json">'));
    });

    test('a panel saved without a session id is closed; one for a session already open gives way to it', async () => {
      await standIn.clearRequests();
      for (const state of [undefined, {}, { sessionId: '../../chat/sessions' }, { sessionId: 42 }]) {
        const { closed } = await restore(state);
        await within(closed, `the panel restored from ${JSON.stringify(state)} to close`);
      }
      assert.equal((await sessionRequests()).length, 0, 'nothing was fetched');

      await api.sessionPanels.showById(raw.id);
      await waitFor('the session panel', () => panelTabs().length === 1 || undefined);
      const duplicate = await restore({ sessionId: raw.id });
      await within(duplicate.closed, 'the duplicate to close');
      await waitFor('one tab', () => panelTabs().length === 1 || undefined);
      assert.equal(panelTabs().length, 1);
      assert.ok(pageOf(api, raw.id)?.includes('<pre class="json" id="json">'), 'the open panel stays');
    });
  });
});

/** `created_at` of the events in a panel's transcript, in the order shown. */
function eventTimes(html: string | undefined): string[] {
  const transcript = /<ol class="transcript">([\s\S]*?)<\/ol>/.exec(html ?? '')?.[1] ?? '';
  return [...transcript.matchAll(/<li class="event"[^>]*><div class="meta">.*?<time datetime="([^"]+)"/g)].map((match) => match[1]!);
}

function within(promise: Promise<void>, what: string, ms = 5_000): Promise<void> {
  return Promise.race([promise, new Promise<void>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))]);
}

/** Requests for one session or its history (the tree's list requests left out). */
async function sessionRequests() {
  return (await standIn.requests()).filter((request) => request.path.startsWith('/chat/sessions/'));
}

function historyTimes(session: RawSession): string[] {
  return generateHistory(session).map((event) => event.created_at as string);
}
