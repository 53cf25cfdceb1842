import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { HOSTILE_NAME } from '../server/data';
import { expand, runCommand, startSignedInCollapsed, treeRow, ui, waitForWorkbench, webviewFrame } from './driver';

suite('UI: session JSON view', () => {
  suiteSetup(startSignedInCollapsed);

  test('clicking a session opens its JSON; a hostile contact name shows as text', async () => {
    const { page, standIn, screenshotDir } = ui();
    await expand(page, 'Open');
    await expand(page, 'Web');
    await treeRow(page, HOSTILE_NAME).click();
    const hostile = standIn.sessions.find((session) => (session.contact as { name?: string } | null)?.name === HOSTILE_NAME)!;
    // The page is rebuilt when the history arrives: wait for the complete one of this session.
    const frame = await webviewFrame(page, async (candidate) => (await candidate.locator(`body[data-session-id="${hostile.id}"] .transcript`).count()) > 0);
    const text = (await frame.locator('body').textContent()) ?? '';
    assert.ok(text.includes(HOSTILE_NAME), 'the name appears as characters');
    assert.equal(await frame.locator('img').count(), 0, 'no element was made from it');
    assert.ok(text.includes('x_experimental_routing'), 'unknown fields are shown');
    assert.ok(text.includes(hostile.id));
    await page.screenshot({ path: join(screenshotDir, 'session-json.png') });
  });

  test('Developer: Reload Window restores the panel: fetched again by id, collapsed nodes kept; signed out, it says so and loads once signed in', async () => {
    const { page, standIn } = ui();
    const hostile = standIn.sessions.find((session) => (session.contact as { name?: string } | null)?.name === HOSTILE_NAME)!;
    const ofSession = `body[data-session-id="${hostile.id}"]`;
    await expand(page, 'Open');
    await expand(page, 'Web');
    await treeRow(page, HOSTILE_NAME).click();
    const before = await webviewFrame(page, async (candidate) => (await candidate.locator(`${ofSession} .transcript`).count()) > 0);
    await before.locator('.node[data-path="/contact"] > .toggle').click();
    await before.locator('.node.collapsed[data-path="/contact"]').waitFor();

    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await waitForWorkbench(page);
    // The web workbench keeps secrets only for the life of the page, so the reload signed out.
    const restored = await webviewFrame(page, async (candidate) => (await candidate.locator(`${ofSession} [role="alert"]`).count()) > 0, 60_000);
    const alert = (await restored.locator('[role="alert"]').textContent()) ?? '';
    assert.match(alert, /You are signed out of open\.cx/);
    assert.equal(await restored.locator('[role="alert"] button[data-action="refresh"]').textContent(), 'Retry');

    standIn.requests.length = 0;
    await restored.locator('[role="alert"] button[data-action="setToken"]').click();
    const password = page.locator('.quick-input-widget .quick-input-box input[type="password"]');
    await password.waitFor({ timeout: 10_000 });
    await password.fill(standIn.token);
    await page.keyboard.press('Enter');
    // Signing in is enough: the panel loads again by itself.

    const shown = await webviewFrame(page, async (candidate) => (await candidate.locator(`${ofSession} .transcript`).count()) > 0);
    assert.ok(((await shown.locator('#json').textContent()) ?? '').includes('x_experimental_routing'), 'the session is shown again');
    // media/session.js, loaded at the end of the page, restores the collapsed nodes once it runs.
    await shown.locator('.node.collapsed[data-path="/contact"]').waitFor({ timeout: 5_000 });
    assert.equal(await shown.locator('.node.collapsed[data-path="/contact"]').count(), 1, 'the node collapsed before the reload is still collapsed');
    assert.equal(await shown.locator('.node.collapsed').count(), 1, 'and nothing else');
    const fetched = standIn.requests.filter((request) => request.path.startsWith(`/chat/sessions/${hostile.id}`)).map((request) => request.path);
    assert.deepEqual(fetched.sort(), [`/chat/sessions/${hostile.id}`, `/chat/sessions/${hostile.id}/history`], 'fetched again by id');
  });
});
