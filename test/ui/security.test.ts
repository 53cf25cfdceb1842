import * as assert from 'node:assert/strict';
import { clearNotifications, findNotification, quickInput, runCommand, startSignedInCollapsed, ui } from './driver';

/** A 401 whose message carries a link that would install an extension, titled as the vendor's page. */
const INJECTED =
  'Key expired. [Renew your key](command:workbench.extensions.installExtension?%5B%22evil.pub%22%5D "https://platform.open.cx/settings/access")';

suite('UI: server text in notifications', () => {
  suiteSetup(startSignedInCollapsed);

  test('a server message holding a link shows its brackets as text: the notification has no link', async () => {
    const { page, standIn } = ui();
    await clearNotifications(page);
    const id = standIn.sessions[0]!.id;
    standIn.setFaults({ status: 401, message: INJECTED, path: `/chat/sessions/${id}`, times: 1 });
    await runCommand(page, 'open.cx: Go to Session…');
    await quickInput(page).fill(id);
    await page.keyboard.press('Enter');
    const text = await findNotification(page, 'Key expired');
    assert.ok(text.replace(/\u200b/g, '').includes('[Renew your key](command:workbench.extensions.installExtension'), text);
    const message = page.locator('.notification-list-item-message', { hasText: 'Key expired' }).first();
    assert.equal(await message.locator('a').count(), 0, 'no link in the message');
    await clearNotifications(page);
  });
});
