#!/usr/bin/env node
// Benchmark of the open.cx Sessions extension against the local open.cx stand-in on loopback.
// Prints one table of results next to their goals (options.mjs; CONTRIBUTING.md says what each
// row measures): the tree model against a bare fetch, the requests of a series of clicks, memory,
// finding sessions, watching, the bundles and activation, and what users wait for in the real
// VS Code beside a reference extension.
// The same table, with the machine and the options, goes to bench/RESULTS.md (results.mjs).
//
//   npm run compile-tests && node scripts/bench/bench.mjs [options: options.mjs, CONTRIBUTING.md]
//
// Exit code: 0 when everything was measured, missed goals included (it is a report, not a test);
// 1 when a measurement could not be taken.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { handleSignals, isStopping, stopAll } from '../vscode/vscode-server.mjs';
import { measureActivation } from './activation.mjs';
import { killMemoryProcess, runMemoryProcess } from './memoryProcess.mjs';
import { GOALS, PERCEIVED_LATENCY_MS, readOptions } from './options.mjs';
import { buildProductionBundle, stageExtension } from './bundle.mjs';
import { measurePerceived } from './perceived.mjs';
import { perceivedReport } from './perceivedReport.mjs';
import { count, formatTable, kb, machineLines, mb, ms } from './report.mjs';
import { repoRoot } from './repo.mjs';
import { writeResults } from './results.mjs';
import { countSearchRequests, timeLinkDetection } from './finding.mjs';
import { countRequests, timeExpand } from './tree.mjs';
import { measureWatching } from './watching.mjs';
import { exportingRows } from './exportingRows.mjs';
const { options, samples, warmup, activationRuns, perceivedRuns, runs } = readOptions();

// Ctrl-C and SIGTERM stop the VS Code server, browser and stand-in (stopAll), then exit; the
// exit hooks below take care of what this script started itself.
handleSignals();
const scratchDir = mkdtempSync(join(tmpdir(), 'opencx-bench-'));
process.on('exit', () => {
  killMemoryProcess();
  rmSync(scratchDir, { recursive: true, force: true });
});

/** @type {import('./report.mjs').Row[]} */
const rows = [];
/** @type {string[]} */
const notMeasured = [];
/**
 * @param {string} title
 * @param {string} short names the section in the list of missed goals
 */
const section = (title, short) => rows.push({ section: title, short });
/** @param {string} message */
const progress = (message) => console.log(`[bench] ${message}`);

/**
 * Runs one measurement; a failure becomes a row that says so, and the rest still runs.
 * @param {string} metric
 * @param {string} goal
 * @param {() => Promise<void>} action
 */
async function measure(metric, goal, action) {
  try {
    await action();
  } catch (error) {
    if (isStopping()) return; // Ctrl-C closed what it was using: not a result
    const reason = String(/** @type {import('../vscode/lifecycle.mjs').Thrown} */ (error)?.message ?? error).split('\n')[0];
    notMeasured.push(metric);
    rows.push({ metric, result: `not measured: ${reason}`, goal, met: false });
    console.error(`[bench] ${metric}: ${/** @type {import('../vscode/lifecycle.mjs').Thrown} */ (error)?.stack ?? error}`);
  }
}

try {
  if (runs('expand')) await expandRows();
  if (runs('requests')) await requestRows();
  if (runs('memory')) await memoryRows();
  if (runs('finding')) await findingRows();
  if (runs('watching')) await watchingRows();
  if (runs('exporting')) await measure('  exporting', 'see rows', async () => void rows.push(...(await exportingRows())));
  if (runs('bundle') || runs('perceived')) {
    const extensionPath = await bundleRows({ show: runs('bundle') });
    if (runs('bundle') && activationRuns > 0) await activationRows(extensionPath);
    if (runs('perceived') && perceivedRuns > 0) await timePerceived(extensionPath);
  }
} finally {
  await stopAll();
}

console.log(`\nopen.cx Sessions benchmark · ${new Date().toISOString()} · ${repoRoot}`);
for (const line of machineLines()) console.log(line);
console.log('Stand-in: generated sessions on 127.0.0.1, rate limit off; KB = 1024 B, MB = 1024 KB\n');
console.log(formatTable(rows));

