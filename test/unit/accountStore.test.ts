import * as assert from 'node:assert/strict';
import { accountKeySecret, AccountStore, serverKeySecret } from '../../src/services/accounts';
import { MemoryMemento, MemorySecrets } from './storageStandIns';

suite('account store', () => {
  let global: MemoryMemento;
  let secrets: MemorySecrets;
  const stores: AccountStore[] = [];
  /** The store of one window: its own workspace state over the shared global state and secrets. */
  const windowStore = (workspace = new MemoryMemento()) => {
    const store = new AccountStore(global, workspace, secrets);
    stores.push(store);
    return store;
  };

  setup(() => {
    global = new MemoryMemento();
    secrets = new MemorySecrets();
  });
  teardown(() => stores.splice(0).forEach((store) => store.dispose()));

  test('an added account keeps its key in secret storage only, and becomes active', async () => {
    const store = windowStore();
    let changes = 0;
    store.onDidChange(() => changes++);
    const account = await store.add({ name: 'Production', baseUrl: 'https://api.open.cx' }, 'key-1');
    assert.deepEqual(store.list(), [account]);
    assert.equal(store.active()?.id, account.id);
    assert.equal(await store.key(account.id), 'key-1');
    assert.equal(secrets.values.get(accountKeySecret(account.id)), 'key-1');
    assert.ok(!JSON.stringify([...global.values]).includes('key-1'), 'no key in global state');
    assert.ok(changes > 0);
  });

  test('rename, and remove: the key goes, the next account becomes active', async () => {
    const store = windowStore();
    const first = await store.add({ name: 'One', baseUrl: 'https://api.open.cx' }, 'key-1');
    const second = await store.add({ name: 'Two', baseUrl: 'https://api.open.cx' }, 'key-2');
    assert.equal(store.active()?.id, second.id, 'the newest is active');
    await store.rename(second.id, 'Client B');
    assert.equal(store.active()?.name, 'Client B');
    await store.remove(second.id);
    assert.equal(secrets.values.has(accountKeySecret(second.id)), false, 'the key is deleted');
    assert.deepEqual(store.list(), [first]);
    assert.equal(store.active()?.id, first.id);
    await store.remove(first.id);
    assert.deepEqual(store.list(), []);
    assert.equal(store.active(), undefined);
  });

  test('each window keeps its own active account', async () => {
    const a = windowStore();
    const b = windowStore();
    const one = await a.add({ name: 'One', baseUrl: 'https://api.open.cx' }, 'key-1');
    const two = await a.add({ name: 'Two', baseUrl: 'https://api.open.cx' }, 'key-2');
    await b.setActive(one.id);
    assert.equal(a.active()?.id, two.id);
    assert.equal(b.active()?.id, one.id);
  });

  test('a corrupt stored list reads as what is usable in it', () => {
    global.values.set('opencx.accounts', [{ id: 'x', name: 'Kept', baseUrl: 'https://api.open.cx' }, 7, { id: 'x', name: 'Twice', baseUrl: 'https://a' }]);
    assert.deepEqual(windowStore().list(), [{ id: 'x', name: 'Kept', baseUrl: 'https://api.open.cx' }]);
    global.values.set('opencx.accounts', 'garbage');
    assert.deepEqual(windowStore().list(), []);
  });

  test('two windows adding at once both keep their account', async () => {
    const [one, two] = await Promise.all([
      windowStore().add({ name: 'One', baseUrl: 'https://api.open.cx' }, 'key-1'),
      windowStore().add({ name: 'Two', baseUrl: 'https://api.open.cx' }, 'key-2'),
    ]);
    assert.deepEqual(
      windowStore()
        .list()
        .map((account) => account.id)
        .sort(),
      [one.id, two.id].sort(),
    );
  });

  test('a key changed in another window is announced', async () => {
    const store = windowStore();
    const account = await store.add({ name: 'One', baseUrl: 'https://api.open.cx' }, 'key-1');
    const announced = new Promise<void>((resolve) => store.onDidChange(resolve));
    await secrets.store(accountKeySecret(account.id), 'rotated');
    await announced;
    assert.equal(await store.key(account.id), 'rotated');
  });

  test("an earlier release's keys become accounts once; the current server's is active", async () => {
    secrets.values.set(serverKeySecret('https://api.open.cx'), 'production-key');
    secrets.values.set(serverKeySecret('http://127.0.0.1:4010/'), 'local-key');
    secrets.values.set('unrelated', 'x');
    const store = windowStore();
    await store.migrate('http://127.0.0.1:4010');
    const accounts = store.list();
    assert.deepEqual(accounts.map((account) => [account.name, account.baseUrl]).sort(), [
      ['open.cx · 127.0.0.1:4010', 'http://127.0.0.1:4010'],
      ['open.cx · api.open.cx', 'https://api.open.cx'],
    ]);
    assert.equal(store.active()?.baseUrl, 'http://127.0.0.1:4010');
    assert.equal(await store.key(store.active()!.id), 'local-key');
    assert.equal(secrets.values.has(serverKeySecret('https://api.open.cx')), false, 'the old secret is deleted after the copy');
    assert.equal(secrets.values.get('unrelated'), 'x');
    // Once: a key an earlier release writes later is not taken again.
    secrets.values.set(serverKeySecret('https://eu.open.cx'), 'late');
    await windowStore().migrate('https://api.open.cx');
    assert.equal(windowStore().list().length, 2);
  });

  test('two windows upgrading at once make one account of each stored key', async () => {
    secrets.values.set(serverKeySecret('https://api.open.cx'), 'production-key');
    await Promise.all([windowStore().migrate('https://api.open.cx'), windowStore().migrate('https://api.open.cx')]);
    const accounts = windowStore().list();
    assert.equal(accounts.length, 1);
    assert.equal(await windowStore().key(accounts[0]!.id), 'production-key');
  });
});
