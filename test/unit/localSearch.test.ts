import * as assert from 'node:assert/strict';
import type { Session } from '../../src/api/schemas';
import { matchLoadedSessions, snippetAround } from '../../src/model/search/localSearch';
import { parsedSession } from '../builders/sessions';

const SESSIONS = [
  parsedSession({ id: '3c90c3cc-0d44-4b50-8888-8dd25736052a', ticket_number: 1234, contact: { name: 'Ada Lovelace', email: 'ada@example.com', phone_number: '+1 555 0100' } }),
  parsedSession({ id: '9f1c2b3a-0000-4000-8000-000000000001', ticket_number: 41234, contact: { non_verified_name: 'Grace', email: null } }),
  parsedSession({ id: 'aaaaaaaa-0000-4000-8000-000000000002', ticket_number: null, contact: null }),
];
const ids = (found: Session[]) => found.map((item) => item.id.slice(0, 4));

suite('search among loaded sessions', () => {
  test('by contact name, email or phone, case-insensitively', () => {
    assert.deepEqual(ids(matchLoadedSessions(SESSIONS, 'ADA')), ['3c90']);
    assert.deepEqual(ids(matchLoadedSessions(SESSIONS, 'example.com')), ['3c90']);
    assert.deepEqual(ids(matchLoadedSessions(SESSIONS, 'grace')), ['9f1c']);
    assert.deepEqual(ids(matchLoadedSessions(SESSIONS, '5550100')), ['3c90'], 'phone digits without separators');
  });

  test('by ticket number, with or without #, exactly', () => {
    assert.deepEqual(ids(matchLoadedSessions(SESSIONS, '#1234')), ['3c90']);
    assert.deepEqual(ids(matchLoadedSessions(SESSIONS, '41234')), ['9f1c']);
  });

  test('by session id or a part of it; nothing for an empty query; each session once, at most the limit', () => {
    assert.deepEqual(ids(matchLoadedSessions(SESSIONS, '8DD25736')), ['3c90']);
    assert.deepEqual(matchLoadedSessions(SESSIONS, '   '), []);
    assert.deepEqual(ids(matchLoadedSessions([...SESSIONS, ...SESSIONS], '-4000-')), ['9f1c', 'aaaa']);
    assert.equal(matchLoadedSessions(SESSIONS, '-', 2).length, 2);
  });

  test('a message is cut around the match, on one line, marked where cut', () => {
    const text = `${'a'.repeat(100)} the refund\nwas sent ${'b'.repeat(100)}`;
    const snippet = snippetAround(text, 'REFUND', 40);
    assert.ok(snippet.startsWith('…') && snippet.endsWith('…'), snippet);
    assert.ok(snippet.includes('refund was sent'), snippet);
    assert.ok(snippet.length <= 42, snippet);
    assert.equal(snippetAround('short text', 'x'), 'short text');
  });
});
