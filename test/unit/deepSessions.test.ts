// A session nested far deeper than any real one, served by the stand-in over HTTP: it is an
// unreadable item of its page and an error for itself alone, while the other sessions of its
// page load, a watch round goes on and the chat's tools answer for the others.
import * as assert from 'node:assert/strict';
import { MAX_ITEM_DEPTH } from '../../src/api/jsonDepth';
import { parseHistoryPage, parseSessionPage } from '../../src/api/schemas';
import { parseSearchResult } from '../../src/api/searchResults';
import { answerTool } from '../../src/model/chat/chatTools';
import type { StandIn } from '../server/server';
import { splitAnswer } from './chatOutput';
import { rejectsWith, useClientStandIn } from './clientHarness';
import { idsOf, modelWith, noticeOf } from './faultTree';

const DEPTH = 10_000;
const DEEP_ID = '0d5e7a1c-9b3f-4c2d-8e6a-7f1b2c3d4e5f';

/** The deep session as text: the stand-in's JSON.stringify runs out of stack long before this depth. */
const deepSession = (id = DEEP_ID) => `{"id":"${id}","status":"open","channel":{"type":"web"},"custom_data":${'{"nested":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}`;

/** `levels` arrays, each in the one before. */
const nested = (levels: number): unknown => JSON.parse('['.repeat(levels) + ']'.repeat(levels));

suite('items nested deeper than the limit', () => {
  test(`${MAX_ITEM_DEPTH} levels are read, one more is not: sessions, history events, search hits`, () => {
    // The item is level 1, an object in it level 2, and so on.
    const session = (levels: number) => ({ id: DEEP_ID, status: 'open', channel: { type: 'web' }, custom_data: nested(levels - 1) });
    const sessions = parseSessionPage({ items: [session(MAX_ITEM_DEPTH), session(MAX_ITEM_DEPTH + 1)], next: null });
    assert.deepEqual([sessions.items.length, sessions.unreadable], [1, 1]);

    const event = (levels: number) => ({ id: levels, event: { type: 'message', context: nested(levels - 2) } });
    const history = parseHistoryPage({ items: [event(MAX_ITEM_DEPTH), event(MAX_ITEM_DEPTH + 1)], next: null });
    assert.deepEqual([history.items.map((item) => item.id), history.unreadable], [[MAX_ITEM_DEPTH], 1]);

    const contact = (levels: number) => ({ id: levels, name: 'Ada', custom_data: nested(levels - 1) });
    const message = (levels: number) => ({ id: levels, session_id: DEEP_ID, message: 'refund', context: nested(levels - 1) });
    const hits = parseSearchResult({ contacts: [contact(MAX_ITEM_DEPTH), contact(MAX_ITEM_DEPTH + 1)], messages: [message(MAX_ITEM_DEPTH), message(MAX_ITEM_DEPTH + 1)] });
    assert.deepEqual([hits.contacts.map((hit) => hit.id), hits.messages.map((hit) => hit.id), hits.unreadable], [[MAX_ITEM_DEPTH], [MAX_ITEM_DEPTH], 2]);
  });
});

suite('a session nested 10,000 levels deep', function () {
  this.timeout(30_000);
  let standIn: StandIn;
  const client = useClientStandIn((started) => (standIn = started));

  /** The stand-in's next list page: these sessions, the deep one where `null` stands. */
  function servePage(sessions: ({ id: string } | null)[]): void {
    const items = sessions.map((session) => (session === null ? deepSession() : JSON.stringify(session)));
    standIn.setFaults({ bodyText: `{"items":[${items.join(',')}],"next":null}`, path: '/chat/sessions', times: 1 });
  }

  test('its page through the client: the other sessions are read and it is counted as unreadable', async () => {
    const [first, second] = standIn.sessions;
    servePage([first!, null, second!]);
    const page = await client().listSessions({});
    assert.deepEqual(page.items.map((session) => session.id), [first!.id, second!.id]);
    assert.equal(page.unreadable, 1);
  });

  test('asked for alone: an invalidResponse error that says why', async () => {
    // The stand-in answers for a session it holds, with the fault's text instead.
    const id = standIn.sessions[0]!.id;
    standIn.setFaults({ bodyText: deepSession(id) });
    const error = await rejectsWith(client().getSession(id), 'invalidResponse');
    assert.match(error.message, /nests deeper than \d+ levels/);
  });

  test('the chat tool listing sessions answers for the others, with a note', async () => {
    const [first, second] = standIn.sessions;
    servePage([first!, null, second!]);
    const list = await answerTool('list', client(), { limit: 10 });
    assert.deepEqual(splitAnswer(list).values.map((value) => (value as { id: string }).id), [first!.id, second!.id]);
    assert.match(splitAnswer(list).outside, /1 items open\.cx sent could not be read/);
  });

  test('the chat tool reading it answers with the reason', async () => {
    const id = standIn.sessions[0]!.id;
    standIn.setFaults({ bodyText: deepSession(id) });
    const get = await answerTool('get', client(), { id });
    assert.match(get, /nests deeper than \d+ levels/);
    assert.doesNotMatch(get, /call stack/i);
  });

  test('a watch round with it goes on: the new session arrives, the others stay, no error', async () => {
    const [arrived, first, second] = standIn.sessions;
    const model = modelWith(client(), 'none');
    try {
      servePage([first!, null, second!]);
      const before = await model.children();
      assert.deepEqual(idsOf(before), [first!.id, second!.id]);
      assert.equal(noticeOf(before, 'unreadable')?.unreadable, 1);

      servePage([arrived!, first!, null, second!]);
      const round = await model.watchRound();
      assert.equal(round.error, undefined, round.error?.message);
      assert.deepEqual(round.added.map((session) => session.id), [arrived!.id]);
      assert.deepEqual(idsOf(await model.children()), [arrived!.id, first!.id, second!.id]);
    } finally {
      model.dispose();
    }
  });
});
