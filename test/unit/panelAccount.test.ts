// Which account a session panel reads with, and what a panel restored after a reload is for.
import * as assert from 'node:assert/strict';
import type { Account } from '../../src/model/accounts/accounts';
import { PanelAccount } from '../../src/model/accounts/panelAccount';
import { readRestoredPanel } from '../../src/model/history/restoredPanel';
import { sessionIdFor } from '../builders/sessions';

const A: Account = { id: 'account-a', name: 'Organization A', baseUrl: 'https://a.example' };
const B: Account = { id: 'account-b', name: 'Organization B', baseUrl: 'https://b.example' };
const ID = sessionIdFor('restored');

suite('the account a session panel reads with', () => {
  test('a panel keeps the account it was opened from when the window switches to another', () => {
    const panel = new PanelAccount(A.id);
    assert.equal(panel.resolve([A, B], A), A);
    assert.equal(panel.resolve([A, B], B), A, 'the window switched to B; the panel still reads from A');
  });

  test('a panel whose account was signed out reads from none, and says it was signed out', () => {
    const panel = new PanelAccount(A.id);
    assert.equal(panel.resolve([B], B), undefined, 'never silently from another account');
    assert.equal(panel.isSignedOut([B]), true);
    assert.equal(panel.id, A.id, 'it keeps its account');
    assert.equal(new PanelAccount(A.id).isSignedOut([A, B]), false);
  });

  test('a panel that knows no account takes the active one at its first read, and keeps it', () => {
    const panel = new PanelAccount(undefined);
    assert.equal(panel.isSignedOut([A, B]), false, 'an account it never had is no signed-out account');
    assert.equal(panel.resolve([], undefined), undefined, 'signed out of every account: none');
    assert.equal(panel.id, undefined, 'and it still follows the active one');
    assert.equal(panel.resolve([A, B], B), B);
    assert.equal(panel.resolve([A, B], A), B, 'from then on, its own');
    assert.equal(panel.id, B.id);
  });

  test('the user moves a panel to another account', () => {
    const panel = new PanelAccount(A.id);
    panel.moveTo(B.id);
    assert.equal(panel.resolve([B], B), B);
  });
});

suite('a session panel restored after a reload', () => {
  test('reads its session id and account id from the saved state', () => {
    assert.deepEqual(readRestoredPanel({ sessionId: ID, accountId: A.id, scrollY: 3 }), { sessionId: ID, accountId: A.id });
  });

  test('a state saved without an account, or with one that is not a string, follows the active account', () => {
    for (const accountId of [undefined, null, 42, '', {}, ['account-a']]) {
      assert.deepEqual(readRestoredPanel({ sessionId: ID, accountId }), { sessionId: ID, accountId: undefined }, JSON.stringify(accountId));
    }
  });

  test('an unknown account id is kept: the panel then says its account is signed out', () => {
    assert.deepEqual(readRestoredPanel({ sessionId: ID, accountId: 'no-such-account' }), { sessionId: ID, accountId: 'no-such-account' });
    assert.equal(new PanelAccount('no-such-account').resolve([A, B], A), undefined);
  });

  test('a huge account id is cut short: an unknown account, and nothing huge reaches the page', () => {
    assert.equal(readRestoredPanel({ sessionId: ID, accountId: 'x'.repeat(10_000) })?.accountId, 'x'.repeat(100));
  });

  test('without a usable session id there is nothing to restore', () => {
    for (const state of [undefined, null, 'text', {}, { sessionId: 42 }, { sessionId: '../../chat/sessions', accountId: A.id }]) {
      assert.equal(readRestoredPanel(state), undefined, JSON.stringify(state));
    }
  });
});
