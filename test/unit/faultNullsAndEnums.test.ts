// Fault suite, drifted data: every field the schema lets be null, null; every enum-like field an
// unknown value; served by the stand-in to the tree, and history events with nulls at every level.
import * as assert from 'node:assert/strict';
import { parseHistoryPage, parseSession, type Session } from '../../src/api/schemas';
import { channelLabel, sessionDescription, sessionLabel, statusLabel } from '../../src/model/labels';
import { panelText } from '../../src/views/page/panelText';
import { renderSessionPage } from '../../src/views/page/sessionPage';
import { fullRawSession, sessionIdFor } from '../builders/sessions';
import type { RawSession } from '../server/data';
import { startStandIn } from '../server/server';
import { survives, survivesSync } from './faultReport';
import { clientFor, modelWith, noticeOf, sessionsOf } from './faultTree';

// Every field the schema lets be null, and every enum-like field, on a session that has them all.
const NULLABLE_PATHS = [
  'ai_closure_type', 'sentiment', 'ticket_number', 'assist_mode', 'created_at', 'updated_at', 'language', 'assignee_id', 'custom_data',
  'contact', 'contact.id', 'contact.email', 'contact.phone_number', 'contact.name', 'contact.custom_data',
  'contact.non_verified_name', 'contact.non_verified_email', 'contact.non_verified_custom_data',
  'team', 'team.id', 'team.name', 'team.description', 'handoff', 'handoff.summary', 'handoff.sentiment',
  'ticketing_system', 'ticketing_system.name', 'ticketing_system.external_id', 'ticketing_system.id_type',
] as const;
/** Not nullable in the reference, so they degrade to 'unknown' rather than to null. */
const REQUIRED_PATHS = ['status', 'channel', 'channel.type'] as const;
const ENUM_PATHS = ['status', 'channel.type', 'ai_closure_type', 'sentiment', 'handoff.sentiment', 'ticketing_system.id_type'] as const;
/** The fields the schema validates (the extension reads them); the others are only kept in raw. */
const READ_PATHS = new Set<string>([
  'status', 'channel', 'channel.type', 'ai_closure_type', 'sentiment', 'ticket_number', 'created_at', 'updated_at', 'assignee_id',
  'contact', 'contact.name', 'contact.non_verified_name', 'contact.email', 'contact.non_verified_email', 'contact.phone_number',
  'team', 'team.name', 'handoff', 'handoff.summary',
]);
/** A field as the extension sees it: validated when it reads it, else as sent. */
const fieldOf = (session: Session, path: string) => getPath(READ_PATHS.has(path) ? session : session.raw, path);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let at = target;
  for (const key of keys) at = at[key] as Record<string, unknown>;
  at[last] = value;
}

function getPath(target: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | null | undefined)?.[key], target);
}

/** What the person sees of a session must build without throwing: labels, description, the panel page. */
function renderAll(session: Session): string {
  return [
    sessionLabel(session),
    sessionDescription(session),
    statusLabel(session.status),
    channelLabel(session.channel.type),
    renderSessionPage(
      { session, refreshing: false, error: undefined, history: { events: [], loaded: true, hasOlder: false, busy: false, unreadable: 0, error: undefined } },
      { nonce: 'bm9uY2U=', script: '/* session.js */', style: '/* session.css */', lang: 'en' },
      { text: panelText(), now: Date.parse('2026-11-30T00:00:00Z') },
    ),
  ].join('\n');
}

