// JSON Lines exports each session exactly as the server sent it, one a line: integers beyond 2^53,
// key order and repeated keys kept, line breaks between tokens gone. Through the stand-in over HTTP.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { StandIn } from '../server/server';
import { parseExactJson } from '../../src/api/jsonTree';
import { exportFormat } from '../../src/model/export/exportFormats';
import { exportSessions } from '../../src/model/export/exportSessions';
import { withoutLineBreaks } from '../../src/model/export/oneLineJson';
import { useClientStandIn } from './clientHarness';
import { model, writeModel } from './exactJsonTexts';
import { MemorySink, walkOptions } from './exportTesting';
import { sessionIdFor } from '../builders/sessions';

const A1 = sessionIdFor('a1');
const A2 = sessionIdFor('a2');
const FIRST = `{"id":"${A1}","status":"open","channel":{"type":"web"},"ticket_number":9007199254740993,"2":"x","b":1,"b":2}`;
const SECOND_SENT = `{\n  "id" : "${A2}",\r\n  "status": "open", "channel": {"type":\n"web"},\n  "n": 1.0e400, "s": "a\\nb \\u2028"\n}`;
const SECOND = `{  "id" : "${A2}",  "status": "open", "channel": {"type":"web"},  "n": 1.0e400, "s": "a\\nb \\u2028"}`;
const PAGE = `{"items":[\n${FIRST},\n${SECOND_SENT}\n],"next":null}`;

const noKeeping = async () => false;

suite('export: JSON Lines', () => {
  let standIn: StandIn;
  const client = useClientStandIn((started) => (standIn = started));

  test('each session as sent, one a line: big integers, key order, repeated keys and spaces kept', async () => {
    standIn.setFaults({ bodyText: PAGE, path: '/chat/sessions', times: 1 });
    const sink = new MemorySink();
    const result = await exportSessions({ queries: [{ status: 'open' }] }, { ...walkOptions(client()), format: exportFormat('jsonl'), keepPartial: noKeeping }, sink);
    assert.deepEqual(result, { kind: 'complete', exported: 2 });
    assert.equal(sink.text, `${FIRST}\n${SECOND}\n`);
    assert.equal(sink.state, 'finished');
  });

  test('JSON: the same sessions as one array', async () => {
    standIn.setFaults({ bodyText: PAGE, path: '/chat/sessions', times: 1 });
    const sink = new MemorySink();
    await exportSessions({ queries: [{}] }, { ...walkOptions(client()), format: exportFormat('json'), keepPartial: noKeeping }, sink);
    assert.equal(sink.text, `[\n${FIRST},\n${SECOND}\n]\n`);
    assert.equal(exportFormat('json').start() + exportFormat('json').end(), '[\n]\n', 'no session: an empty array');
  });

  test('with history: each session\'s events as sent, as a last "history" entry', async () => {
    const sessions = (await client().listSessions({ status: 'closed_resolved', channel: 'email' })).items.slice(0, 3);
    const sink = new MemorySink();
    const run = { ...walkOptions(client()), withHistory: true, format: exportFormat('jsonl'), keepPartial: noKeeping };
    assert.equal((await exportSessions({ sessions }, run, sink)).exported, 3);
    const lines = sink.text.split('\n');
    assert.equal(lines.pop(), '');
    for (const [index, line] of lines.entries()) {
      const parsed = JSON.parse(line) as { id: string; history: unknown[] };
      assert.equal(parsed.id, sessions[index]!.id);
      const history = standIn.requests.filter((request) => request.path === `/chat/sessions/${parsed.id}/history`);
      assert.ok(history.length >= 1);
      const firstPage = (await client().listHistory(parsed.id)).items.map((event) => event.raw);
      assert.deepEqual(parsed.history.slice(0, firstPage.length), firstPage);
      assert.ok(line.startsWith(JSON.stringify(sessions[index]!.raw).slice(0, -1)), 'the session\'s entries first, as sent');
    }
  });

  test('property: only the line breaks between tokens go; the value read exactly is the same', () => {
    fc.assert(
      fc.property(model, fc.nat(), (value, seed) => {
        const text = writeModel(value, seed);
        const line = withoutLineBreaks(text);
        assert.equal(line, text.replace(/[\r\n]/g, ''));
        assert.deepEqual(parseExactJson(line), parseExactJson(text));
      }),
      { numRuns: 1000 },
    );
  });
});
