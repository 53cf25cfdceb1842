import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkAndStoreToken } from '../../src/commands/token';
import { Connection } from '../../src/services/connection';
import { Credentials, secretKey } from '../../src/services/credentials';
import type { TestApi } from '../../src/extension';
import { survives } from '../unit/faultReport';
import { activate, signIn, standIn, waitFor } from './helpers';

suite('API token in secret storage', () => {
  let api: TestApi;
  const config = () => vscode.workspace.getConfiguration('opencx');

  suiteSetup(async () => {
    api = await activate();
  });
  // The harness points the user setting at the stand-in; every test leaves it that way.
  teardown(async () => {
    await config().update('apiBaseUrl', standIn.url, vscode.ConfigurationTarget.Global);
    await signIn(api);
  });

  test('the token lands in context.secrets under the base URL, and a fresh reader finds it', async () => {
    await signIn(api);
    assert.equal(await api.secrets.get(secretKey(standIn.url)), standIn.token);
    // What a new activation does: a new Credentials over the same secret storage.
    const fresh = new Credentials(api.secrets);
    try {
      assert.equal(await fresh.token(), standIn.token);
    } finally {
      fresh.dispose();
    }
  });

  test('a token changed in another window (straight in secret storage) is picked up', async () => {
    await signIn(api);
    assert.equal(await api.credentials.token(), standIn.token, 'read once and remembered');
    const changed = new Promise<void>((resolve) => {
      const listener = api.credentials.onDidChange(() => {
        listener.dispose();
        resolve();
      });
    });
    await api.secrets.store(secretKey(standIn.url), 'rotated-elsewhere');
    await changed;
    assert.equal(await api.credentials.token(), 'rotated-elsewhere');
  });

  test('the token is never written to settings', async () => {
    await signIn(api);
    const settings = JSON.stringify(config());
    assert.ok(!settings.includes(standIn.token));
  });

  test('tokens are per base URL: another server has none until one is set for it', async () => {
    await signIn(api);
    await config().update('apiBaseUrl', 'https://staging.example.invalid', vscode.ConfigurationTarget.Global);
    await waitFor('the base URL change', () => api.credentials.baseUrl === 'https://staging.example.invalid');
    assert.equal(await api.credentials.token(), undefined);
    assert.deepEqual(await api.provider.getChildren(), [], 'signed out for that server: the welcome view shows');
    await config().update('apiBaseUrl', standIn.url, vscode.ConfigurationTarget.Global);
    assert.equal(await api.credentials.token(), standIn.token, 'the first server keeps its token');
  });

  test('a key checked with one server is not stored when the base URL changed during the check', async () => {
    const other = 'https://other.example.invalid';
    await api.credentials.clear();
    await survives('token checked for one server, setting changed meanwhile: not stored', async () => {
      await standIn.setFaults({ latencyMs: 1_000, path: '/chat/sessions' });
      try {
        const saving = checkAndStoreToken(api.connection, standIn.url, standIn.token);
        await new Promise((resolve) => setTimeout(resolve, 100));
        await config().update('apiBaseUrl', other, vscode.ConfigurationTarget.Global);
        assert.equal(await saving, false, 'not saved');
      } finally {
        await standIn.reset();
      }
      assert.equal(await api.secrets.get(secretKey(other)), undefined, 'the other server did not get the key');
      assert.equal(await api.secrets.get(secretKey(standIn.url)), undefined, 'nor was it saved for a server no longer in use');
    });
  });

  test('a client is built from one read of base URL and token, even while the setting changes', async () => {
    await signIn(api);
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
    const credentials = new Credentials(slow);
    const log = vscode.window.createOutputChannel('open.cx pairing test', { log: true });
    try {
      await survives('base URL changed while the token is read: the client pairs them', async () => {
        const pending = new Connection(credentials, log).client();
        await config().update('apiBaseUrl', 'https://staging.example.invalid', vscode.ConfigurationTarget.Global);
        const client = await pending;
        assert.ok(client, 'the token read for the stand-in gives a client');
        assert.equal(client.baseUrl.href, new URL(standIn.url).href, 'for the server whose token it holds');
      });
    } finally {
      credentials.dispose();
      log.dispose();
    }
  });

  test('a plain-http base URL that is not loopback is refused with the reason, in the tree', async () => {
    await config().update('apiBaseUrl', 'http://api.example.invalid', vscode.ConfigurationTarget.Global);
    await api.credentials.store(standIn.token);
    try {
      const [notice] = await api.provider.getChildren();
      assert.equal(notice?.type, 'notice');
      assert.match(String(api.provider.getTreeItem(notice!).label), /Refusing to send the API token over plain http/);
      assert.equal((await standIn.requests()).filter((request) => request.time > Date.now() - 1000).length, 0);
    } finally {
      await api.credentials.clear();
    }
  });
});
