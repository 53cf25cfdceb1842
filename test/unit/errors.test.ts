import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { ApiError } from '../../src/api/errors';

suite('ApiError', () => {
  test('is recognised across copies of its module, as the core and the parts loaded on first use each carry one', () => {
    const load = createRequire(__filename);
    const modulePath = load.resolve('../../src/api/errors');
    const cached = load.cache[modulePath];
    delete load.cache[modulePath];
    try {
      const copy = load(modulePath) as typeof import('../../src/api/errors');
      assert.notEqual(copy.ApiError, ApiError, 'a second copy of the class');
      const fromCore = new ApiError('notFound', 'gone');
      assert.ok(fromCore instanceof copy.ApiError);
      assert.ok(new copy.ApiError('cancelled', 'stopped') instanceof ApiError);
      assert.ok(copy.isCancellation(new ApiError('cancelled', 'stopped')));
    } finally {
      if (cached) load.cache[modulePath] = cached;
    }
  });

  test('is not every error', () => {
    assert.ok(!(new Error('plain') instanceof ApiError));
    assert.ok(!((null as unknown) instanceof ApiError));
    assert.ok(!({ kind: 'notFound', message: 'look-alike' } instanceof ApiError));
  });
});
