import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { activate, pageOf, signIn, standIn } from './helpers';

/** What a hover shows, its Markdown escapes undone. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * A file on disk holding `content`: untitled documents reuse their names once closed, and the
 * language features can then answer for the closed one's text.
 */
let files = 0;
async function openFile(content: string, extension: string): Promise<vscode.TextDocument> {
  const file = join(mkdtempSync(join(tmpdir(), 'opencx-links-')), `session-${++files}.${extension}`);
  writeFileSync(file, content);
  return vscode.workspace.openTextDocument(vscode.Uri.file(file));
}

async function linksOf(document: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
  return (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri)) ?? [];
}

/** Runs a link's command target, as Ctrl+click does. */
async function follow(link: vscode.DocumentLink): Promise<void> {
  const target = link.target!;
  assert.equal(target.scheme, 'command');
  const args = target.query ? (JSON.parse(decodeURIComponent(target.query)) as unknown[]) : [];
  await vscode.commands.executeCommand(target.path, ...args);
}

suite('session ids in editors', () => {
  let api: TestApi;
  const config = () => vscode.workspace.getConfiguration('opencx');

  suiteSetup(async () => {
    api = await activate();
    await signIn(api);
  });
  setup(() => standIn.reset());
  teardown(async () => {
    await config().update('sessionLinks', undefined, vscode.ConfigurationTarget.Global);
    await signIn(api);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('an id in a log is a link that costs no request and opens the panel; its hover says what the session is, asking once', async () => {
    const session = (await standIn.sessions({ status: 'closed_resolved' })).find((candidate) => typeof (candidate.contact as { name?: unknown } | null)?.name === 'string')!;
    const name = (session.contact as { name: string }).name;
    const document = await openFile(`2026-12-01T10:00:00Z ERROR payment failed session="${session.id.toUpperCase()}" retry=3\n`, 'log');
    await vscode.window.showTextDocument(document);
    await standIn.clearRequests();

    const [link] = await linksOf(document);
    assert.ok(link, 'a link');
    assert.equal(document.getText(link.range).toLowerCase(), session.id);
    assert.deepEqual(await standIn.requests(), [], 'links cost no request');

    const text = await hoverText(document.uri, link.range.start.translate(0, 5));
    assert.ok(text.includes(name), `the label in ${JSON.stringify(text)}`);
    assert.match(text, /Closed · resolved/);
    assert.match(text, /\[Open Session\]\(command:opencx\.openSession/);
    await hoverText(document.uri, link.range.end);
    const asked = (await standIn.requests()).map((request) => request.path);
    assert.deepEqual(asked, [`/chat/sessions/${session.id}`], 'one request for two hovers');

    await follow(link);
    assert.ok(pageOf(api, session.id)?.includes(session.id), 'the link opened the panel');
  });

  test('an id of no session in this organization says so, and is asked for once', async () => {
    const id = '00000000-1111-4222-8333-444444444444';
    const document = await openFile(`{ "session_id": "${id}" }`, 'json');
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf(id) + 3);
    assert.match(await hoverText(document.uri, position), /Not an open\.cx session in this organization/);
    assert.match(await hoverText(document.uri, position), /Not an open\.cx session in this organization/);
    assert.equal((await standIn.requests()).length, 1);
  });

  test('signed out, or with opencx.sessionLinks off: no link and no hover', async () => {
    const document = await openFile('see 3c90c3cc-0d44-4b50-8888-8dd25736052a', 'txt');
    await config().update('sessionLinks', false, vscode.ConfigurationTarget.Global);
    assert.deepEqual(await linksOf(document), []);
    assert.equal(await hoverText(document.uri, new vscode.Position(0, 8)), '');
    await config().update('sessionLinks', undefined, vscode.ConfigurationTarget.Global);
    assert.equal((await linksOf(document)).length, 1, 'on again');
    await api.credentials.clear();
    assert.deepEqual(await linksOf(document), []);
    assert.deepEqual(await standIn.requests(), []);
  });

  test('Open open.cx Session opens the id under the cursor', async () => {
    const [session] = await standIn.sessions({ status: 'open' });
    const document = await openFile(`id: ${session!.id}`, 'md');
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 10, 0, 10);
    await vscode.commands.executeCommand('opencx.openSessionAtCursor');
    assert.ok(pageOf(api, session!.id), 'its panel is open');
  });
});
