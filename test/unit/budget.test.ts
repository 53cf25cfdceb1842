import * as assert from 'node:assert/strict';
import { BudgetExhaustedError, RequestBudget } from '../../src/api/budget';

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
  suite('background share (watching)', () => {
    test('background requests take at most a third of any window, then wait for their oldest slot', () => {
      let now = 0;
      const budget = new RequestBudget(100, 60_000, () => now);
      assert.equal(budget.backgroundShare, 33);
      for (let i = 0; i < 33; i++) {
        budget.takeBackground();
        now += 1_000;
      }
      assert.throws(() => budget.takeBackground(), (error: BudgetExhaustedError) => error.waitMs === 60_000 - 33_000);
      now = 60_001;
      budget.takeBackground();
      // The first slot expired and one more was taken: the share is full again until the second expires.
      assert.throws(() => budget.takeBackground(), (error: BudgetExhaustedError) => error.waitMs === 61_000 - 60_001);
    });

    test('under a burst of user actions: every click gets a slot at once, watching gets none', async () => {
      let now = 0;
      const budget = new RequestBudget(100, 60_000, () => now);
      for (let i = 0; i < 33; i++) budget.takeBackground();
      // The most watching can have taken: the user still has two thirds, without waiting.
      for (let i = 0; i < 67; i++) {
        assert.equal(budget.waitTime(), 0, `click ${i + 1} waits for nothing`);
        await budget.take();
      }
      assert.throws(() => budget.takeBackground(), BudgetExhaustedError);
      // A fresh minute with a burst of 70 clicks: watching stays out while fewer than a third are free.
      now = 120_000;
      for (let i = 0; i < 66; i++) await budget.take();
      budget.takeBackground();
      assert.throws(() => budget.takeBackground(), BudgetExhaustedError, 'only a third of the budget is left: it is the user\'s');
      for (let i = 0; i < 33; i++) await budget.take();
      assert.equal(budget.waitTime() > 0, true, 'the budget is full, and watching took 1 of 100');
    });

    test('while a user request waits for a slot, no background request goes ahead of it', async () => {
      let skew = 0;
      const budget = new RequestBudget(3, 60_000, () => Date.now() + skew);
      for (let i = 0; i < 3; i++) await budget.take();
      skew = 59_950;
      const waiting = budget.take();
      assert.ok(budget.backgroundWaitTime() >= 1_000);
      assert.throws(() => budget.takeBackground(), BudgetExhaustedError);
      await waiting;
    });
  });
});
