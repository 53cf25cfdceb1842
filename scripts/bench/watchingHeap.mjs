// Heap growth while watching for hours: Open › Web expanded with two pages loaded, a round a
// minute, and sessions of about 2 KB arriving at 10 and at 1,000 a minute, for 6 hours of virtual
// time (the watch's timers and the budget's clock) with real HTTP to the stand-in. Nobody looks at
// the view, so every arrival stays marked and counted. Run by bench.mjs in its own
// `node --expose-gc` process (memoryProcess.mjs), so that nothing the other measurements left on
// the heap counts here; prints one JSON line.
//
//   node --expose-gc scripts/bench/watchingHeap.mjs
import { getHeapSpaceStatistics } from 'node:v8';
import { exposedGc } from './memoryProcess.mjs';
import { DATA, loadCompiled } from './repo.mjs';

const { OpenCxClient } = /** @type {typeof import('../../src/api/client.js')} */ (loadCompiled('src/api/client.js'));
const { RequestBudget } = /** @type {typeof import('../../src/api/budget.js')} */ (loadCompiled('src/api/budget.js'));
const { SessionTreeModel } = /** @type {typeof import('../../src/model/tree/sessionTree.js')} */ (loadCompiled('src/model/tree/sessionTree.js'));
const { Watch } = /** @type {typeof import('../../src/model/watching/watchSchedule.js')} */ (loadCompiled('src/model/watching/watchSchedule.js'));
const { startStandIn } = /** @type {typeof import('../../test/server/server.js')} */ (loadCompiled('test/server/server.js'));
const { VirtualTime } = /** @type {typeof import('../../test/unit/virtualTime.js')} */ (loadCompiled('test/unit/virtualTime.js'));

/** @typedef {import('../../src/model/tree/treeNodes.js').GroupNode} GroupNode */
/** @typedef {import('../../src/model/tree/treeNodes.js').TreeNode} TreeNode */
/** @typedef {import('../../test/server/server.js').StandIn} StandIn */

const RATES = [10, 1000];
const CHECKPOINT_HOURS = [1, 3, 6];
const SESSION_BYTES = 2048;
/**
 * The stand-in keeps only this many of the sessions that arrived, newest first: far more than the
 * two pages the group reads again, and few enough that the stand-in, in this same process, neither
 * grows nor slows down (each arrival scans its list).
 */
const ARRIVALS_KEPT = 200;

const collectGarbage = exposedGc('watchingHeap.mjs');

/**
 * Heap in use after full collections, and how much of it is compiled code (V8's code and trusted
 * spaces): the JIT keeps compiling the functions that run often for hours, which is no data piling up.
 */
const settledHeap = () => {
  collectGarbage();
  const spaces = getHeapSpaceStatistics();
  /** @param {typeof spaces} some */
  const used = (some) => some.reduce((sum, space) => sum + space.space_used_size, 0);
  return { used: used(spaces), code: used(spaces.filter((space) => /code|trusted/.test(space.space_name))) };
};

/** Fields that make an arriving session about SESSION_BYTES of JSON. */
function arrivalFields() {
  const fields = { channel: { type: 'web' }, custom_data: { notes: '' } };
  const base = JSON.stringify({ id: crypto.randomUUID(), status: 'open', ticket_number: 100_000, created_at: new Date().toISOString(), ...fields }).length;
  // The stand-in adds a contact and a few fields of its own: about 200 bytes.
  fields.custom_data.notes = 'n'.repeat(Math.max(0, SESSION_BYTES - base - 200));
  return fields;
}

/**
 * Open › Web expanded, its first two pages loaded.
 * @param {import('../../src/model/tree/sessionTree.js').SessionTreeModel} model
 */
async function expandWeb(model) {
  /** @param {TreeNode[]} nodes @param {string} value */
  const group = (nodes, value) => /** @type {GroupNode} */ (nodes.find((node) => node.type === 'group' && node.value === value));
  const open = group(await model.children(), 'open');
  const web = group(await model.children(open), 'web');
  for (const node of [open, web]) model.setExpanded(node, true);
  const more = (await model.children(web)).find((node) => node.type === 'notice' && node.kind === 'loadMore');
  if (more?.type !== 'notice' || !more.pages) throw new Error('Open › Web has a single page');
  await model.loadMore(more.pages);
  return web;
}

/**
 * Watches for HOURS at `perMinute` arrivals a minute; the heap growth at each checkpoint.
 * @param {number} perMinute
 */
async function watchFor(perMinute) {
  const standIn = await startStandIn({ count: 100, ...DATA, pageSize: 25, rateLimit: 0 });
  try {
    const time = new VirtualTime();
    const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, budget: new RequestBudget(100, 60_000, time.now) });
    const fields = arrivalFields();
    /** @type {string[]} */
    const arrived = [];
    /** @param {number} count */
    const arrive = (count) => {
      for (let index = 0; index < count; index++) {
        arrived.push(standIn.addSession(fields).id);
        if (arrived.length > ARRIVALS_KEPT) standIn.removeSession(/** @type {string} */ (arrived.shift()));
      }
      standIn.requests.length = 0;
    };
    // Enough sessions of Open › Web for more than two pages.
    arrive(ARRIVALS_KEPT);
    const model = new SessionTreeModel({ client: async () => client });
    const web = await expandWeb(model);
    const watch = new Watch({ round: () => model.watchRound(), intervalSeconds: 60, scheduler: time });
    const settled = () => watch.settled();
    watch.start();
    // A first minute, so that code compiled on first use is not counted as growth.
    arrive(perMinute);
    await time.pass(60_000, settled);
    const before = settledHeap();
    /** @type {{ hours: number, growthBytes: number, codeGrowthBytes: number, rows: number, counted: number }[]} */
    const checkpoints = [];
    for (let minute = 1; minute <= 60 * Math.max(...CHECKPOINT_HOURS); minute++) {
      arrive(perMinute);
      await time.pass(60_000, settled);
      if (minute % 60 !== 0 || !CHECKPOINT_HOURS.includes(minute / 60)) continue;
      const heap = settledHeap();
      const growth = { growthBytes: heap.used - before.used, codeGrowthBytes: heap.code - before.code };
      checkpoints.push({ hours: minute / 60, ...growth, rows: model.loaded(web)?.count ?? 0, counted: model.newSessions.count });
    }
    watch.dispose();
    model.dispose();
    return { perMinute, checkpoints };
  } finally {
    await standIn.close();
  }
}

/** @typedef {{ rates: Awaited<ReturnType<typeof watchFor>>[] }} WatchingHeapResult the JSON line this prints */

/** @type {WatchingHeapResult} */
const result = { rates: [] };
for (const perMinute of RATES) result.rates.push(await watchFor(perMinute));
console.log(JSON.stringify(result));
