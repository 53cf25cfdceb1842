// The extension as it ships: the .vsix installed into a real VS Code with --install-extension,
// nothing under development, so it runs in Production mode (no development token) and only with
// the files the package holds. A file left out of the package (the bundle, media/, the manifest's
// translations) fails one of these.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { HOSTILE_NAME } from '../server/data';
import { expand, openSessionsView, quickPickRow, runCommand, treeRow, ui, waitForRequests, webviewFrame } from '../ui/driver';

/** Opens the Output panel on the extension's "open.cx" channel and resolves to its text. */
async function showOutputChannel(page: Page, expected: RegExp): Promise<string> {
  await runCommand(page, 'Output: Show Output Channels');
  await quickPickRow(page, 'open.cx').click();
  const text = page.locator('.part.panel .monaco-editor .view-lines', { hasText: expected }).first();
  await text.waitFor({ timeout: 15_000 });
  return (await text.textContent()) ?? '';
}

suite('Package: the installed .vsix', () => {
  test('it activates from its view: signed out, the welcome content and its output channel appear', async () => {
    const { page } = ui();
    await openSessionsView(page);
    const welcome = page.locator('.part.sidebar .welcome-view-content');
    await welcome.waitFor();
    assert.match((await welcome.textContent()) ?? '', /Browse your organization's open\.cx chat sessions/, 'the manifest and its translations are packaged');
    // activate() creates the channel: its presence proves the view started the extension. The
    // picker lists the channels of the moment, so look again until the extension host is up.
    const started = Date.now();
    for (;;) {
      await runCommand(page, 'Output: Show Output Channels');
      await quickPickRow(page, 'Window').waitFor();
      const listed = await quickPickRow(page, 'open.cx').isVisible();
      await page.keyboard.press('Escape');
      if (listed) break;
      assert.ok(Date.now() - started < 30_000, 'no "open.cx" output channel: the extension did not activate');
      await page.waitForTimeout(1_000);
    }
  });

  test('a key set in the password box of Set API Token loads the tree from the stand-in', async () => {
    const { page, standIn } = ui();
    standIn.requests.length = 0;
    await runCommand(page, 'open.cx: Set API Token');
    const password = page.locator('.quick-input-widget .quick-input-box input[type="password"]');
    await password.waitFor({ timeout: 10_000 });
    await password.fill(standIn.token);
    await page.keyboard.press('Enter');
    await treeRow(page, 'Open').waitFor({ timeout: 20_000 });
    await waitForRequests(standIn, 1);
    assert.ok(standIn.requests.every((request) => request.status === 200), 'every request was accepted');
  });

  test('a session panel opens with its stylesheet applied and its script running', async () => {
    const { page, standIn } = ui();
    await expand(page, 'Open');
    await expand(page, 'Web');
    await treeRow(page, HOSTILE_NAME).click();
    const session = standIn.sessions.find((candidate) => (candidate.contact as { name?: string } | null)?.name === HOSTILE_NAME)!;
    const frame = await webviewFrame(page, async (candidate) => (await candidate.locator(`body[data-session-id="${session.id}"] .transcript`).count()) > 0);
    // media/session.css draws the toggles' triangles (VS Code's own webview styles do not).
    const toggle = frame.locator('.node[data-path="/contact"] > .toggle');
    assert.equal(await toggle.evaluate((element) => getComputedStyle(element, '::before').content), '"\u25BE"', 'media/session.css applied');
    // The page's script (dist/session.js) handles the toggle (the class), media/session.css hides the collapsed body.
    await toggle.click();
    const collapsed = frame.locator('.node.collapsed[data-path="/contact"]');
    await collapsed.waitFor({ timeout: 5_000 });
    assert.equal(await collapsed.locator(':scope > .toggle').getAttribute('aria-expanded'), 'false', "the page's script ran");
    assert.equal(await collapsed.locator(':scope > .body').evaluate((body) => getComputedStyle(body).display), 'none', 'the collapsed node is hidden');
  });

  test('the output channel logs the requests, without the key', async () => {
    const { page, standIn } = ui();
    // \s: the editor draws spaces as no-break spaces.
    const text = await showOutputChannel(page, /GET\s\/chat\/sessions\S*\s200\s/);
    assert.ok(!text.includes(standIn.token), 'the key is not logged');
  });
});
