import * as assert from 'node:assert/strict';
import { generateHistory } from '../server/data';
import { quickInput, quickPickRow, runCommand, startSignedInCollapsed, ui, webviewFrame } from './driver';

suite('UI: Search Sessions', () => {
  suiteSetup(startSignedInCollapsed);

  test('typing finds what customers wrote; choosing a message hit opens its session with that message marked', async () => {
    const { page, standIn } = ui();
    const before = standIn.requests.length;
    await runCommand(page, 'open.cx: Search Sessions…');
    // The first character is filled in (a keystroke right after the box opens can be lost), the
    // rest typed one by one, faster than the pause that starts a request.
    await quickInput(page).fill('m');
    await quickInput(page).pressSequentially('y refund', { delay: 40 });
    const hit = quickPickRow(page, 'status of my refund');
    await hit.waitFor({ timeout: 15_000 });
    const searches = standIn.requests.slice(before).filter((request) => request.path === '/chat/sessions/search');
    assert.deepEqual(searches.map((request) => request.query.q), ['my refund'], 'one request, after the pause, for the whole text');

    // The first message hit is the stand-in's first matching message.
    const [first] = standIn.sessions.flatMap((session) =>
      generateHistory(session)
        .filter((item) => /my refund/i.test(String((item.event as { content?: { text?: string } }).content?.text ?? '')))
        .map((item) => ({ session, item })),
    );
    await hit.click();
    const frame = await webviewFrame(page, async (candidate) => (await candidate.locator(`body[data-session-id="${first!.session.id}"] .transcript`).count()) > 0);
    const marked = frame.locator('.event.highlighted');
    await marked.waitFor();
    assert.match((await marked.textContent()) ?? '', /status of my refund/);
    await runCommand(page, 'View: Close All Editors');
  });
});