const missed = [];
let sectionName = '';
for (const row of rows) {
  if (row.section !== undefined) sectionName = row.short;
  else if (row.met === false && !notMeasured.includes(row.metric)) missed.push(`${sectionName}: ${row.metric.trim()}`);
}
const summary = [missed.length ? `Goals missed (${missed.length}): ${missed.join('; ')}` : 'Every goal met.'];
if (notMeasured.length) summary.push(`Not measured: ${notMeasured.map((metric) => metric.trim()).join('; ')}`);
console.log(`\n${summary.join('\n')}`);
const vscodeRan = (runs('bundle') && activationRuns > 0) || (runs('perceived') && perceivedRuns > 0);
writeResults({ rows, summary, options, vscodeRan });
process.exit(notMeasured.length ? 1 : 0);

/**
 * What the extension adds to a page's round trip, in the terms users pay it: on loopback with no
 * latency the extra milliseconds per page, and with 20 ms of latency (a near server) the ratio.
 */
async function expandRows() {
  section(`Expand Open › Web: tree model vs bare fetch + JSON.parse (median of ${samples}, interleaved)`, 'expand');
  for (const latencyMs of [0, 20]) {
    for (const pageSize of [25, 100]) {
      const metric = latencyMs ? `  ratio, page ${pageSize}, latency ${latencyMs} ms` : `  overhead per page, ${pageSize} sessions, latency 0 ms`;
      const goal = latencyMs ? `≤ ${GOALS.ratioAt20Ms.toFixed(2)}×` : '';
      await measure(metric, goal, async () => {
        progress(`expand: page ${pageSize}, latency ${latencyMs} ms`);
        const result = await timeExpand({ pageSize, latencyMs, samples, warmup });
        const { httpClientMs, validationMs, treeMs, plainKyMs } = result.parts;
        const overMs = result.modelMs - result.fetchMs;
        const parts = `HTTP client ${ms(httpClientMs)} (ky alone ${ms(plainKyMs)}), validation ${ms(validationMs)}, tree ${ms(treeMs)}`;
        rows.push(
          latencyMs
            ? { metric, result: `${result.ratio.toFixed(3)}× (${ms(result.modelMs)} vs ${ms(result.fetchMs)})`, goal, met: result.ratio <= GOALS.ratioAt20Ms }
            : { metric, result: `+${ms(overMs)} (${ms(result.modelMs)} vs ${ms(result.fetchMs)}: ${parts})` },
        );
      });
    }
  }
}

async function requestRows() {
  section('Requests: open view › Open › Web › Load more ×5 › Refresh (page 25, latency 50 ms)', 'requests');
  await measure('  requests', 'one per page shown', async () => {
    progress('requests of a series of clicks');
    const result = await countRequests({ pageSize: 25, latencyMs: 50, loadMoreTimes: 5 });
    for (const step of result.steps) {
      rows.push({ metric: `  ${step.name}`, result: String(step.actual), goal: String(step.expected), met: step.actual === step.expected });
    }
    rows.push({
      metric: '  total vs pages shown',
      result: `${result.total} requests, ${result.pagesShown} pages`,
      goal: 'one per page shown',
      met: result.total === result.pagesShown,
    });
    rows.push({ metric: '  duplicate requests', result: String(result.duplicates), goal: '0', met: result.duplicates === 0 });
    if (result.failed) rows.push({ metric: '  failed requests', result: String(result.failed), goal: '0', met: false });
  });
}

async function watchingRows() {
  section('Watching for new sessions (stand-in limit 100 a minute on)', 'watching');
  await measure('  watching', 'see rows', async () => {
    progress('watching: 10 virtual minutes focused, 10 unfocused, then arrivals in real time');
    const { perMinute, perRound, unfocused, arrival } = await measureWatching();
    rows.push({ metric: '  requests a minute, 5 groups expanded, 60 s interval', result: `${perMinute} (rounds: ${perRound.join(' ')})`, goal: '≤ 5', met: perMinute <= 5 });
    rows.push({ metric: '  requests while unfocused, 10 minutes', result: String(unfocused), goal: '0', met: unfocused === 0 });
    const goalMs = arrival.intervalSeconds * 1000 + 1000;
    rows.push({
      metric: `  arrival to row, ${arrival.intervalSeconds} s interval (${arrival.samples} arrivals)`,
      result: `max ${ms(arrival.max)}, median ${ms(arrival.median)}`,
      goal: `≤ ${ms(goalMs)}`,
      met: arrival.max <= goalMs,
    });
  });
}

