import * as assert from 'node:assert/strict';
import { CHAT_LIMITS, checkGetInput, checkListInput, checkSearchInput, parseIsoTime, type Checked } from '../../src/model/chat/chatToolInput';

function problem<T>(checked: Checked<T>): string {
  assert.equal(checked.ok, false, `expected a problem, got ${JSON.stringify(checked)}`);
  return (checked as { problem: string }).problem;
}

function value<T>(checked: Checked<T>): T {
  assert.ok(checked.ok, `expected a value, got ${JSON.stringify(checked)}`);
  return checked.value;
}

suite('chat tools: input checks', () => {
  test('search: the query is trimmed; an empty, missing, long or odd one is named with what to send', () => {
    assert.deepEqual(value(checkSearchInput({ query: '  checkout error ' })), { query: 'checkout error' });
    for (const input of [{ query: '' }, { query: '   ' }, {}, { query: 42 }]) {
      assert.match(problem(checkSearchInput(input)), /query must be a non-empty text: a contact's name, email or phone number/);
    }
    assert.match(problem(checkSearchInput({ query: 'x'.repeat(201) })), /query is 201 characters long; use at most 200/);
    assert.equal(value(checkSearchInput({ query: 'é'.repeat(200) })).query.length, 200);
    assert.match(problem(checkSearchInput('refund')), /The input must be a JSON object such as \{"query": "refund"\}, not "refund"/);
    assert.match(problem(checkSearchInput({ query: 'a', contact: 'b' })), /"contact" is not an input of this tool. It accepts only: query\./);
  });

  test('every problem says nothing was read and how to go on', () => {
    assert.match(problem(checkSearchInput({})), /^The input was not used; nothing was read from open\.cx\. Fix this and call the tool again:\n- /);
  });

  test('get: ids are UUIDs, read leniently and lower-cased; anything else names an example and where ids come from', () => {
    assert.deepEqual(value(checkGetInput({ id: ' {3C90C3CC-0D44-4B50-8888-8DD25736052A} ' })), { id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', includeHistory: false });
    assert.equal(value(checkGetInput({ id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', includeHistory: true })).includeHistory, true);
    for (const id of ['3c90', '3c90c3cc-0d44-4b50-8888-8dd25736052a/history', '../../chat/sessions', 12, null]) {
      const text = problem(checkGetInput({ id }));
      assert.match(text, /is not an open\.cx session id\. Session ids are UUIDs such as 3c90c3cc-0d44-4b50-8888-8dd25736052a; find them with opencx_listSessions or opencx_searchSessions/);
    }
    assert.match(problem(checkGetInput({ id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', includeHistory: 'yes' })), /includeHistory must be true or false, not "yes"/);
  });

  test('list: no input reads the default number of sessions, unfiltered', () => {
    assert.deepEqual(value(checkListInput({})), { query: {}, limit: CHAT_LIMITS.listDefault });
    assert.equal(CHAT_LIMITS.listDefault, 25);
    assert.equal(CHAT_LIMITS.listMax, 100);
  });

  test('list: every filter becomes the query the sidebar would send, dates in UTC', () => {
    const checked = value(
      checkListInput({
        status: 'open',
        channel: 'web',
        handedOff: false,
        createdAfter: '2026-11-01',
        createdBefore: '2026-11-30T14:00:00+02:00',
        updatedAfter: '2026-11-02T08:30Z',
        updatedBefore: '2026-12-01T00:00:00.250Z',
        limit: 100,
      }),
    );
    assert.deepEqual(checked, {
      query: {
        status: 'open',
        channel: 'web',
        handedOff: false,
        createdAfter: '2026-11-01T00:00:00.000Z',
        createdBefore: '2026-11-30T12:00:00.000Z',
        updatedAfter: '2026-11-02T08:30:00.000Z',
        updatedBefore: '2026-12-01T00:00:00.250Z',
      },
      limit: 100,
    });
  });

  test('list: a wrong status, channel or handoff names the values that work', () => {
    assert.match(problem(checkListInput({ status: 'pending' })), /status "pending" is not a session status\. Use one of: open, closed_resolved, closed_unresolved\./);
    assert.match(problem(checkListInput({ channel: 'Web' })), /channel "Web" is not a channel\. Use one of: web, email, phone_voice,/);
    assert.match(problem(checkListInput({ handedOff: 'true' })), /handedOff must be true .* or false, not "true"/);
  });

  test('list: dates that are not ISO 8601, do not exist or have no time zone are refused with examples', () => {
    for (const date of ['yesterday', '2026-02-30', '2026-11-30T14:00:00', '30/11/2026', '2026-11-30T24:00:00Z', '2026-13-01', '', 20261130]) {
      assert.match(
        problem(checkListInput({ createdAfter: date })),
        /createdAfter .* is not an ISO 8601 date\. Use a date such as 2026-11-30 \(midnight UTC\) or a date-time with its time zone such as 2026-11-30T14:00:00Z/,
        String(date),
      );
    }
  });

  test('list: a window that ends before it starts is refused', () => {
    assert.match(
      problem(checkListInput({ updatedAfter: '2026-11-30', updatedBefore: '2026-11-01' })),
      /updatedAfter \(2026-11-30T00:00:00\.000Z\) must be earlier than updatedBefore \(2026-11-01T00:00:00\.000Z\): no session can match both/,
    );
  });

  test('list: limit is a whole number from 1 to 100; above that the answer says to narrow the filters', () => {
    assert.equal(value(checkListInput({ limit: 1 })).limit, 1);
    assert.match(problem(checkListInput({ limit: 500 })), /limit 500 is more than 100, the most one call reads\. Use 100 or less, and narrow the filters/);
    for (const limit of [0, -5, 2.5, '10', null]) {
      assert.match(problem(checkListInput({ limit })), /limit must be a whole number from 1 to 100 \(default 25\)/, String(limit));
    }
  });

  test('list: all problems of one input are named at once', () => {
    const text = problem(checkListInput({ status: 'x', channel: 'y', limit: 0, createdAfter: 'z', sort: 'desc' }));
    assert.equal(text.split('\n- ').length - 1, 5, text);
  });

  test('ISO times: leap days, offsets and fractions read exactly', () => {
    assert.equal(parseIsoTime('2024-02-29'), Date.UTC(2024, 1, 29));
    assert.equal(parseIsoTime('2023-02-29'), undefined);
    assert.equal(parseIsoTime('2026-11-30T14:00:00-0130'), Date.UTC(2026, 10, 30, 15, 30));
    assert.equal(parseIsoTime('2026-11-30T14:00:00.5Z'), Date.UTC(2026, 10, 30, 14, 0, 0, 500));
    assert.equal(parseIsoTime('2026-11-30T14:00:00+25:00'), undefined);
  });
});
