import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { clearNotifications, expand, findNotification, openSessionsView, quickInput, runCommand, treeRow, treeRows, ui, waitForRequests } from './driver';

suite('UI: API token', () => {
  test('signed out, the view shows its welcome content with a Set API Token button', async () => {
    const { page } = ui();
    await openSessionsView(page);
    if (await treeRows(page).first().isVisible()) await runCommand(page, 'open.cx: Sign Out');
    const welcome = page.locator('.part.sidebar .welcome-view-content');
    await welcome.waitFor();
    assert.match((await welcome.textContent()) ?? '', /Browse your organization's open\.cx chat sessions/);
    assert.equal(await welcome.locator('a.monaco-button', { hasText: 'Set API Token' }).count(), 1);
  });

  test('a wrong token is refused with the server message and nothing is stored', async () => {
    const { page, standIn } = ui();
    const before = standIn.requests.length;
    await page.locator('.part.sidebar .welcome-view-content a.monaco-button', { hasText: 'Set API Token' }).click();
    // The key is typed into a password box (the widget is reused: wait for this box's type).
    const input = page.locator('.quick-input-widget .quick-input-box input[type="password"]');
    await input.waitFor({ timeout: 10_000 });
    await input.fill('not-the-right-key');
    await page.keyboard.press('Enter');
    const message = await findNotification(page, 'was not saved');
    assert.match(message, /401: Invalid API key/);
    assert.ok(!message.includes('not-the-right-key'), 'the token is not echoed');
    assert.equal(standIn.requests.length, before + 1, 'checked with one request');
    await clearNotifications(page);
    await page.locator('.part.sidebar .welcome-view-content').waitFor();
  });

  test('a key pasted with an invisible character is refused as it is typed, and nothing is sent', async () => {
    const { page, standIn } = ui();
    const before = standIn.requests.length;
    await runCommand(page, 'open.cx: Set API Token');
    const input = page.locator('.quick-input-widget .quick-input-box input[type="password"]');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`${standIn.token.slice(0, 4)}\u200b${standIn.token.slice(4)}`);
    const problem = page.locator('.quick-input-widget .quick-input-message', { hasText: 'ZERO WIDTH SPACE' });
    await problem.waitFor({ timeout: 10_000 });
    assert.match((await problem.textContent()) ?? '', /invisible character \(U\+200B ZERO WIDTH SPACE\) at position 5/);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    assert.equal(standIn.requests.length, before, 'nothing was sent');
    await page.keyboard.press('Escape');
    await page.locator('.part.sidebar .welcome-view-content').waitFor();
  });

  test('a valid token is checked with one request, stored, and the tree loads', async () => {
    const { page, standIn, screenshotDir } = ui();
    standIn.requests.length = 0;
    await runCommand(page, 'open.cx: Set API Token');
    await quickInput(page).fill(standIn.token);
    // The walkthrough's first picture: the box, the key hidden.
    await page.screenshot({ path: join(screenshotDir, 'set-api-token.png') });
    await page.keyboard.press('Enter');
    await treeRow(page, 'Open').waitFor();
    assert.equal(await page.locator('.part.sidebar .welcome-view-content').isVisible(), false);
    await expand(page, 'Closed · unresolved');
    await expand(page, 'Email');
    await waitForRequests(standIn, 2);
    assert.deepEqual(
      standIn.requests.map((request) => [request.query.status, request.query.channel_type, request.status]),
      [
        [undefined, undefined, 200],
        ['closed_unresolved', 'email', 200],
      ],
      'one check, then the expanded group with the stored token',
    );
  });
});