async function memoryRows() {
  section('Memory and parsing (separate `node --expose-gc` process)', 'memory');
  /** @type {import('./memory.mjs').MemoryResult | undefined} */
  let memory;
  await measure('  heap growth, 10,000 sessions loaded', `≤ ${mb(GOALS.heapBytes)}`, async () => {
    progress('heap with 10,000 sessions loaded, parse time of 10,000 sessions');
    memory = /** @type {import('./memory.mjs').MemoryResult} */ (await runMemoryProcess('memory.mjs', 120_000));
    const { heap } = memory;
    rows.push({
      metric: `  heap growth, ${count(heap.sessions)} sessions loaded`,
      result:
        `${mb(heap.growthBytes)} (${count(Math.round(heap.growthBytes / heap.sessions))} B/session; ${mb(heap.releasedBytes)} freed with the model; ` +
        `${heap.requests} pages of 100 in ${(heap.loadMs / 1000).toFixed(1)} s)`,
      goal: `≤ ${mb(GOALS.heapBytes)}`,
      met: heap.growthBytes <= GOALS.heapBytes,
    });
  });
  if (memory) {
    const { parse } = memory;
    rows.push({
      metric: `  schema parse vs JSON.parse, ${count(parse.sessions)} sessions`,
      result:
        `${parse.ratio.toFixed(2)}× (${ms(parse.medianMs)} vs ${ms(parse.jsonParseMs)} for the ${mb(parse.bodyBytes)} body, ` +
        `medians of ${parse.runs} in turn; first schema parse ${ms(parse.firstMs)})`,
      goal: `≤ ${GOALS.parseRatio.toFixed(2)}×`,
      met: parse.ratio <= GOALS.parseRatio,
    });
  } else {
    notMeasured.push('  schema parse vs JSON.parse, 10,000 sessions');
    rows.push({ metric: '  schema parse vs JSON.parse, 10,000 sessions', result: 'not measured (see above)', goal: `≤ ${GOALS.parseRatio.toFixed(2)}×`, met: false });
  }
  const goal = `≤ ${mb(GOALS.watchingHeapBytes)}; data 1 h → 6 h ≤ ${mb(GOALS.watchingHeapFlatBytes)}`;
  await measure('  heap growth, watching 6 h', goal, async () => {
    progress('heap while watching: 6 virtual hours at 10, then at 1,000 new sessions a minute');
    const { rates } = /** @type {import('./watchingHeap.mjs').WatchingHeapResult} */ (await runMemoryProcess('watchingHeap.mjs', 900_000));
    for (const { perMinute, checkpoints } of rates) {
      // Data: the heap but for the code the JIT compiles.
      const data = checkpoints.map((point) => point.growthBytes - point.codeGrowthBytes);
      const last = /** @type {(typeof checkpoints)[number]} */ (checkpoints.at(-1));
      rows.push({
        metric: `  heap growth, watching 6 h, ${count(perMinute)} new a minute`,
        result:
          `${checkpoints.map((point) => `${point.hours} h ${mb(point.growthBytes)}`).join(', ')}; data ${data.map(mb).join(', ')} ` +
          `(${count(last.rows)} rows, ${count(last.counted)} counted)`,
        goal,
        met: Math.max(...checkpoints.map((point) => point.growthBytes)) <= GOALS.watchingHeapBytes && data[data.length - 1] - data[0] <= GOALS.watchingHeapFlatBytes,
      });
    }
  });
}

