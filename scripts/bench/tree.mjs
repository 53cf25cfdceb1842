// The sessions tree against the local open.cx stand-in: how long expanding a channel takes next
// to a bare fetch of the same page, and how many requests a typical session of clicks issues.
import ky from 'ky';
import { DATA, loadCompiled, median } from './repo.mjs';

const { OpenCxClient } = /** @type {typeof import('../../src/api/client.js')} */ (loadCompiled('src/api/client.js'));
const { parseSessionPage } = /** @type {typeof import('../../src/api/schemas.js')} */ (loadCompiled('src/api/schemas.js'));
const { SessionTreeModel } = /** @type {typeof import('../../src/model/tree/sessionTree.js')} */ (loadCompiled('src/model/tree/sessionTree.js'));
const { startStandIn } = /** @type {typeof import('../../test/server/server.js')} */ (loadCompiled('test/server/server.js'));

/** @typedef {import('../../src/model/tree/treeNodes.js').TreeNode} TreeNode */
/** @typedef {import('../../src/model/tree/treeNodes.js').GroupNode} GroupNode */
/**
 * A "Load more…" row, which always names the pages it loads more of.
 * @typedef {import('../../src/model/tree/treeNodes.js').NoticeNode & { pages: import('../../src/model/tree/treeNodes.js').GroupPagesRef }} LoadMoreNode
 */
/** @typedef {import('../../test/server/server.js').StandIn} StandIn */
/** @typedef {import('../../test/server/server.js').RecordedRequest} RecordedRequest */

const WEB_QUERY = { status: 'open', channel_type: 'web' };
// The same sessions in the API client's terms (it names the channel `channel`).
/** @type {import('../../src/api/sessionQuery.js').SessionQuery} */
const WEB_SESSIONS = { status: 'open', channel: 'web' };

/**
 * @param {TreeNode[]} nodes
 * @param {string} value
 * @returns {GroupNode}
 */
const groupOf = (nodes, value) => {
  const group = /** @type {GroupNode | undefined} */ (nodes.find((node) => node.type === 'group' && node.value === value));
  if (!group) throw new Error(`no "${value}" group among ${nodes.map((node) => node.id).join(', ')}`);
  return group;
};
/** @param {TreeNode[]} nodes */
const sessionCount = (nodes) => nodes.filter((node) => node.type === 'session').length;
/** @param {StandIn} standIn */
const chatRequests = (standIn) => standIn.requests.filter((request) => request.path.startsWith('/chat/sessions'));

/**
 * Median time of "expand Open › Web" through a fresh tree model, and of a bare fetch + JSON.parse
 * of the same page, sampled in turn (which one goes first rotates) so that drift of the machine
 * hits all alike. The difference is split into its parts: the same page through the API client
 * alone (ky, request budget, log, validation), the validation of the fetched page on its own,
 * and what the tree model adds on top of the client; and, for scale, ky alone with its timeout
 * and retries switched off.
 * @param {{ pageSize: number, latencyMs: number, samples: number, warmup: number }} options
 */
export async function timeExpand({ pageSize, latencyMs, samples, warmup }) {
  // No rate limit: hundreds of requests a minute are the point here.
  const standIn = await startStandIn({ count: 3000, ...DATA, pageSize, rateLimit: 0 });
  try {
    standIn.setFaults(latencyMs ? { latencyMs } : {});
    const expected = Math.min(pageSize, standIn.matching(WEB_QUERY).length);
    /** @type {number[]} */
    const validationTimes = [];
    const ways = waysToExpand(standIn, expected, validationTimes);
    const names = /** @type {(keyof typeof ways)[]} */ (Object.keys(ways));
    /** @type {Record<keyof typeof ways, number[]>} */
    const times = { model: [], fetch: [], client: [], ky: [] };
    for (let index = 0; index < warmup + samples; index++) {
      const order = names.map((_, at) => names[(at + index) % names.length]);
      for (const name of order) {
        const elapsed = await ways[name]();
        if (index >= warmup) times[name].push(elapsed);
      }
    }
    const model = median(times.model);
    const bare = median(times.fetch);
    const client = median(times.client);
    const validationMs = median(validationTimes.slice(warmup));
    return {
      pageSize,
      latencyMs,
      samples,
      modelMs: model,
      fetchMs: bare,
      ratio: model / bare,
      // What the extra time is made of; medians, so the parts need not add up exactly.
      parts: { httpClientMs: client - bare - validationMs, validationMs, treeMs: model - client, plainKyMs: median(times.ky) - bare },
    };
  } finally {
    await standIn.close();
  }
}