suite('fault suite: nulls and unknown enum values everywhere the schema allows', function () {
  this.timeout(20_000);

  test('each nullable field null, each enum an unknown value, served by the stand-in: every session shows, in order, degraded not dropped', async () => {
    const sent: { fault: string; session: RawSession; check: (session: Session) => void }[] = [];
    for (const path of NULLABLE_PATHS) {
      const session = fullRawSession({ id: sessionIdFor(`null:${path}`) });
      setPath(session, path, null);
      sent.push({ fault: 'null in a nullable field', session, check: (parsed) => assert.equal(fieldOf(parsed, path), null, path) });
    }
    for (const path of REQUIRED_PATHS) {
      const session = fullRawSession({ id: sessionIdFor(`null:${path}`) });
      setPath(session, path, null);
      const expected = path === 'status' ? 'unknown' : { type: 'unknown' };
      sent.push({ fault: 'null in a required field', session, check: (parsed) => assert.deepEqual(getPath(parsed, path === 'channel.type' ? 'channel' : path), expected, path) });
    }
    for (const path of ENUM_PATHS) {
      const session = fullRawSession({ id: sessionIdFor(`enum:${path}`) });
      const unknown = `unheard_of_${path.replace('.', '_')}`;
      setPath(session, path, unknown);
      sent.push({
        fault: 'unknown enum value',
        session,
        check: (parsed) => {
          assert.equal(fieldOf(parsed, path), unknown, path);
          if (path === 'status' || path === 'channel.type') assert.ok(renderAll(parsed).includes(unknown), `${path}: the unknown value is shown as sent`);
        },
      });
    }
    // Values that are also names of Object.prototype members must still read as plain unknown values.
    for (const path of ['status', 'channel.type'] as const) {
      for (const unknown of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        const session = fullRawSession({ id: sessionIdFor(`enum:${path}:${unknown}`) });
        setPath(session, path, unknown);
        sent.push({
          fault: 'unknown enum value',
          session,
          check: (parsed) => {
            const label = path === 'status' ? statusLabel(parsed.status) : channelLabel(parsed.channel.type);
            assert.equal(label, unknown, `${path} ${unknown} is labelled as sent`);
            assert.ok(renderAll(parsed).includes(`${unknown} · `) || renderAll(parsed).includes(` · ${unknown}`), `${path} ${unknown} in the page summary`);
          },
        });
      }
    }
    const allNull = fullRawSession({ id: sessionIdFor('null:everything') });
    for (const path of [...NULLABLE_PATHS].reverse()) setPath(allNull, path, null);
    for (const path of REQUIRED_PATHS.slice(0, 2)) setPath(allNull, path, null);
    sent.push({ fault: 'null in a nullable field', session: allNull, check: (parsed) => assert.equal(sessionLabel(parsed), `Session ${allNull.id.slice(0, 8)}`) });

    const standIn = await startStandIn({ sessions: sent.map(({ session }) => session), pageSize: 100, rateLimit: 0 });
    const model = modelWith(clientFor(standIn), 'none');
    try {
      const children = await model.children();
      const shown = sessionsOf(children);
      assert.deepEqual(shown.map((node) => node.session.id), sent.map(({ session }) => session.id), 'every session, in order');
      assert.equal(noticeOf(children, 'unreadable'), undefined, 'none counted unreadable');
      for (const [index, { fault, session, check }] of sent.entries()) {
        await survives(fault, () => {
          const parsed = shown[index]!.session;
          assert.deepEqual(parsed.raw, session, 'the JSON view gets exactly what was sent');
          check(parsed);
          assert.equal(typeof renderAll(parsed), 'string');
        });
      }
    } finally {
      model.dispose();
      await standIn.close();
    }
  });

  test('history events with null at every level still render, none dropped', () => {
    const events = [
      null,
      { id: null, created_at: null, event: null },
      { id: 'e1', created_at: null, event: { type: null, sender: null, content: null, attachments: null, context: null } },
      { id: 'e2', created_at: 'not a date', event: { type: 'handoff', sender: { type: null, name: null }, content: { type: null, text: null }, attachments: [null, { id: null, name: null, size: null, type: null, url: null }] } },
      { id: 3, created_at: '2026-11-01T10:00:00Z', event: { type: 'unheard_of_event', sender: { type: 'robot', name: 'R2' }, content: { type: 'rich', text: 'hi' } } },
    ];
    const page = parseHistoryPage({ items: events, next: null });
    survivesSync('null in history events', () => {
      assert.equal(page.items.length, 4, 'every object is an event, whatever it lacks');
      assert.equal(page.unreadable, 1, 'only the null item is unreadable');
      const session = parseSession(fullRawSession());
      const html = renderSessionPage(
        { session, refreshing: false, error: undefined, history: { events: page.items, loaded: true, hasOlder: false, busy: false, unreadable: page.unreadable, error: undefined } },
        { nonce: 'bm9uY2U=', script: '/* session.js */', style: '/* session.css */', lang: 'en' },
      );
      assert.equal(html.match(/<li class="event"/g)?.length, 4);
      assert.ok(html.includes('data-sender="robot"'));
      assert.ok(html.includes('1 event could not be read.'));
    });
  });
});