/** Session links in a large log (no request), and the server searches one typed query makes. */
async function findingRows() {
  section('Finding sessions: ids in a 10 MB log, server searches while typing', 'finding');
  await measure('  session links in a 10 MB log', `≤ ${ms(GOALS.linksMs)}, no request`, async () => {
    progress('link detection over a 10 MB log');
    const links = timeLinkDetection();
    rows.push({
      metric: '  session links in a 10 MB log',
      result: `${ms(links.ms)} (${count(links.ids)} ids in ${links.megabytes.toFixed(1)} MB; no request: links are found in the text)`,
      goal: `≤ ${ms(GOALS.linksMs)}, no request`,
      met: links.ms <= GOALS.linksMs,
    });
  });
  await measure('  search requests per typed query', 'one per pause, none for one character', async () => {
    progress('server searches while typing');
    const searches = await countSearchRequests();
    rows.push({ metric: '  search requests: "refund" typed 80 ms a key', result: String(searches.word), goal: '1', met: searches.word === 1 });
    rows.push({ metric: '  search requests: a second query', result: String(searches.another), goal: '1', met: searches.another === 1 });
    rows.push({ metric: '  search requests: one character', result: String(searches.oneCharacter), goal: '0', met: searches.oneCharacter === 0 });
  });
}

/**
 * Builds the production bundles and stages them as an installed extension; `show` prints their rows.
 * @param {{ show: boolean }} options
 */
async function bundleRows({ show }) {
  if (show) section('Bundle and activation', 'bundle');
  /** @type {string | undefined} */
  let extensionPath;
  const metric = '  dist/extension.js (core), production build';
  await measure(metric, `≤ ${kb(GOALS.coreBundleBytes)}`, async () => {
    progress('production bundles (node esbuild.js --production --metafile, in a scratch folder)');
    const bundle = await buildProductionBundle(join(scratchDir, 'extension'));
    extensionPath = stageExtension(join(scratchDir, 'extension'));
    if (!show) return;
    rows.push({ metric, result: `${kb(bundle.bytes)} (${count(bundle.bytes)} B)`, goal: `≤ ${kb(GOALS.coreBundleBytes)}`, met: bundle.bytes <= GOALS.coreBundleBytes });
    bundle.largestInputs.forEach((input, index) => {
      rows.push({ metric: `    largest input ${index + 1}`, result: `${kb(input.bytes).padStart(8)}  ${input.path}` });
    });
    for (const part of bundle.parts) {
      rows.push({ metric: `  dist/${part.name}.js (loaded on first use)`, result: `${kb(part.bytes)} (${count(part.bytes)} B)` });
    }
  });
  return extensionPath;
}

/** @param {string | undefined} extensionPath */
async function activationRows(extensionPath) {
  const metric = '  activation in VS Code, over the reference extension';
  const goal = `≤ ${ms(GOALS.activationOverReferenceMs)}`;
  await measure(metric, goal, async () => {
    if (!extensionPath) throw new Error('no production bundle to activate');
    progress(`activation: ${activationRuns} pairs of fresh VS Code windows (extension, reference)`);
    const activation = await measureActivation({ extensionPath, runs: activationRuns });
    /** @param {number[]} values */
    const list = (values) => values.map((value) => value.toFixed(1)).join(', ');
    rows.push({
      metric,
      result:
        `${ms(activation.medianDifferenceMs)} (median of ${activationRuns} pairs; extension ${ms(activation.medianMs)}: ${list(activation.samples.extension)}; ` +
        `reference ${ms(activation.referenceMedianMs)}: ${list(activation.samples.reference)}; ` +
        `workbench round trip ${activation.roundTripMs === undefined ? '?' : ms(activation.roundTripMs)}; VS Code ${activation.vscodeVersion ?? '?'})`,
      goal,
      met: activation.medianDifferenceMs <= GOALS.activationOverReferenceMs,
    });
  });
}

/** @param {string | undefined} extensionPath */
async function timePerceived(extensionPath) {
  section(
    `Click to screen in VS Code, latency ${PERCEIVED_LATENCY_MS} ms (medians of ${perceivedRuns} rounds of fresh windows; + is over a bare fetch of the same request)`,
    'perceived',
  );
  await measure('  perceived', 'see rows', async () => {
    if (!extensionPath) throw new Error('no production bundle to run');
    progress(`perceived: ${perceivedRuns} rounds of fresh VS Code windows, the extension's, the reference's${options['perceived-baseline'] ? ' and the baseline\'s' : ''}`);
    const baselinePath = options['perceived-baseline'] && resolve(options['perceived-baseline']);
    const result = await measurePerceived({ extensionPath, baselinePath, runs: perceivedRuns, latencyMs: PERCEIVED_LATENCY_MS });
    rows.push(...perceivedReport(result, GOALS.perceived));
  });
}
