import * as assert from 'node:assert/strict';
import { parseWebviewMessage, WEBVIEW_MESSAGE_TYPES } from '../../src/views/page/webviewMessages';

suite('messages from the session page', () => {
  test('known types are accepted, with nothing else carried over', () => {
    for (const type of WEBVIEW_MESSAGE_TYPES) assert.deepEqual(parseWebviewMessage({ type }), { type });
    assert.deepEqual(parseWebviewMessage({ type: 'copyId', id: 'other', text: 'x' }), { type: 'copyId' });
    const exported = { type: 'exportSession', format: 'csv', target: '/etc/passwd', session: { id: 'other' } };
    assert.deepEqual(parseWebviewMessage(exported), { type: 'exportSession' }, 'the page names no format, file or session');
  });

  test('anything else is ignored', () => {
    const rejected: unknown[] = [
      undefined,
      null,
      'copyId',
      42,
      ['copyId'],
      {},
      { type: 'eval' },
      { type: 'COPYID' },
      { type: 7 },
      { type: { toString: () => 'copyId' } },
      { type: 'toString' },
      { type: '__proto__' },
      { type: 'constructor' },
      Object.create({ type: 'copyId' }),
    ];
    for (const value of rejected) assert.equal(parseWebviewMessage(value), undefined, JSON.stringify(value) ?? String(value));
  });
});
