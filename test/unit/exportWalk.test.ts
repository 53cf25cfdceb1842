// An export walks a group's queries to the end, page by page, as background requests: it waits for
// its turn in the budget and out the server's 429s, stops on a failure that lasts, and ends with a
// complete file or none. Against the stand-in over HTTP, into real files.
import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequestBudget } from '../../src/api/budget';
import { ExportFile } from '../../src/model/export/exportFile';
import { exportFormat } from '../../src/model/export/exportFormats';
import { exportSessions, type ExportRun } from '../../src/model/export/exportSessions';
import type { ExportProgress } from '../../src/model/export/exportWalk';
import type { StandIn } from '../server/server';
import { useClientStandIn } from './clientHarness';
import { walkOptions } from './exportTesting';

const OPEN = { status: 'open' } as const;

suite('export: the walk', function () {
  this.timeout(20_000);
  let standIn: StandIn;
  let folder: string;
  const client = useClientStandIn((started) => (standIn = started));
  setup(async () => (folder = await mkdtemp(join(tmpdir(), 'opencx-export-'))));
  teardown(() => rm(folder, { recursive: true, force: true }));

  const target = () => join(folder, 'open.jsonl');
  const idsIn = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id);
  const expectedIds = () => standIn.matching({ status: 'open' }).map((session) => session.id);

  async function run(overrides: Partial<ExportRun> = {}, progress: ExportProgress[] = []) {
    const run: ExportRun = { ...walkOptions(overrides.client ?? client(), progress), format: exportFormat('jsonl'), keepPartial: async () => false, ...overrides };
    return exportSessions({ queries: [OPEN] }, run, await ExportFile.create(target()));
  }

  test('every page of the query to the end, as background requests, into the target', async () => {
    const progress: ExportProgress[] = [];
    const result = await run({}, progress);
    const expected = expectedIds();
    assert.ok(expected.length > 100, 'several pages');
    assert.deepEqual(result, { kind: 'complete', exported: expected.length });
    assert.deepEqual(await idsIn(target()), expected);
    assert.deepEqual(await readdir(folder), ['open.jsonl'], 'no temporary file left');
    assert.equal(progress.at(-1)?.exported, expected.length);
    const pages = standIn.requests.filter((request) => request.path === '/chat/sessions');
    assert.equal(pages.length, Math.ceil(expected.length / 25));
  });

  test('cancelled mid-way: no file, or, when the user keeps them, a complete file of the sessions fetched', async () => {
    for (const keep of [false, true]) {
      const controller = new AbortController();
      const progress: ExportProgress[] = [];
      const base = walkOptions(client(), progress, controller.signal);
      const result = await run({ ...base, onProgress: (report) => report.exported === 30 && controller.abort(), keepPartial: async () => keep });
      assert.equal(result.kind, 'stopped');
      assert.equal(result.kind === 'stopped' && result.error.kind, 'cancelled');
      assert.equal(result.exported, 30);
      assert.deepEqual(await readdir(folder), keep ? ['open.jsonl'] : [], keep ? 'the sessions kept' : 'nothing left');
      if (keep) assert.deepEqual(await idsIn(target()), expectedIds().slice(0, 30));
      await rm(target(), { force: true });
    }
  });

  test('a 429 in the middle: the export waits it out and completes', async () => {
    standIn.setFaults({ status: 429, retryAfterSeconds: 1, path: '/chat/sessions', after: 2, times: 1 });
    const progress: ExportProgress[] = [];
    const result = await run({}, progress);
    assert.deepEqual(result, { kind: 'complete', exported: expectedIds().length });
    assert.deepEqual(await idsIn(target()), expectedIds());
    assert.ok(progress.some((report) => report.waiting?.rateLimited), 'the wait is reported');
    assert.ok(standIn.requests.some((request) => request.status === 429));
  });

  test('a 500 that lasts: the export stops, says why, and leaves no file', async () => {
    standIn.setFaults({ status: 500, message: 'database unavailable', path: '/chat/sessions', after: 2 });
    const result = await run();
    assert.equal(result.kind, 'stopped');
    assert.equal(result.kind === 'stopped' && result.error.kind, 'server');
    assert.match(result.kind === 'stopped' ? result.error.message : '', /database unavailable/);
    assert.equal(result.exported, 50);
    assert.deepEqual(await readdir(folder), []);
  });

  test('a single 500 in the middle is tried again: the file is complete', async () => {
    standIn.setFaults({ status: 500, path: '/chat/sessions', after: 2, times: 1 });
    assert.deepEqual(await run(), { kind: 'complete', exported: expectedIds().length });
    assert.deepEqual(await idsIn(target()), expectedIds());
  });

  test('a budget held by the user: the export waits for its turn rather than failing', async () => {
    // Six requests a second: two of them are the background's.
    const budget = new RequestBudget(6, 1_000);
    const progress: ExportProgress[] = [];
    const result = await run({ client: client({ budget }) }, progress);
    assert.deepEqual(result, { kind: 'complete', exported: expectedIds().length });
    assert.ok(progress.some((report) => report.waiting?.rateLimited), 'it waited for the budget');
  });

  test('past a number of sessions the walk asks once whether to go on; no cancels it', async () => {
    let asked = 0;
    const ask = async () => (asked++, false);
    const result = await run({ confirmBeyond: { count: 40, ask } });
    assert.equal(asked, 1);
    assert.equal(result.kind === 'stopped' && result.error.kind, 'cancelled');
    assert.equal(result.exported, 40);
    const yes = await run({ confirmBeyond: { count: 40, ask: async () => (asked++, true) } });
    assert.deepEqual(yes, { kind: 'complete', exported: expectedIds().length });
    assert.equal(asked, 2);
  });
});
