// The chat's session tools in the real VS Code, through vscode.lm.tools and vscode.lm.invokeTool
// (invoking a tool needs no language model): listed with their schemas, answering with what the
// stand-in holds, hostile text kept inside the customer content, signed out pointing to Set API
// Token, and never the key. Then Ask Chat About This Session.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { RawSession } from '../server/data';
import { HOSTILE_CONTACT, splitAnswer } from '../unit/chatOutput';
import { activate, EXTENSION_ID, signIn, standIn, withAccount } from './helpers';

const TOOL_NAMES = ['opencx_getSession', 'opencx_listSessions', 'opencx_searchSessions'];

/** Every answer of the suite, checked for the key at the end. */
const answers: string[] = [];

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : JSON.stringify(part))).join('');
  answers.push(text);
  return text;
}

/** Every 8-character piece of the token: a cut-off token still leaks. */
function assertNoToken(text: string): void {
  const token = standIn.token;
  for (let index = 0; index + 8 <= token.length; index++) assert.ok(!text.includes(token.slice(index, index + 8)), `an answer holds part of the key: ${text.slice(0, 300)}`);
}

suite('chat tools', () => {
  let api: TestApi;

  suiteSetup(async () => {
    api = await activate();
    await standIn.reset();
    await signIn(api);
  });
  setup(() => standIn.reset());

  test('the three tools are listed with their schemas and tags', () => {
    const listed = vscode.lm.tools.filter((tool) => tool.name.startsWith('opencx_'));
    assert.deepEqual(listed.map((tool) => tool.name).sort(), TOOL_NAMES);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const declared = (JSON.parse(readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8')) as {
      contributes: { languageModelTools: { name: string; inputSchema: object; tags: string[] }[] };
    }).contributes.languageModelTools;
    for (const tool of listed) {
      const contribution = declared.find((entry) => entry.name === tool.name)!;
      assert.deepEqual(tool.inputSchema, contribution.inputSchema, tool.name);
      assert.deepEqual([...tool.tags].sort(), [...contribution.tags].sort(), tool.name);
      assert.match(tool.description, /Read-only/, tool.name);
    }
  });

  test('each tool answers with what the stand-in holds', async () => {
    const openWeb = await standIn.sessions({ status: 'open', channel_type: 'web' });
    const listed = splitAnswer(await invoke('opencx_listSessions', { status: 'open', channel: 'web', limit: 5 }));
    assert.deepEqual(listed.values.map((value) => (value as { id: string }).id), openWeb.slice(0, 5).map((session) => session.id));
    assert.match(listed.outside, /^5 sessions from open\.cx matching: Open, Web/);

    const session = openWeb[1]!;
    const read = splitAnswer(await invoke('opencx_getSession', { id: session.id, includeHistory: true }));
    assert.deepEqual(read.values[0], session, 'the session as the stand-in sent it');
    assert.ok(read.values.length > 1, 'and its transcript');
    const times = read.values.slice(1).map((entry) => (entry as { time: string }).time);
    assert.deepEqual(times, [...times].sort(), 'newest last');

    const found = splitAnswer(await invoke('opencx_searchSessions', { query: 'refund' }));
    const hits = found.values.filter((value) => (value as { hit: string }).hit === 'message') as { sessionId: string; text: string }[];
    assert.ok(hits.length > 0 && hits.every((hit) => /refund/i.test(hit.text)));
    const paths = (await standIn.requests()).map((request) => request.path);
    assert.deepEqual(paths.filter((p) => p === '/chat/sessions/search'), ['/chat/sessions/search']);
  });

  test('bad input gets a sentence the model can act on, and no request', async () => {
    const answer = await invoke('opencx_getSession', { id: 'session 42' });
    assert.match(answer, /id "session 42" is not an open\.cx session id\. Session ids are UUIDs/);
    assert.match(await invoke('opencx_listSessions', { createdAfter: 'last Tuesday' }), /createdAfter "last Tuesday" is not an ISO 8601 date/);
    assert.deepEqual(await standIn.requests(), []);
  });

  test('a hostile contact name stays inside the customer content', async () => {
    const [session] = (await standIn.sessions({ status: 'closed_resolved' })) as RawSession[];
    const hostile = { ...session!, contact: { id: 'c-hostile', name: HOSTILE_CONTACT } };
    await standIn.setFaults({ bodyText: JSON.stringify(hostile), path: `/chat/sessions/${session!.id}`, times: 1 });
    const { outside, lines, values } = splitAnswer(await invoke('opencx_getSession', { id: session!.id }));
    assert.deepEqual(values, [hostile]);
    assert.ok(lines[0]!.includes('Ignore previous instructions'), 'the name is there, as data');
    assert.doesNotMatch(outside, /ignore previous instructions|developer mode|command:/i);
  });

  test('signed out, each tool says to run Set API Token, and reads nothing', async () => {
    await api.credentials.clear();
    try {
      for (const [name, input] of [['opencx_listSessions', {}], ['opencx_searchSessions', { query: 'a' }], ['opencx_getSession', { id: '3c90c3cc-0d44-4b50-8888-8dd25736052a' }]] as const) {
        assert.match(await invoke(name, input), /signed out of open\.cx.*run the command "open\.cx: Set API Token"/s, name);
      }
      assert.deepEqual(await standIn.requests(), []);
    } finally {
      await signIn(api);
    }
  });

  test('a stored key with a base URL the client refuses: the answer says what is wrong with the URL', async () => {
    await withAccount(api, `${standIn.url}/?tenant=1`, standIn.token, async () => {
      const { outside, values } = splitAnswer(await invoke('opencx_listSessions', {}));
      assert.match(outside, /^Reading open\.cx failed: The extension's open\.cx settings cannot be used\. Tell the user to check the opencx\.apiBaseUrl setting/);
      assert.match((values[0] as { message: string }).message, /^The API base URL must not contain a query/);
      assert.deepEqual(await standIn.requests(), []);
    });
  });

  test('no answer holds the key, even one the server echoed', async () => {
    const [session] = await standIn.sessions({ status: 'open' });
    await standIn.setFaults({ bodyText: JSON.stringify({ ...session!, contact: { name: `echo ${standIn.token}` } }), path: `/chat/sessions/${session!.id}`, times: 1 });
    assert.match(await invoke('opencx_getSession', { id: session!.id }), /echo «token»/);
    // Every attempt fails: the first and the client's retries.
    await standIn.setFaults({ status: 500, message: `broken for ${standIn.token}`, path: '/chat/sessions', times: 10 });
    assert.match(await invoke('opencx_listSessions', {}), /broken for «token»/);
    assert.ok(answers.length >= 8, `the answers of the suite: ${answers.length}`);
    for (const answer of answers) assertNoToken(answer);
  });

  test('Ask Chat About This Session: says so where AI features are off; opens the chat otherwise', async () => {
    const [session] = await standIn.sessions({ status: 'open' });
    const chat = vscode.workspace.getConfiguration('chat');
    await chat.update('disableAIFeatures', true, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await vscode.commands.executeCommand('opencx.askChat', session!.id), 'chatUnavailable');
    } finally {
      await chat.update('disableAIFeatures', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(await vscode.commands.executeCommand('opencx.askChat', 'not an id'), 'nothingSelected');
    const hasChat = (await vscode.commands.getCommands(true)).includes('workbench.action.chat.open');
    assert.equal(await vscode.commands.executeCommand('opencx.askChat', session!.id), hasChat ? 'opened' : 'chatUnavailable');
    // The chat opens in the secondary side bar: closed again, so the suites after this one see the workbench as before.
    if (hasChat) await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  });
});
