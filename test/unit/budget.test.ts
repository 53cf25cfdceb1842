import * as assert from 'node:assert/strict';
import { RequestBudget } from '../../src/api/budget';

suite('request budget', () => {
  test('allows the limit within a window, then makes the next request wait for the oldest slot', async () => {
    let skew = 0;
    const budget = new RequestBudget(3, 60_000, () => Date.now() + skew);
    for (let i = 0; i < 3; i++) await budget.take();
    const full = budget.waitTime();
    assert.ok(full > 59_000 && full <= 60_000, `waits ${full} ms`);
    // 300 ms before the oldest slot frees: room for a busy machine between the takes and here.
    skew = 59_700;
    const left = budget.waitTime();
    assert.ok(left > 0 && left <= 300, `waits ${left} ms`);
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

  test('by default it keeps time with a monotonic clock: a system clock change neither empties nor freezes it', async () => {
    const wallClock = Date.now;
    let change = 0;
    Date.now = () => wallClock() + change;
    try {
      const budget = new RequestBudget(1, 60_000);
      await budget.take();
      change = 3_600_000;
      const afterForward = budget.waitTime();
      assert.ok(afterForward > 59_000, `the clock went an hour forward and the budget waits ${afterForward} ms`);
      change = -3_600_000;
      const afterBack = budget.waitTime();
      assert.ok(afterBack > 59_000 && afterBack <= 60_000, `the clock went an hour back and the budget waits ${afterBack} ms`);
    } finally {
      Date.now = wallClock;
    }
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
