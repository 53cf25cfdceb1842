// Looking for a session in the other accounts, one request each, against two stand-ins over HTTP.
import * as assert from 'node:assert/strict';
import type { OpenCxClient } from '../../src/api/client';
import { ApiError } from '../../src/api/errors';
import type { Account } from '../../src/model/accounts/accounts';
import { findInAccounts } from '../../src/model/accounts/findInAccounts';
import { startStandIn, type StandIn } from '../server/server';
import { clientFor } from './clientHarness';

suite('a session looked for in the other accounts', () => {
  let first: StandIn;
  let second: StandIn;
  const accounts: Account[] = [];
  const clients = new Map<string, OpenCxClient>();
  const read = (account: Account, id: string) => clients.get(account.id)!.getSession(id);

  suiteSetup(async () => {
    first = await startStandIn({ count: 20, seed: 41, rateLimit: 0, token: 'first-organization-key' });
    second = await startStandIn({ count: 20, seed: 42, rateLimit: 0, token: 'second-organization-key' });
    for (const [name, standIn] of [['First', first], ['Second', second]] as const) {
      accounts.push({ id: name, name, baseUrl: standIn.url });
      clients.set(name, clientFor(standIn, { retryLimit: 0 }));
    }
  });
  suiteTeardown(async () => {
    await first.close();
    await second.close();
  });
  setup(() => {
    for (const standIn of [first, second]) {
      standIn.clearFaults();
      standIn.requests.length = 0;
    }
  });

  test('asks each account in turn and stops at the one that has it', async () => {
    const id = second.sessions[3]!.id;
    const result = await findInAccounts(accounts, (account) => read(account, id));
    assert.equal(result.found?.account.id, 'Second');
    assert.equal(result.found?.value.id, id);
    assert.deepEqual(result.failed, []);
    assert.equal(first.requests.length, 1, 'one request to the first');
    assert.equal(second.requests.length, 1, 'one to the second');
  });

  test('the first account that has it ends the search', async () => {
    const id = first.sessions[0]!.id;
    const result = await findInAccounts(accounts, (account) => read(account, id));
    assert.equal(result.found?.account.id, 'First');
    assert.equal(second.requests.length, 0, 'the second is not asked');
  });

  test('none has it: found nothing, and a 404 is no failure', async () => {
    const result = await findInAccounts(accounts, (account) => read(account, '3c90c3cc-0d44-4b50-8888-8dd25736052a'));
    assert.equal(result.found, undefined);
    assert.deepEqual(result.failed, []);
  });

  test('an account that cannot answer is told apart and the search goes on', async () => {
    first.setFaults({ status: 503, message: 'down for this test' });
    const id = second.sessions[1]!.id;
    const result = await findInAccounts(accounts, (account) => read(account, id));
    assert.equal(result.found?.account.id, 'Second');
    assert.equal(result.failed.length, 1);
    assert.equal(result.failed[0]!.account.id, 'First');
    assert.ok(result.failed[0]!.error instanceof ApiError);
  });

  test('cancelled, it stops: the next account is not asked', async () => {
    const controller = new AbortController();
    first.setFaults({ latencyMs: 2_000 });
    const id = second.sessions[1]!.id;
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(findInAccounts(accounts, (account) => clients.get(account.id)!.getSession(id, controller.signal)), (error) => error instanceof ApiError && error.kind === 'cancelled');
    assert.equal(second.requests.length, 0);
  });
});
