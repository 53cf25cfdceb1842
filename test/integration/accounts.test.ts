import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { SessionNode, TreeNode } from '../../src/model/tree/treeNodes';
import { accountKeySecret, AccountStore, serverKeySecret } from '../../src/services/accounts';
import { AUTH_PROVIDER_ID } from '../../src/ui/ids';
import { startStandIn, type StandIn } from '../server/server';
import { MemoryMemento } from '../unit/storageStandIns';
import { activate, signIn, standIn, waitFor } from './helpers';

const sessionsOf = (nodes: TreeNode[]) => nodes.filter((node): node is SessionNode => node.type === 'session');

suite('several open.cx accounts', () => {
  let api: TestApi;
  let second: StandIn;

  suiteSetup(async () => {
    api = await activate();
    second = await startStandIn({ count: 200, seed: 77, rateLimit: 0, token: 'second-organization-key' });
  });
  suiteTeardown(() => second.close());
  teardown(async () => {
    for (const account of api.accounts.list()) if (account.baseUrl === second.url) await api.accounts.remove(account.id);
    await signIn(api);
  });

  /** The ids the tree shows under Open › Web once its page is in. */
  const openWebRows = () =>
    waitFor('Open › Web rows', async () => {
      const [open] = await api.provider.getChildren();
      const web = open && (await api.provider.getChildren(open)).find((node) => api.provider.getTreeItem(node).label === 'Web');
      const rows = web ? sessionsOf(await api.provider.getChildren(web)) : [];
      return rows.length > 0 ? rows.map((row) => row.session.id) : undefined;
    });

  test("add a second account, switch between the two: the tree shows each organization's sessions", async () => {
    await signIn(api);
    const first = api.credentials.account!;
    const firstIds = new Set((await standIn.sessions()).map((session) => session.id));
    const secondIds = new Set(second.sessions.map((session) => session.id));
    const added = await api.accounts.add({ name: 'Second organization', baseUrl: second.url }, second.token);
    assert.equal(api.credentials.account?.id, added.id, 'a new account becomes active');
    await waitFor('the second organization’s rows', async () => (await openWebRows()).every((id) => secondIds.has(id)) || undefined);
    await vscode.commands.executeCommand('opencx.refresh');
    assert.ok(api.view.message?.includes('Second organization'), `the view names the account: ${api.view.message}`);
    await api.accounts.setActive(first.id);
    await waitFor('the first organization’s rows', async () => (await openWebRows()).every((id) => firstIds.has(id)) || undefined);
  });

  test('the authentication provider lists each account with its name; removing one leaves the other working', async () => {
    await signIn(api);
    const first = api.credentials.account!;
    const added = await api.accounts.add({ name: 'Second organization', baseUrl: second.url }, second.token);
    const sessions = await api.authentication.getSessions(undefined, {});
    assert.deepEqual(
      sessions.map((session) => [session.id, session.account.label]).sort(),
      [[first.id, first.name], [added.id, 'Second organization']].sort(),
    );
    assert.ok(vscode.extensions.getExtension('opencx.opencx-sessions')!.packageJSON.contributes.authentication.some((entry: { id: string }) => entry.id === AUTH_PROVIDER_ID));
    // Sign Out from the Accounts menu.
    await api.authentication.removeSession(added.id);
    assert.equal(await api.secrets.get(accountKeySecret(added.id)), undefined, 'its key is deleted');
    assert.equal(api.credentials.account?.id, first.id, 'the other account becomes active');
    const firstIds = new Set((await standIn.sessions()).map((session) => session.id));
    await waitFor('the first organization’s rows', async () => (await openWebRows()).every((id) => firstIds.has(id)) || undefined);
  });

  test('a key stored by the current release for a server becomes an account, and its key leaves the old place', async () => {
    const legacy = serverKeySecret(second.url);
    await api.secrets.store(legacy, second.token);
    const store = new AccountStore(new MemoryMemento(), new MemoryMemento(), api.secrets);
    try {
      await store.migrate(second.url);
      const account = store.active();
      assert.equal(account?.baseUrl, second.url.toLowerCase());
      assert.equal(account?.name, `open.cx · ${new URL(second.url).host}`);
      assert.equal(await store.key(account!.id), second.token);
      assert.equal(await api.secrets.get(legacy), undefined);
      await store.remove(account!.id);
    } finally {
      store.dispose();
    }
  });
});
