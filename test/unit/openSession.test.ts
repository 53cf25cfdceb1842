import * as assert from 'node:assert/strict';
import { OpenCxClient } from '../../src/api/client';
import { ApiError } from '../../src/api/errors';
import type { Session } from '../../src/api/schemas';
import { OpenSession } from '../../src/model/history/openSession';
import { generateSessions } from '../server/data';
import { startStandIn, type StandIn } from '../server/server';

class NoToken extends Error {}

suite('an open session: the session and its history as a panel loads them, from the stand-in over HTTP', function () {
  this.timeout(20_000);
  let standIn: StandIn;
  let signedIn: boolean;
  const reader = async () => {
    if (!signedIn) throw new NoToken();
    return new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 0, maxRetryWaitMs: 0 });
  };
  const needsToken = (error: unknown) => error instanceof NoToken || (error instanceof ApiError && error.needsToken);
  const paths = () => standIn.requests.map((request) => request.path);

  suiteSetup(async () => {
    standIn = await startStandIn({ sessions: generateSessions({ count: 30, seed: 3 }), rateLimit: 0 });
  });
  suiteTeardown(() => standIn.close());
  setup(() => {
    standIn.reset();
    standIn.clearFaults();
    standIn.requests.length = 0;
    signedIn = true;
  });

  /** An open session of the stand-in's first session, with what it told its listener. */
  function open(session: Session | undefined) {
    const told = { changes: 0, received: [] as Session[] };
    let settle: (() => void) | undefined;
    const opened = new OpenSession(standIn.sessions[0]!.id, session, reader, {
      changed: () => {
        told.changes++;
        settle?.();
      },
      received: (received) => told.received.push(received),
    });
    /** Resolves once nothing is loading any more. */
    const settled = async () => {
      while (opened.state.refreshing || opened.state.history.busy) await new Promise<void>((resolve) => (settle = resolve));
    };
    return { opened, told, settled };
  }

  async function fetched(): Promise<Session> {
    return new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 0 }).getSession(standIn.sessions[0]!.id);
  }

  test('with a session: only the history is read, and changes made together are told once', async () => {
    const session = await fetched();
    standIn.requests.length = 0;
    const { opened, told, settled } = open(session);
    opened.open();
    opened.highlight('e1');
    assert.equal(told.changes, 0, 'told after the turn, not during it');
    await Promise.resolve();
    assert.equal(told.changes, 1, 'the history starting to load and the highlight: one change');
    await settled();
    const id = standIn.sessions[0]!.id;
    assert.deepEqual(paths(), [`/chat/sessions/${id}/history`]);
    assert.ok(opened.state.history.events.length > 0);
    assert.deepEqual(opened.state.highlight, { eventId: 'e1', reveal: '1' });
    assert.deepEqual(told.received, [], 'the session handed over is not news');
  });

  test('what an export takes: the session, and its history once loaded, as shown; nothing before the session', async () => {
    const { opened: restored } = open(undefined);
    assert.equal(restored.shown, undefined, 'no session yet');
    restored.close();
    const session = await fetched();
    const { opened, settled } = open(session);
    opened.open();
    assert.deepEqual(opened.shown, { session, history: undefined }, 'the history is loading');
    await settled();
    assert.equal(opened.shown?.session, session);
    assert.equal(opened.shown?.history, opened.state.history.events);
  });

  test('restored without a session: the session and its history are fetched, and the session is told', async () => {
    const { opened, told, settled } = open(undefined);
    opened.open();
    assert.equal(opened.state.refreshing, true);
    await settled();
    assert.equal(opened.state.session?.id, standIn.sessions[0]!.id);
    assert.deepEqual(told.received.map((session) => session.id), [standIn.sessions[0]!.id]);
    assert.equal(paths().length, 2);
  });

  test('signed out: the errors are kept; once signed in, retrying what needs a token loads both', async () => {
    signedIn = false;
    const { opened, settled } = open(undefined);
    opened.open();
    await settled();
    assert.ok(opened.state.error instanceof NoToken);
    assert.ok(opened.state.history.error instanceof NoToken);
    assert.deepEqual(paths(), [], 'nothing asked without a token');

    signedIn = true;
    opened.retryWhere(needsToken);
    await settled();
    assert.equal(opened.state.error, undefined);
    assert.equal(opened.state.history.error, undefined);
    assert.ok(opened.state.session && opened.state.history.loaded);
  });

  test('two key changes in a row (the account list and the active account tell of one key) ask once', async () => {
    signedIn = false;
    const { opened, settled } = open(undefined);
    opened.open();
    await settled();
    signedIn = true;
    standIn.setFaults({ latencyMs: 200 });
    opened.retryWhere(needsToken);
    await new Promise((resolve) => setTimeout(resolve, 50));
    opened.retryWhere(needsToken);
    await settled();
    assert.ok(opened.state.session && opened.state.history.loaded);
    assert.deepEqual(paths().sort(), [`/chat/sessions/${standIn.sessions[0]!.id}`, `/chat/sessions/${standIn.sessions[0]!.id}/history`], 'one request each');
  });

  test('an error no token fixes is not retried by a token change', async () => {
    standIn.setFaults({ status: 500, path: `/chat/sessions/${standIn.sessions[0]!.id}` });
    const { opened, settled } = open(undefined);
    opened.open();
    await settled();
    assert.ok(opened.state.error instanceof ApiError);
    const asked = standIn.requests.length;
    opened.retryWhere(needsToken);
    await settled();
    assert.equal(standIn.requests.length, asked);
  });

  test('a session handed over to a restored panel that failed ends its error and retries its history', async () => {
    const session = await fetched();
    standIn.requests.length = 0;
    standIn.setFaults({ status: 403, path: `/chat/sessions/${session.id}`, times: 2 });
    const { opened, told, settled } = open(undefined);
    opened.open();
    await settled();
    assert.ok(opened.state.error !== undefined && opened.state.history.error !== undefined);
    opened.replace(session);
    assert.equal(opened.state.error, undefined);
    assert.equal(opened.state.session, session);
    assert.deepEqual(told.received, [session]);
    await settled();
    assert.equal(opened.state.history.error, undefined, 'the history was read again');
    assert.ok(opened.state.history.loaded);
  });

  test('closed: requests in flight are dropped and nothing is told any more', async () => {
    const session = await fetched();
    standIn.setFaults({ latencyMs: 200 });
    const { opened, told } = open(undefined);
    opened.open();
    opened.close();
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(told.changes, 0);
    assert.equal(opened.state.session, undefined, 'the answer was dropped');
    opened.replace(session);
    opened.highlight('e1');
    await Promise.resolve();
    assert.deepEqual(told, { changes: 0, received: [] });
  });
});