/**
 * The ways of reading Open › Web's first page, each resolving to the milliseconds it took and
 * failing when it did not get `expected` sessions: through the tree model, the API client alone,
 * a bare fetch + JSON.parse (which also times the validation of the page, into
 * `validationTimes`), and ky alone.
 * @param {StandIn} standIn
 * @param {number} expected
 * @param {number[]} validationTimes
 */
function waysToExpand(standIn, expected, validationTimes) {
  const pageUrl = `${standIn.url}/chat/sessions?${new URLSearchParams(WEB_QUERY)}`;
  const headers = { authorization: `Bearer ${standIn.token}`, accept: 'application/json' };

  const viaModel = async () => {
    // A client per sample: each has its own client-side budget of 100 requests a minute, which
    // one shared client would exhaust and then wait out (the extension's budget is per server).
    const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token });
    const model = new SessionTreeModel({ client: async () => client });
    try {
      const web = groupOf(await model.children(groupOf(await model.children(), 'open')), 'web');
      const started = performance.now();
      const children = await model.children(web);
      const elapsed = performance.now() - started;
      if (sessionCount(children) !== expected) throw new Error(`the model showed ${sessionCount(children)} sessions, not ${expected}`);
      return elapsed;
    } finally {
      model.dispose();
    }
  };
  const viaClient = async () => {
    const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token });
    const started = performance.now();
    const page = await client.listSessions(WEB_SESSIONS);
    const elapsed = performance.now() - started;
    if (page.items.length !== expected) throw new Error(`the client got ${page.items.length} sessions, not ${expected}`);
    return elapsed;
  };
  const viaFetch = async () => {
    const started = performance.now();
    const response = await fetch(pageUrl, { headers });
    const body = JSON.parse(await response.text());
    const elapsed = performance.now() - started;
    if (body.items.length !== expected) throw new Error(`fetch got ${body.items.length} sessions, not ${expected}`);
    const validating = performance.now();
    parseSessionPage(body);
    validationTimes.push(performance.now() - validating);
    return elapsed;
  };

  const plainKy = ky.create({ headers, timeout: false, retry: 0 });
  const viaKy = async () => {
    const started = performance.now();
    const body = JSON.parse(await plainKy.get(pageUrl).text());
    const elapsed = performance.now() - started;
    if (body.items.length !== expected) throw new Error(`ky got ${body.items.length} sessions, not ${expected}`);
    return elapsed;
  };

  return { model: viaModel, fetch: viaFetch, client: viaClient, ky: viaKy };
}

/**
 * Plays what VS Code does with a tree data provider: asks the children of the root and of every
 * expanded node, and asks again when the provider reports a change (of one node, or of all).
 */
class ViewLike {
  /** @type {Set<string>} */
  expanded = new Set();
  /** @type {Map<string, TreeNode[]>} */
  shown = new Map(); // node id ('' for the root) → children last returned
  /** @type {Set<Promise<unknown>>} */
  inFlight = new Set();

  /** @param {import('../../src/model/tree/sessionTree.js').SessionTreeModel} model */
  constructor(model) {
    this.model = model;
    model.onDidChange((node) => this.track(this.show(node)));
  }

  /** @param {Promise<unknown>} promise */
  track(promise) {
    this.inFlight.add(promise);
    promise.finally(() => this.inFlight.delete(promise));
  }

  /** @param {TreeNode | undefined} node */
  async show(node) {
    const children = await this.model.children(node);
    this.shown.set(node?.id ?? '', children);
    // VS Code matches rows by id, so an expanded row stays expanded after a refresh.
    await Promise.all(children.filter((child) => this.expanded.has(child.id)).map((child) => this.show(child)));
    return children;
  }

