// A session's panel exports the session it shows, with the history it has loaded: each exactly as
// the server sent it (integers beyond 2^53, key order, repeated keys), and nothing asked again.
// Through the stand-in over HTTP.
import * as assert from 'node:assert/strict';
import type { StandIn } from '../server/server';
import { exportFormat, type ExportFormatName } from '../../src/model/export/exportFormats';
import { exportSessions } from '../../src/model/export/exportSessions';
import type { ShownSession } from '../../src/model/history/openSession';
import { useClientStandIn } from './clientHarness';
import { MemorySink, walkOptions } from './exportTesting';

/** The session as sent (a session of the stand-in, so that it answers for its id), and on one line. */
const sessionText = (id: string) => `{"id":"${id}",\n  "status":"open","channel":{"type":"web"},"ticket_number":9007199254740993,"2":"x","b":1,"b":2\n}`;
const sessionLine = (id: string) => sessionText(id).replaceAll('\n', '');
const EVENTS = ['{"id":"e2","type":"message","n":12345678901234567890,"k":1,"k":2}', '{"id":"e1","z":0,"a":[1.50]}'];
const HISTORY = `{"items":[${EVENTS.join(',\n')}],"next":null}`;

suite('export: the session a panel shows', () => {
  let standIn: StandIn;
  const client = useClientStandIn((started) => (standIn = started));
  let id: string;
  let line: string;
  setup(() => {
    id = standIn.sessions[0]!.id;
    line = sessionLine(id);
  });

  /** The session and its history as the panel got them from the stand-in. */
  async function shown(): Promise<Required<ShownSession>> {
    standIn.setFaults({ bodyText: sessionText(id), path: `/chat/sessions/${id}`, times: 1 });
    const session = await client().getSession(id);
    standIn.setFaults({ bodyText: HISTORY, path: `/chat/sessions/${id}/history`, times: 1 });
    const history = (await client().listHistory(id)).items;
    standIn.requests.length = 0;
    return { session, history };
  }

  async function exported(source: ShownSession, format: ExportFormatName): Promise<string> {
    const sink = new MemorySink();
    const run = { ...walkOptions(client()), withHistory: true, format: exportFormat(format), keepPartial: async () => false };
    assert.deepEqual(await exportSessions({ shown: source }, run, sink), { kind: 'complete', exported: 1 });
    assert.equal(sink.state, 'finished');
    assert.deepEqual(standIn.requests, [], 'nothing asked of the server');
    return sink.text;
  }

  test('with its history loaded: the session as sent, then its events as sent in a "history" array', async () => {
    const source = await shown();
    const withHistory = `${line.slice(0, -1)},"history":[${EVENTS.join(',')}]}`;
    assert.equal(await exported(source, 'jsonl'), `${withHistory}\n`);
    assert.equal(await exported(source, 'json'), `[\n${withHistory}\n]\n`);
  });

  test('without its history (not loaded yet, or failed): the session alone, with no history entry', async () => {
    const { session } = await shown();
    assert.equal(await exported({ session, history: undefined }, 'jsonl'), `${line}\n`);
  });

  test('an empty history is an empty array', async () => {
    const { session } = await shown();
    assert.equal(await exported({ session, history: [] }, 'jsonl'), `${line.slice(0, -1)},"history":[]}\n`);
  });

  test('CSV: one row, the history left out', async () => {
    const source = await shown();
    const rows = (await exported(source, 'csv')).split('\r\n');
    assert.equal(rows.length, 3);
    assert.ok(rows[1]!.startsWith(`${id},open,web,`));
  });
});
