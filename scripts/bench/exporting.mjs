// Export of 10,000 sessions (every page) against the local stand-in with its limit of 100 requests
// a minute on, in its own `node --expose-gc` process: the time it takes, the heap growth while it
// writes, and whether each exported line is the server's bytes. The minute is scaled down
// (SCALE times shorter, for the stand-in's limit and the client's budget alike), so the run takes
// seconds; times are given back in unscaled minutes. Prints one JSON line.
//
//   node --expose-gc scripts/bench/exporting.mjs
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA, loadCompiled } from './repo.mjs';
import { settledHeapReader } from './memoryProcess.mjs';

const { RequestBudget } = /** @type {typeof import('../../src/api/budget.js')} */ (loadCompiled('src/api/budget.js'));
const { OpenCxClient } = /** @type {typeof import('../../src/api/client.js')} */ (loadCompiled('src/api/client.js'));
const { ExportFile } = /** @type {typeof import('../../src/model/export/exportFile.js')} */ (loadCompiled('src/model/export/exportFile.js'));
const { exportFormat } = /** @type {typeof import('../../src/model/export/exportFormats.js')} */ (loadCompiled('src/model/export/exportFormats.js'));
const { exportSessions } = /** @type {typeof import('../../src/model/export/exportSessions.js')} */ (loadCompiled('src/model/export/exportSessions.js'));
const { realScheduler } = /** @type {typeof import('../../src/model/watching/scheduler.js')} */ (loadCompiled('src/model/watching/scheduler.js'));
const { startStandIn } = /** @type {typeof import('../../test/server/server.js')} */ (loadCompiled('test/server/server.js'));

const SESSIONS = 10_000;
const PAGE_SIZE = 100;
/** A minute lasts 60 s / SCALE here. */
const SCALE = 10;
const WINDOW_MS = 60_000 / SCALE;

/** Heap in use after full collections. */
const settledHeap = settledHeapReader('exporting.mjs');

const standIn = await startStandIn({ count: SESSIONS, ...DATA, pageSize: PAGE_SIZE, rateLimit: 100, rateWindowMs: WINDOW_MS });
const folder = await mkdtemp(join(tmpdir(), 'opencx-export-bench-'));
try {
  const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, budget: new RequestBudget(100, WINDOW_MS) });
  const target = join(folder, 'sessions.jsonl');
  const before = settledHeap();
  let peak = 0;
  const started = performance.now();
  const result = await exportSessions(
    { queries: [{}] },
    {
      client,
      format: exportFormat('jsonl'),
      withHistory: false,
      signal: new AbortController().signal,
      scheduler: realScheduler,
      // Every 1,000 sessions, the heap after a collection: what the export holds, not its garbage.
      onProgress: ({ exported, waiting }) => {
        if (!waiting && exported % 1_000 === 0) peak = Math.max(peak, settledHeap() - before);
      },
      keepPartial: async () => false,
    },
    await ExportFile.create(target),
  );
  const elapsedMs = performance.now() - started;
  const pages = standIn.requests.filter((request) => request.path === '/chat/sessions').length;
  const lines = (await readFile(target, 'utf8')).split('\n').slice(0, -1);
  const expected = standIn.matching({}).map((session) => JSON.stringify(session));
  const equal = lines.filter((line, index) => line === expected[index]).length;
  console.log(
    JSON.stringify({
      exported: result.exported,
      complete: result.kind === 'complete',
      pages,
      rateLimited: standIn.requests.filter((request) => request.status === 429).length,
      minutes: (elapsedMs * SCALE) / 60_000,
      limitMinutes: pages / 100,
      heapGrowthBytes: peak,
      equalLines: equal,
      expectedLines: expected.length,
      scale: SCALE,
    }),
  );
} finally {
  await rm(folder, { recursive: true, force: true });
  await standIn.close();
}
