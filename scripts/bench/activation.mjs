// Activation time in the real VS Code (the VS Code server of the cached code-server install, its
// workbench in headless Chromium), beside the benchmark's reference extension: each run opens two
// fresh workbench windows of one server, one with each extension, in turns (the first of a run
// alternates); each window's extension host runs out/test/bench/activation.js, which activates
// the extension under development and logs the time. What matters is the difference: the same
// machine and VS Code activate both.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  ensureInstalled,
  isKnownNoise,
  log,
  openWorkbench,
  startServer,
  startStandIn,
} from '../vscode/vscode-server.mjs';
import { median, REFERENCE_PATH, repoRoot } from './repo.mjs';

const TESTS_ENTRY = join(repoRoot, 'out/test/bench/activation.js');
const ACTIVATION_LINE = /^ACTIVATION_MS ([\d.]+)\s*$/m;
const SETTLED_LINE = /^WORKBENCH_SETTLED_MS (\d+) ROUND_TRIP_MS ([\d.]+)/m;
const RUN_TIMEOUT_MS = 120_000;

/**
 * Activates the extension staged in `extensionPath` and the reference extension in `runs` pairs
 * of fresh workbench windows of one VS Code server. Everything started here is stopped by
 * vscode-server.mjs's stopAll().
 * @param {{ extensionPath: string, runs: number }} options
 */
export async function measureActivation({ extensionPath: stagedPath, runs }) {
  if (!existsSync(TESTS_ENTRY)) throw new Error(`${TESTS_ENTRY} is missing: run \`npm run compile-tests\` first.`);
  const extensionPath = activatedOnDemand(stagedPath);
  const serverMain = await ensureInstalled();
  const vscodeVersion = readVersion(join(dirname(serverMain), '..', 'package.json'));
  // Loopback API behind the settings, so nothing the extension does can reach a real server.
  const standIn = await startStandIn({ rateLimit: 0 });
  // Signed out, as on a first install, whatever token the shell may hand development builds.
  const server = await startServer({ settings: { 'opencx.apiBaseUrl': standIn.url }, env: { OPENCX_DEV_TOKEN: '' }, endClosedWindows: true });

  /** @type {Record<'extension' | 'reference', number[]>} */
  const samples = { extension: [], reference: [] };
  /** @type {Settled[]} */
  const settled = [];
  for (let index = 1; index <= runs; index++) {
    /** @type {(keyof typeof samples)[]} */
    const order = index % 2 === 1 ? ['extension', 'reference'] : ['reference', 'extension'];
    for (const which of order) {
      const timing = await activateOnce(server, which === 'extension' ? extensionPath : REFERENCE_PATH);
      log(
        `activation run ${index}/${runs}, ${which}: ${timing.activationMs.toFixed(1)} ms ` +
          `(window settled after ${timing.settled?.waitedMs ?? '?'} ms, round trip ${timing.settled?.roundTripMs ?? '?'} ms)`,
      );
      samples[which].push(timing.activationMs);
      if (timing.settled) settled.push(timing.settled);
    }
  }
  // Runs are pairs: the difference of each pair, then their median.
  const differences = samples.extension.map((value, index) => value - samples.reference[index]);
  return {
    samples,
    medianMs: median(samples.extension),
    referenceMedianMs: median(samples.reference),
    medianDifferenceMs: median(differences),
    // How quick the workbench answered when the timing began: the floor of every call activation makes.
    roundTripMs: settled.length ? median(settled.map((entry) => entry.roundTripMs)) : undefined,
    vscodeVersion,
  };
}

/**
 * How long the window took to settle before the timing began, and how quick the workbench then
 * answered a round trip.
 * @typedef {{ waitedMs: number, roundTripMs: number }} Settled
 */

/**
 * One fresh window with the extension at `extensionPath` under development: its activation time.
 * @param {import('../vscode/vscode-server.mjs').VsCodeServer} server
 * @param {string} extensionPath
 */
async function activateOnce(server, extensionPath) {
  /** @type {number | undefined} */
  let activationMs;
  /** @type {Settled | undefined} */
  let settled;
  let alreadyActive = false;
  /** @type {string[]} */
  const problems = [];
  const workbench = await openWorkbench(server, {
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: TESTS_ENTRY,
    onLog: (type, text) => {
      const match = ACTIVATION_LINE.exec(text);
      if (match) activationMs = Number(match[1]);
      const settledMatch = SETTLED_LINE.exec(text);
      if (settledMatch) settled = { waitedMs: Number(settledMatch[1]), roundTripMs: Number(settledMatch[2]) };
      if (text.includes('ACTIVATION_ALREADY_ACTIVE')) alreadyActive = true;
      if (type === 'error' && !isKnownNoise(text)) problems.push(text);
    },
  });
  try {
    const crashed = new Promise((resolve) => workbench.page.once('crash', () => resolve('crashed')));
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timed out'), RUN_TIMEOUT_MS)));
    const outcome = await Promise.race([workbench.exitCode, crashed, timedOut]);
    clearTimeout(timer);
    if (alreadyActive) throw new Error('the extension was already active when the tests entry started: nothing to time');
    if (activationMs === undefined) {
      const why = typeof outcome === 'string' ? `the workbench ${outcome}` : `the tests entry exited with ${outcome}`;
      throw new Error(`no ACTIVATION_MS line (${why})${problems.length ? `:\n${problems.slice(-5).join('\n')}` : ''}`);
    }
  } finally {
    await workbench.close();
  }
  return { activationMs, settled };
}

/**
 * A copy of the staged extension that VS Code activates only when asked. With onStartupFinished
 * it activates while the window starts, before the tests entry runs, and there is nothing left to
 * time; activate() itself is the same either way.
 * @param {string} stagedPath
 */
function activatedOnDemand(stagedPath) {
  const copy = `${stagedPath}-on-demand`;
  rmSync(copy, { recursive: true, force: true });
  cpSync(stagedPath, copy, { recursive: true });
  const manifestPath = join(copy, 'package.json');
  /** @type {{ activationEvents?: string[] }} */
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.activationEvents = (manifest.activationEvents ?? []).filter((event) => event !== 'onStartupFinished');
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return copy;
}

/**
 * @param {string} packageJsonPath
 * @returns {string | undefined}
 */
function readVersion(packageJsonPath) {
  try {
    return JSON.parse(readFileSync(packageJsonPath, 'utf8')).version;
  } catch {
    return undefined;
  }
}
