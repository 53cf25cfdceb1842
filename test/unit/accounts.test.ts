import * as assert from 'node:assert/strict';
import {
  activeAccount,
  checkAccountName,
  MAX_ACCOUNT_NAME_LENGTH,
  proposedName,
  putAccount,
  readAccounts,
  removeAccount,
  renameAccount,
  uniqueAccountName,
  writeAccounts,
  type Account,
} from '../../src/model/accounts/accounts';

const production: Account = { id: 'a', name: 'Production', baseUrl: 'https://api.open.cx' };
const staging: Account = { id: 'b', name: 'Staging', baseUrl: 'https://staging.example.com/v1' };

suite('accounts: names', () => {
  test('the proposed name is the server host', () => {
    assert.equal(proposedName('https://api.open.cx'), 'open.cx · api.open.cx');
    assert.equal(proposedName('http://127.0.0.1:4010/'), 'open.cx · 127.0.0.1:4010');
    assert.equal(proposedName('not a url'), 'open.cx · not a url');
  });

  test('a name is trimmed, must not be empty, long or hold control characters', () => {
    assert.deepEqual(checkAccountName('  Client   A ', []), { ok: true, name: 'Client A' });
    assert.equal(checkAccountName('  ', []).ok, false);
    assert.equal(checkAccountName('x'.repeat(MAX_ACCOUNT_NAME_LENGTH + 1), []).ok, false);
    assert.equal(checkAccountName('x'.repeat(MAX_ACCOUNT_NAME_LENGTH), []).ok, true);
    assert.equal(checkAccountName('a\u0007b', []).ok, false);
  });

  test('names are unique without regard to case; a rename may keep its own name', () => {
    const accounts = [production, staging];
    const clash = checkAccountName('production', accounts);
    assert.equal(clash.ok, false);
    assert.match((clash as { message: string }).message, /Production/);
    assert.deepEqual(checkAccountName('PRODUCTION', accounts, 'a'), { ok: true, name: 'PRODUCTION' });
    assert.equal(checkAccountName('staging', accounts, 'a').ok, false);
  });

  test('a name made without asking gets a number when taken', () => {
    assert.equal(uniqueAccountName('Production', [production]), 'Production (2)');
    assert.equal(uniqueAccountName('Other', [production]), 'Other');
  });
});

suite('accounts: the list', () => {
  test('add, replace, rename and remove are pure', () => {
    const one = [production];
    const two = putAccount(one, staging);
    assert.deepEqual(one, [production], 'unchanged');
    assert.deepEqual(two, [production, staging]);
    assert.deepEqual(putAccount(two, { ...production, baseUrl: 'https://eu.open.cx' })[0]?.baseUrl, 'https://eu.open.cx');
    assert.deepEqual(renameAccount(two, 'b', '  Test  ')[1]?.name, 'Test');
    assert.deepEqual(removeAccount(two, 'a'), [staging]);
  });

  test('the active account is the chosen one while it exists, else the first', () => {
    assert.equal(activeAccount([production, staging], 'b'), staging);
    assert.equal(activeAccount([production, staging], 'gone'), production);
    assert.equal(activeAccount([production, staging], undefined), production);
    assert.equal(activeAccount([], 'b'), undefined);
  });

  test('a stored list of the wrong shape is read as far as it makes sense, never thrown', () => {
    for (const stored of [undefined, null, 'x', 3, {}, { 0: production }]) assert.deepEqual(readAccounts(stored), [], JSON.stringify(stored));
    const read = readAccounts([
      production,
      null,
      'account',
      { id: 3, name: 'Number id', baseUrl: 'https://x' },
      { id: 'c', name: '', baseUrl: 'https://x' },
      { id: 'd', name: 'No URL' },
      { ...production, name: 'Same id' },
      { id: 'e', name: 'PRODUCTION', baseUrl: 'https://x' },
      { ...staging, key: 'never kept', extra: true },
    ]);
    assert.deepEqual(read, [production, staging]);
  });

  test('the stored list holds ids, names and base URLs only', () => {
    const withKey = { ...staging, key: 'secret' } as Account;
    assert.deepEqual(writeAccounts([withKey]), [{ id: 'b', name: 'Staging', baseUrl: 'https://staging.example.com/v1' }]);
  });
});
