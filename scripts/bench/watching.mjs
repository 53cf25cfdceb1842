// Watching for new sessions against the local open.cx stand-in (its real limit of 100 requests a
// minute on): the requests a minute of watching costs with 5 groups expanded at a 60 s interval,
// the requests while the window is not focused, and the time from a session's arrival on the
// server to its row in the tree model. The first two run ten minutes in virtual time (the watch's
// timers and the budget's clock), with real HTTP; the third runs in real time.
import { DATA, loadCompiled, median } from './repo.mjs';

const { OpenCxClient } = /** @type {typeof import('../../src/api/client.js')} */ (loadCompiled('src/api/client.js'));
const { RequestBudget } = /** @type {typeof import('../../src/api/budget.js')} */ (loadCompiled('src/api/budget.js'));
const { SessionTreeModel } = /** @type {typeof import('../../src/model/tree/sessionTree.js')} */ (loadCompiled('src/model/tree/sessionTree.js'));
const { Watch } = /** @type {typeof import('../../src/model/watching/watchSchedule.js')} */ (loadCompiled('src/model/watching/watchSchedule.js'));
const { startStandIn } = /** @type {typeof import('../../test/server/server.js')} */ (loadCompiled('test/server/server.js'));
// Timers that fire as virtual time is moved on; the rounds they start settle before it moves further.
const { VirtualTime } = /** @type {typeof import('../../test/unit/virtualTime.js')} */ (loadCompiled('test/unit/virtualTime.js'));

/** @typedef {import('../../src/model/tree/treeNodes.js').GroupNode} GroupNode */
/** @typedef {import('../../test/server/server.js').StandIn} StandIn */

const CHANNELS = ['web', 'email', 'whatsapp', 'sms', 'api'];

/**
 * A tree model with Open and five of its channels expanded and loaded, as a user leaves them.
 * @param {StandIn} standIn
 * @param {import('../../src/api/budget.js').RequestBudget} budget
 */
async function expandedModel(standIn, budget) {
  const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, budget });
  const model = new SessionTreeModel({ client: async () => client });
  /**
   * Grouped by status, then channel: the root's rows and Open's are groups.
   * @param {GroupNode} [group]
   */
  const groupsIn = async (group) => /** @type {GroupNode[]} */ (await model.children(group));
  const open = /** @type {GroupNode} */ ((await groupsIn()).find((node) => node.value === 'open'));
  model.setExpanded(open, true);
  const channels = (await groupsIn(open)).filter((node) => CHANNELS.includes(node.value));
  for (const group of channels) {
    model.setExpanded(group, true);
    await model.children(group);
  }
  return { model, channels };
}

/** @param {StandIn} standIn */
const chatRequests = (standIn) => standIn.requests.filter((request) => request.path.startsWith('/chat/sessions')).length;

export async function measureWatching({ arrivals = 4, intervalSeconds = 15 } = {}) {
  const standIn = await startStandIn({ count: 3000, ...DATA, pageSize: 25 });
  try {
    const { perMinute, perRound, unfocused } = await requestsWhileWatching(standIn);
    standIn.reset();
    const delays = await arrivalDelays(standIn, arrivals, intervalSeconds);
    return { perMinute, perRound, unfocused, arrival: { max: Math.max(...delays), median: median(delays), samples: delays.length, intervalSeconds } };
  } finally {
    await standIn.close();
  }
}

/**
 * Requests a minute, and while unfocused: ten virtual minutes each.
 * @param {StandIn} standIn
 */
async function requestsWhileWatching(standIn) {
  const time = new VirtualTime();
  const { model } = await expandedModel(standIn, new RequestBudget(100, 60_000, time.now));
  // Each round's requests, at the virtual time it started.
  /** @type {{ at: number, requests: number }[]} */
  const rounds = [];
  const watch = new Watch({
    round: async () => {
      const before = chatRequests(standIn);
      const started = time.now();
      const round = await model.watchRound();
      rounds.push({ at: started, requests: chatRequests(standIn) - before });
      return round;
    },
    intervalSeconds: 60,
    scheduler: time,
  });
  const settled = () => watch.settled();
  standIn.requests.length = 0;
  watch.start();
  for (let minute = 0; minute < 10; minute++) {
    await time.pass(60_000, settled);
    if (minute === 4) standIn.addSession({ channel: { type: 'email' } });
  }
  // The most requests in any minute: every window [t, t + 60 s) that starts with a round.
  const perMinute = Math.max(...rounds.map(({ at }) => rounds.filter((round) => round.at >= at && round.at < at + 60_000).reduce((sum, round) => sum + round.requests, 0)));
  const perRound = rounds.map((round) => round.requests);
  watch.setFocused(false);
  const beforeUnfocused = chatRequests(standIn);
  await time.pass(10 * 60_000, settled);
  const unfocused = chatRequests(standIn) - beforeUnfocused;
  watch.dispose();
  model.dispose();
  return { perMinute, perRound, unfocused };
}

/**
 * Arrival to row, in real time: a session added at a random moment of the interval, `arrivals`
 * times; the milliseconds until the model shows each.
 * @param {StandIn} standIn
 * @param {number} arrivals
 * @param {number} intervalSeconds
 */
async function arrivalDelays(standIn, arrivals, intervalSeconds) {
  const live = await expandedModel(standIn, new RequestBudget());
  const web = /** @type {GroupNode} */ (live.channels.find((group) => group.value === 'web'));
  const realWatch = new Watch({ round: () => live.model.watchRound(), intervalSeconds });
  realWatch.start();
  /** @type {number[]} */
  const delays = [];
  for (let sample = 0; sample < arrivals; sample++) {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * intervalSeconds * 1000));
    const arrived = standIn.addSession({ channel: { type: 'web' } });
    const started = performance.now();
    await /** @type {Promise<void>} */ (new Promise((resolve) => {
      const stop = live.model.onDidChange(async () => {
        const rows = await live.model.children(web);
        if (rows.some((row) => row.type === 'session' && row.session.id === arrived.id)) {
          stop();
          resolve();
        }
      });
    }));
    delays.push(performance.now() - started);
  }
  realWatch.dispose();
  live.model.dispose();
  return delays;
}
