import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseSession } from '../../src/api/schemas';
import { sessionLabel } from '../../src/model/labels';
import { generateHistory, HOSTILE_NAME } from '../server/data';
import { collapseAll, expand, quickInput, runCommand, startSignedInCollapsed, treeRow, ui, waitForWorkbench, webviewFrame } from './driver';

suite('UI: session JSON view', () => {
  suiteSetup(startSignedInCollapsed);

  test('clicking a session opens its JSON; a hostile contact name shows as text', async () => {
    const { page, standIn, screenshotDir } = ui();
    await expand(page, 'Open');
    await expand(page, 'Web');
    await treeRow(page, HOSTILE_NAME).click();
    const hostile = standIn.sessions.find((session) => (session.contact as { name?: string } | null)?.name === HOSTILE_NAME)!;
    // The history arrives after the first page: wait for the page of this session with it.
    const frame = await webviewFrame(page, async (candidate) => (await candidate.locator(`body[data-session-id="${hostile.id}"] .transcript`).count()) > 0);
    const text = (await frame.locator('body').textContent()) ?? '';
    assert.ok(text.includes(HOSTILE_NAME), 'the name appears as characters');
    assert.equal(await frame.locator('img').count(), 0, 'no element was made from it');
    assert.ok(text.includes('x_experimental_routing'), 'unknown fields are shown');
    assert.ok(text.includes(hostile.id));

    // The README's picture: an ordinary session, with its conversation.
    const firstPage = standIn.matching({ status: 'open', channel_type: 'web' }).slice(1, 25);
    const ordinary = firstPage.find((session) => generateHistory(session).length > 3)!;
    await treeRow(page, sessionLabel(parseSession(ordinary))).click();
    await webviewFrame(page, async (candidate) => (await candidate.locator(`body[data-session-id="${ordinary.id}"] .transcript`).count()) > 0);
    // Nothing of the hostile session beside it: its tab closed, the groups collapsed.
    await runCommand(page, 'View: Close Other Editors in Group');
    await collapseAll(page);
    await page.waitForTimeout(300); // the page's fonts and colours settle
    await page.screenshot({ path: join(screenshotDir, 'session-json.png') });
  });

  test('"Load older" adds to the page in place: the same page, scrolled and focused where it was, collapsed nodes kept', async () => {
    const { page, standIn } = ui();
    const long = standIn.sessions.find((session) => generateHistory(session).length > 40)!;
    const ofSession = `body[data-session-id="${long.id}"]`;
    await runCommand(page, 'open.cx: Go to Session…');
    await quickInput(page).fill(long.id);
    await page.keyboard.press('Enter');
    const frame = await webviewFrame(page, async (candidate) => (await candidate.locator(`${ofSession} .transcript`).count()) > 0);
    const events = frame.locator('.transcript > li');
    assert.equal(await events.count(), 20, 'the first page of history');

    const toggle = frame.locator('#json .node > .toggle').nth(1);
    const path = await toggle.evaluate((element) => (element.parentElement as HTMLElement).dataset.path);
    await toggle.click();
    // A page loaded anew would be a new document, without this mark.
    await frame.evaluate(() => ((window as { samePage?: boolean }).samePage = true));
    const loadOlder = frame.locator('button[data-action="loadOlder"]');
    await loadOlder.scrollIntoViewIfNeeded();
    const scrollY = await frame.evaluate(() => window.scrollY);
    assert.ok(scrollY > 0, 'scrolled down to the button');
    await loadOlder.click();

    await events.nth(39).waitFor();
    await frame.locator('button[data-action="loadOlder"]:not([disabled])').waitFor();
    assert.equal(await events.count(), 40, 'the next page below the first');
    assert.equal(await frame.evaluate(() => (window as { samePage?: boolean }).samePage), true, 'the same page: it was not loaded again');
    assert.equal(await frame.evaluate(() => window.scrollY), scrollY, 'scrolled where it was');
    assert.equal(await frame.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action), 'loadOlder', 'focus back on "Load older"');
    const collapsedPaths = (of: typeof frame) => of.locator('#json .node.collapsed').evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.path));
    assert.deepEqual(await collapsedPaths(frame), [path], 'the node collapsed before is still collapsed');

    // Hidden behind another session, the panel's page is dropped; shown again, it is loaded whole.
    const other = standIn.sessions.find((session) => session.id !== long.id)!;
    await runCommand(page, 'open.cx: Go to Session…');
    await quickInput(page).fill(other.id);
    await page.keyboard.press('Enter');
    await webviewFrame(page, async (candidate) => (await candidate.locator(`body[data-session-id="${other.id}"] #json`).count()) > 0);
    await runCommand(page, 'View: Open Previous Editor');
    const shownAgain = await webviewFrame(page, async (candidate) => (await candidate.locator(`${ofSession} .transcript > li`).count()) > 0);
    assert.equal(await shownAgain.locator('.transcript > li').count(), 40, 'both pages of history, as before it was hidden');
    assert.deepEqual(await collapsedPaths(shownAgain), [path], 'and the collapsed node');
    await runCommand(page, 'View: Close All Editors');
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
    // The page's script, at the end of the page, restores the collapsed nodes once it runs.
    await shown.locator('.node.collapsed[data-path="/contact"]').waitFor({ timeout: 5_000 });
    assert.equal(await shown.locator('.node.collapsed[data-path="/contact"]').count(), 1, 'the node collapsed before the reload is still collapsed');
    assert.equal(await shown.locator('.node.collapsed').count(), 1, 'and nothing else');
    const fetched = standIn.requests.filter((request) => request.path.startsWith(`/chat/sessions/${hostile.id}`)).map((request) => request.path);
    assert.deepEqual(fetched.sort(), [`/chat/sessions/${hostile.id}`, `/chat/sessions/${hostile.id}/history`], 'fetched again by id');
  });
});
