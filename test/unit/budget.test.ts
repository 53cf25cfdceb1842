import * as assert from 'node:assert/strict';
import { RequestBudget } from '../../src/api/budget';

suite('request budget', () => {
  test('allows the limit within a window, then makes the next request wait for the oldest slot', async () => {
    let skew = 0;
    const budget = new RequestBudget(3, 60_000, () => Date.now() + skew);
    for (let i = 0; i < 3; i++) await budget.take();
    const full = budget.waitTime();
    assert.ok(full > 59_000 && full <= 60_000, `waits ${full} ms`);
    skew = 59_950;
    const left = budget.waitTime();
    assert.ok(left > 0 && left <= 50, `waits ${left} ms`);
    const started = Date.now();
    await budget.take();
    assert.ok(Date.now() - started >= left - 5, 'the fourth request waited for the oldest slot to free');
  });

  test('a slot counts from when its answer arrived', async () => {
    let now = 0;
    const budget = new RequestBudget(1, 1_000, () => now);
    const answered = await budget.take();
    now = 400;
    answered();
    now = 1_200;
    assert.equal(budget.waitTime(), 200, 'the slot frees 1 s after the answer, not after the send');
  });

  test('a waiting request is cancellable', async () => {
    const budget = new RequestBudget(1, 60_000);
    await budget.take();
    const controller = new AbortController();
    const waiting = budget.take(controller.signal);
    controller.abort(new Error('stop'));
    await assert.rejects(waiting, /stop/);
  });
});
