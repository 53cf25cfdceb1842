import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkAndStoreToken } from '../../src/commands/token';
import { accountKeySecret, AccountStore } from '../../src/services/accounts';
import { Connection } from '../../src/services/connection';
import { Credentials } from '../../src/services/credentials';
import type { TestApi } from '../../src/extension';
import { survives } from '../unit/faultReport';
import { MemoryMemento } from '../unit/storageStandIns';
import { activate, signIn, standIn, withAccount } from './helpers';

suite('API key in secret storage', () => {
  let api: TestApi;
  const config = () => vscode.workspace.getConfiguration('opencx');

  suiteSetup(async () => {
    api = await activate();
  });
  // Every test leaves the stand-in's account active and signed in.
  teardown(() => signIn(api));

  test("the key lands in context.secrets under the active account's id, and a fresh reader finds it", async () => {
    await signIn(api);
    const account = api.credentials.account!;
    assert.equal(account.baseUrl, standIn.url);
    assert.equal(await api.secrets.get(accountKeySecret(account.id)), standIn.token);
    // What another window does: its own store over the same secrets and global state.
    const fresh = new AccountStore(new MemoryMemento(), new MemoryMemento(), api.secrets);
    try {
      assert.equal(await fresh.key(account.id), standIn.token);
    } finally {
      fresh.dispose();
    }
  });

  test('a key changed in another window (straight in secret storage) is picked up', async () => {
    await signIn(api);
    assert.equal(await api.credentials.token(), standIn.token, 'read once and remembered');
    const changed = new Promise<void>((resolve) => {
      const listener = api.credentials.onDidChange(() => {
        listener.dispose();
        resolve();
      });
    });
    await api.secrets.store(accountKeySecret(api.credentials.account!.id), 'rotated-elsewhere');
    await changed;
    assert.equal(await api.credentials.token(), 'rotated-elsewhere');
  });

  test('the key is never written to settings or to the account list', async () => {
    await signIn(api);
    assert.ok(!JSON.stringify(config()).includes(standIn.token));
    assert.ok(!JSON.stringify(api.accounts.list()).includes(standIn.token));
  });

  test("keys are per account: another account's server gets its key, switching back keeps the first's", async () => {
    await signIn(api);
    await withAccount(api, 'https://staging.example.invalid', 'staging-key', async () => {
      assert.deepEqual(await api.credentials.signIn(), { baseUrl: 'https://staging.example.invalid', token: 'staging-key' });
    });
    assert.deepEqual(await api.credentials.signIn(), { baseUrl: standIn.url, token: standIn.token }, 'the first account keeps its key');
  });

  test('a key checked with one server is not stored when the active account changed during the check', async () => {
    await api.credentials.clear();
    assert.equal(api.credentials.account, undefined, 'no account: the key would make the first, for the setting’s server');
    await survives('key checked for one server, account changed meanwhile: not stored', async () => {
      await standIn.setFaults({ latencyMs: 1_000, path: '/chat/sessions' });
      try {
        const saving = checkAndStoreToken(api.connection, api.credentials.target(), standIn.token);
        await new Promise((resolve) => setTimeout(resolve, 100));
        await withAccount(api, 'https://other.example.invalid', 'other-key', async () => {
          assert.equal(await saving, false, 'not saved');
          assert.equal(await api.credentials.token(), 'other-key', 'the other account did not get the key');
        });
      } finally {
        await standIn.reset();
      }
      assert.ok(!api.accounts.list().some((account) => account.baseUrl === standIn.url), 'nor was an account made for a server no longer in use');
    });
  });

  test('a client is built from one read of base URL and key, even while the account changes', async () => {
    // A secret storage that answers slowly, as one behind a keychain prompt can.
    const slow: vscode.SecretStorage = {
      get: async (key) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return api.secrets.get(key);
      },
      keys: () => api.secrets.keys(),
      store: (key, value) => api.secrets.store(key, value),
      delete: (key) => api.secrets.delete(key),
      onDidChange: api.secrets.onDidChange,
    };
    const accounts = new AccountStore(new MemoryMemento(), new MemoryMemento(), slow);
    const credentials = new Credentials(accounts);
    const log = vscode.window.createOutputChannel('open.cx pairing test', { log: true });
    try {
      const staging = await accounts.add({ name: 'Staging', baseUrl: 'https://staging.example.invalid' }, 'staging-key');
      const first = await accounts.add({ name: 'Stand-in', baseUrl: standIn.url }, standIn.token);
      await survives('account switched while the key is read: the client pairs them', async () => {
        const pending = new Connection(credentials, log).client();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await accounts.setActive(staging.id);
        const client = await pending;
        assert.ok(client, 'the key read for the stand-in gives a client');
        assert.equal(client.baseUrl.href, new URL(standIn.url).href, 'for the server whose key it holds');
      });
      await accounts.remove(first.id);
      await accounts.remove(staging.id);
    } finally {
      credentials.dispose();
      accounts.dispose();
      log.dispose();
    }
  });

  test('an account with a plain-http base URL that is not loopback is refused with the reason, in the tree', async () => {
    await withAccount(api, 'http://api.example.invalid', standIn.token, async () => {
      const since = Date.now();
      const [notice] = await api.provider.getChildren();
      assert.equal(notice?.type, 'notice');
      assert.match(String(api.provider.getTreeItem(notice!).label), /Refusing to send the API token over plain http/);
      assert.deepEqual((await standIn.requests()).filter((request) => request.time >= since), [], 'nothing sent since the account became active');
    });
  });
});