  /** @param {GroupNode} node */
  expand(node) {
    this.expanded.add(node.id);
    // As the extension does on the view's onDidExpandElement.
    this.model.setExpanded(node, true);
    return this.show(node);
  }

  /** Waits until every re-ask the change events caused has been answered. */
  async settle() {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }
}

/** @typedef {{ name: string, expected: number, requests: RecordedRequest[] }} Step */

/**
 * Steps of clicks, each counted: step() runs an action, waits until the view has asked for all it
 * shows, keeps the requests made meanwhile in `steps`, and resolves to what the action resolved to.
 * @param {ViewLike} view
 * @param {StandIn} standIn
 */
function stepRecorder(view, standIn) {
  /** @type {Step[]} */
  const steps = [];
  let seen = 0;
  /**
   * @template T
   * @param {string} name
   * @param {number} expected requests the step should make
   * @param {() => Promise<T>} action
   */
  const step = async (name, expected, action) => {
    const result = await action();
    await view.settle();
    const requests = chatRequests(standIn).slice(seen);
    seen += requests.length;
    steps.push({ name, expected, requests });
    return result;
  };
  return { steps, step };
}

/**
 * open view › expand Open › expand Web › Load more ×5 › Refresh, counting the stand-in's requests
 * for each step. Answers take `latencyMs`, so VS Code's re-asks arrive while pages still load.
 */
export async function countRequests({ pageSize = 25, latencyMs = 50, loadMoreTimes = 5 } = {}) {
  const standIn = await startStandIn({ count: 3000, ...DATA, pageSize, rateLimit: 0 });
  const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token });
  const model = new SessionTreeModel({ client: async () => client });
  const view = new ViewLike(model);
  try {
    standIn.setFaults({ latencyMs });
    const { steps, step } = stepRecorder(view, standIn);
    // VS Code has shown a group's rows once it is expanded.
    /** @param {GroupNode} group */
    const rowsOf = (group) => /** @type {TreeNode[]} */ (view.shown.get(group.id));

    const open = await step('open view', 0, async () => groupOf(await view.show(undefined), 'open'));
    const web = await step('expand Open', 0, async () => groupOf(await view.expand(open), 'web'));
    await step('expand Web', 1, () => view.expand(web));
    await step(`Load more ×${loadMoreTimes}`, loadMoreTimes, async () => {
      for (let index = 0; index < loadMoreTimes; index++) {
        const more = /** @type {LoadMoreNode | undefined} */ (rowsOf(web).find((node) => node.type === 'notice' && node.kind === 'loadMore'));
        if (!more) throw new Error(`no "Load more…" after ${index} loads`);
        await model.loadMore(more.pages);
        await view.settle();
      }
    });
    const shownBeforeRefresh = sessionCount(rowsOf(web));
    await step('refresh (Web stays expanded)', 1, async () => model.reload());
    const shownAfterRefresh = sessionCount(rowsOf(web));

    // The same query and cursor twice within one generation (between refreshes) is a duplicate.
    /** @param {RecordedRequest[]} requests */
    const duplicatesIn = (requests) => {
      const keys = requests.map((request) => JSON.stringify(request.query));
      return keys.length - new Set(keys).size;
    };
    const refreshStep = /** @type {Step} */ (steps.at(-1));
    const beforeRefresh = steps.slice(0, -1).flatMap((entry) => entry.requests);
    return {
      pageSize,
      latencyMs,
      steps: steps.map(({ name, expected, requests }) => ({ name, expected, actual: requests.length })),
      total: beforeRefresh.length + refreshStep.requests.length,
      pagesShown: Math.ceil(shownBeforeRefresh / pageSize) + Math.ceil(shownAfterRefresh / pageSize),
      duplicates: duplicatesIn(beforeRefresh) + duplicatesIn(refreshStep.requests),
      failed: chatRequests(standIn).filter((request) => request.status !== 200).length,
    };
  } finally {
    model.dispose();
    await standIn.close();
  }
}
