import * as assert from 'node:assert/strict';
import { parseSessionId } from '../../src/api/ids';

suite('session ids', () => {
  test('a pasted UUID is accepted, tolerating quotes, braces, space and upper case', () => {
    assert.equal(parseSessionId('3c90c3cc-0d44-4b50-8888-8dd25736052a'), '3c90c3cc-0d44-4b50-8888-8dd25736052a');
    assert.equal(parseSessionId('  "3C90C3CC-0D44-4B50-8888-8DD25736052A"\n'), '3c90c3cc-0d44-4b50-8888-8dd25736052a');
    assert.equal(parseSessionId('{00000000-0000-0000-0000-000000000000}'), '00000000-0000-0000-0000-000000000000');
    assert.equal(parseSessionId('ffffffff-ffff-ffff-ffff-ffffffffffff'), 'ffffffff-ffff-ffff-ffff-ffffffffffff');
  });

  test('anything else is refused', () => {
    for (const text of ['', '123', '3c90c3cc0d444b5088888dd25736052a', '3c90c3cc-0d44-4b50-8888-8dd25736052', 'g3c90c3c-0d44-4b50-8888-8dd25736052a', '3c90c3cc-0d44-4b50-8888-8dd25736052a; drop']) {
      assert.equal(parseSessionId(text), undefined, text);
    }
  });
});
