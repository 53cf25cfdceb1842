import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { markdownText, plainText } from '../../src/ui/plainText';
import { survivesSync } from './faultReport';

const root = path.join(__dirname, '../../..');
/** How VS Code 1.139's notifications find a link in a message (vs/base/common/linkedText). */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
/** How the status bar and quick picks find an icon. */
const ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/;
const INJECTED =
  'Key expired. [Renew your key](command:workbench.extensions.installExtension?%5B%22evil.pub%22%5D "https://platform.open.cx/settings/access")';

suite('server text in VS Code surfaces', () => {
  test('a link in a server message cannot form in a notification, and every character is still shown', () => {
    assert.notEqual(INJECTED.match(NOTIFICATION_LINK), null, 'VS Code would draw it as a link');
    const shown = plainText(INJECTED);
    assert.equal(shown.match(NOTIFICATION_LINK), null);
    assert.equal(shown.replace(/\u200b/g, ''), INJECTED);
  });

  test('for any text: no link or icon syntax, the same visible characters', () => {
    const pieces = fc.constantFrom('[', ']', '(', ')', ' ', '$', 'command:', 'https://', 'file:', 'x', 'zap', '"', "'", '~spin');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join(''))), (text) => {
        survivesSync('server text with link or icon syntax (notification, status bar)', () => {
          const shown = plainText(text);
          assert.equal(shown.match(NOTIFICATION_LINK), null, JSON.stringify(shown));
          assert.ok(!ICON.test(shown), JSON.stringify(shown));
          assert.equal(shown.replace(/\u200b/g, ''), text.replace(/\u200b/g, ''));
        });
      }),
      { numRuns: 2_000 },
    );
  });

  test('Markdown text: every ASCII punctuation character is escaped, so no URL, tag or entity forms', () => {
    assert.equal(markdownText('see https://evil.example/x?a=1 <b>&amp;'), 'see https\\:\\/\\/evil\\.example\\/x\\?a\\=1 \\<b\\>\\&amp\\;');
    assert.equal(markdownText('a\n\n  b'), 'a b');
  });

  test('every notification and progress title goes through src/ui/notifications.ts', () => {
    const files = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const direct = files.filter(
      (file) =>
        file !== path.join('ui', 'notifications.ts') &&
        /window\.(show(Error|Warning|Information)Message|withProgress)\(/.test(readFileSync(path.join(root, 'src', file), 'utf8')),
    );
    assert.deepEqual(direct, []);
  });
});
