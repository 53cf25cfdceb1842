import * as assert from 'node:assert/strict';
import { pseudoBundle, pseudoTranslate, untranslated } from '../pseudo/pseudoLocale';

suite('pseudo-locale bundle (the l10n check in the real VS Code)', () => {
  test('wraps the words and keeps placeholders, codicons, link targets and line breaks', () => {
    assert.equal(pseudoTranslate('Load more…'), '［!! Load more !!］…');
    assert.equal(pseudoTranslate('{0} sessions could not be read'), '{0} ［!! sessions could not be read !!］');
    assert.equal(pseudoTranslate('$(key) Set API Token'), '$(key) ［!! Set API Token !!］');
    assert.equal(
      pseudoTranslate('Browse here.\n[Set API Token](command:opencx.setToken)\nSee the [dashboard](https://platform.open.cx).'),
      '［!! Browse here !!］.\n[［!! Set API Token !!］](command:opencx.setToken)\n［!! See the !!］ [［!! dashboard !!］](https://platform.open.cx).',
    );
    assert.equal(pseudoTranslate('#{0} · {1}'), '#{0} · {1}', 'nothing to translate, nothing wrapped');
    assert.deepEqual(pseudoBundle({ a: 'Open', b: { message: 'Closed' } }), { a: '［!! Open !!］', b: '［!! Closed !!］' });
  });

  test('finds the words outside the marks, nested marks and allowed text taken out', () => {
    assert.equal(untranslated('［!! Open !!］ · ［!! Web !!］ · #3000 · 3h ago', [/\d+h ago/g]), undefined);
    assert.equal(untranslated('［!! Handed off to ［!! Web !!］ by an agent !!］'), undefined, 'a translated argument inside a translated sentence');
    assert.equal(untranslated('［!! Open !!］ · updated 3h ago', [/\d+h ago/g]), '· updated');
    assert.equal(untranslated('Ada Lovelace · ［!! Web !!］', ['Ada Lovelace']), undefined);
    assert.equal(untranslated('Load more…'), 'Load more…');
  });
});
