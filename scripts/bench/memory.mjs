// Heap growth of the tree model with 10,000 sessions loaded, and the schema parse of a
// 10,000-session body next to JSON.parse of it. Run by bench.mjs in its own `node --expose-gc` process, so that nothing
// the other measurements left on the heap counts here; prints one JSON line.
//
//   node --expose-gc scripts/bench/memory.mjs
import { DATA, loadCompiled, median } from './repo.mjs';
import { settledHeapReader } from './memoryProcess.mjs';

const { RequestBudget } = /** @type {typeof import('../../src/api/budget.js')} */ (loadCompiled('src/api/budget.js'));
const { OpenCxClient } = /** @type {typeof import('../../src/api/client.js')} */ (loadCompiled('src/api/client.js'));
const { parseSessionPage } = /** @type {typeof import('../../src/api/schemas.js')} */ (loadCompiled('src/api/schemas.js'));
const { SessionTreeModel } = /** @type {typeof import('../../src/model/tree/sessionTree.js')} */ (loadCompiled('src/model/tree/sessionTree.js'));
const { generateSessions } = /** @type {typeof import('../../test/server/data.js')} */ (loadCompiled('test/server/data.js'));
const { startStandIn } = /** @type {typeof import('../../test/server/server.js')} */ (loadCompiled('test/server/server.js'));

/** @typedef {import('../../src/model/tree/treeNodes.js').TreeNode} TreeNode */
/**
 * A "Load more…" row, which always names the pages it loads more of.
 * @typedef {import('../../src/model/tree/treeNodes.js').NoticeNode & { pages: import('../../src/model/tree/treeNodes.js').GroupPagesRef }} LoadMoreNode
 */

const SESSIONS = 10_000;
const PAGE_SIZE = 100;

/** Heap in use after full collections. */
const settledHeap = settledHeapReader('memory.mjs');

/**
 * @param {TreeNode[]} nodes
 * @returns {LoadMoreNode | undefined}
 */
const loadMoreOf = (nodes) => /** @type {LoadMoreNode | undefined} */ (nodes.find((node) => node.type === 'notice' && node.kind === 'loadMore'));

async function heapWithSessionsLoaded() {
  // Through JSON and back: the generator's strings are built by concatenation and would shrink
  // when first serialized, i.e. while pages are fetched, which would hide part of the growth.
  const sessions = JSON.parse(JSON.stringify(generateSessions({ count: SESSIONS, ...DATA })));
  const standIn = await startStandIn({ sessions, pageSize: PAGE_SIZE, rateLimit: 0 });
  try {
    // 100 pages in a few seconds: more than the client's default budget of 100 requests a minute,
    // which would otherwise hold the last page back for a minute.
    const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, budget: new RequestBudget(Number.POSITIVE_INFINITY) });
    // One page first, then thrown away: code loaded and compiled on first use is not session data.
    const warmup = new SessionTreeModel({ client: async () => client, grouping: 'none' });
    await warmup.children();
    warmup.dispose();

    const before = settledHeap();
    const { loaded, loadMs, loadedHeap } = await loadEverySession(client);
    if (loaded !== SESSIONS) throw new Error(`the model loaded ${loaded} sessions, not ${SESSIONS}`);
    // A cross-check: what letting go of the model frees should be about the growth.
    const releasedBytes = loadedHeap - settledHeap();
    const requests = standIn.requests.filter((request) => request.path === '/chat/sessions').length - 1;
    return { sessions: loaded, requests, loadMs, growthBytes: loadedHeap - before, releasedBytes };
  } finally {
    await standIn.close();
  }
}

/**
 * Pages the whole list to the end; the model is unreachable once this returns.
 * @param {import('../../src/api/client.js').OpenCxClient} client
 */
async function loadEverySession(client) {
  const started = performance.now();
  // Grouping 'none': the root's pages hold every session, paged through with "Load more…".
  const model = new SessionTreeModel({ client: async () => client, grouping: 'none' });
  let children = await model.children();
  for (let more = loadMoreOf(children); more; more = loadMoreOf(children)) {
    await model.loadMore(more.pages);
    children = await model.children();
  }
  const loadMs = performance.now() - started;
  const loadedHeap = settledHeap();
  const loaded = model.loadedSessions().length; // also keeps the model alive until measured
  model.dispose();
  return { loaded, loadMs, loadedHeap };
}

/**
 * The schema's validation of a 10,000-session body next to JSON.parse of the same body, in turn
 * (the same machine minute for both), so that their ratio says what validation adds wherever it runs.
 */
function parseTime({ warmup = 3, runs = 25 } = {}) {
  // A body as it comes off the network: plain JSON values, no shared structure with the generator.
  const text = JSON.stringify({ items: generateSessions({ count: SESSIONS, ...DATA }), next: null });
  const schemaTimes = [];
  const jsonTimes = [];
  for (let index = 0; index < warmup + runs; index++) {
    // Each starts on a collected heap, so neither pays for the garbage of the other.
    settledHeap();
    let started = performance.now();
    const body = JSON.parse(text);
    jsonTimes.push(performance.now() - started);
    settledHeap();
    started = performance.now();
    const page = parseSessionPage(body);
    schemaTimes.push(performance.now() - started);
    if (page.items.length !== SESSIONS) throw new Error(`parsed ${page.items.length} sessions, not ${SESSIONS}`);
  }
  const medianMs = median(schemaTimes.slice(warmup));
  const jsonParseMs = median(jsonTimes.slice(warmup));
  return { sessions: SESSIONS, runs, firstMs: schemaTimes[0], medianMs, jsonParseMs, ratio: medianMs / jsonParseMs, bodyBytes: Buffer.byteLength(text) };
}

/** @typedef {{ heap: Awaited<ReturnType<typeof heapWithSessionsLoaded>>, parse: ReturnType<typeof parseTime> }} MemoryResult the JSON line this prints */

// Parsing first, so that its first run is the one a freshly loaded extension would make.
const parse = parseTime();
const heap = await heapWithSessionsLoaded();
console.log(JSON.stringify({ heap, parse }));
