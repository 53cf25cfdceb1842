// Fault suite, the API token in errors: whatever fails, and whatever the server echoes, no piece
// of the token is in any text an error carries; a token no header can carry is never sent.
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { OpenCxClient, type ClientOptions } from '../../src/api/client';
import { ApiError, type ApiErrorKind } from '../../src/api/errors';
import { SessionTreeModel } from '../../src/model/tree/sessionTree';
import { startStandIn, type Faults, type StandIn } from '../server/server';
import { closedPort } from './closedPort';
import { survives } from './faultReport';
import { noticeOf, SMALL } from './faultTree';

suite('fault suite: the token in error messages', function () {
  this.timeout(20_000);
  const TOKEN = 'sk_live_7f3a9c2e5b1d4f60a8c3e9b2';
  let standIn: StandIn;

  /** Every text an error carries: its message, the server's words, its JSON, and the messages of its causes. */
  function textsOf(error: ApiError): string[] {
    const texts = [error.message, error.serverMessage ?? '', String(error), JSON.stringify(error)];
    for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) texts.push(cause.message);
    return texts;
  }

  /** Every 8-character piece of the token: a token cut off is still a leak. */
  const piecesOf = (token: string) => Array.from({ length: token.length - 7 }, (_, index) => token.slice(index, index + 8));

  async function failure(request: Promise<unknown>): Promise<ApiError> {
    try {
      await request;
    } catch (error) {
      assert.ok(error instanceof ApiError, String(error));
      return error;
    }
    assert.fail('the request succeeded');
  }

  suiteSetup(async () => {
    standIn = await startStandIn({ ...SMALL, token: TOKEN });
  });
  suiteTeardown(() => standIn.close());
  setup(() => standIn.reset());

  test('every kind of error keeps the token out of every text it carries, even when the server echoes it', async () => {
    const client = (options: Partial<ClientOptions> = {}) => new OpenCxClient({ baseUrl: standIn.url, token: TOKEN, retryLimit: 0, timeoutMs: 300, maxRetryWaitMs: 1_000, ...options });
    const echo = `the key ${TOKEN} (that is: ${TOKEN}) was refused`;
    const port = await closedPort();
    const aborted = new AbortController();
    aborted.abort();
    const cases: { kind: ApiErrorKind; faults?: Faults; request: () => Promise<unknown>; echoed?: boolean }[] = [
      { kind: 'badRequest', faults: { status: 400, message: echo }, request: () => client().listSessions({}), echoed: true },
      { kind: 'unauthorized', faults: { status: 401, message: echo }, request: () => client().listSessions({}), echoed: true },
      { kind: 'forbidden', faults: { status: 403, message: echo }, request: () => client().listHistory('x'), echoed: true },
      { kind: 'notFound', faults: { status: 404, message: echo }, request: () => client().getSession('x'), echoed: true },
      { kind: 'rateLimited', faults: { status: 429, retryAfterSeconds: 60, message: echo }, request: () => client().listSessions({}), echoed: true },
      ...[500, 502, 503, 504].map((status) => ({ kind: 'server' as const, faults: { status, message: echo }, request: () => client().listSessions({}), echoed: true })),
      { kind: 'timeout', faults: { hang: true }, request: () => client().listSessions({}) },
      { kind: 'invalidResponse', faults: { body: 'html' }, request: () => client().listSessions({}) },
      { kind: 'invalidResponse', faults: { body: 'missingItems' }, request: () => client().listSessions({}) },
      { kind: 'network', request: () => client({ baseUrl: `http://127.0.0.1:${port}` }).listSessions({}) },
      { kind: 'cancelled', request: () => client().listSessions({}, undefined, aborted.signal) },
    ];
    for (const { kind, faults, request, echoed } of cases) {
      await survives(`token kept out of errors: ${kind}`, async () => {
        standIn.reset();
        if (faults) standIn.setFaults(faults);
        const error = await failure(request());
        assert.equal(error.kind, kind);
        for (const text of textsOf(error)) {
          assert.deepEqual(piecesOf(TOKEN).filter((piece) => text.includes(piece)), [], `${kind}: ${text}`);
        }
        // The server's words are kept, with the token masked: the check above saw the echo.
        if (echoed) assert.match(error.message, /«token»/, `${kind} shows the server message`);
      });
    }
  });

  test('a pasted token no header can carry (invisible character, line break, non-ASCII): a configuration error item, nothing sent, no piece of it anywhere', async () => {
    const pasted = [
      `${TOKEN.slice(0, 11)}\u200b${TOKEN.slice(11)}`,
      `${TOKEN.slice(0, 8)}\n${TOKEN.slice(8)}`,
      `${TOKEN}\r\nX-Injected: 1`,
      `${TOKEN}\u2026`,
      `\u201c${TOKEN}\u201d`,
      `${TOKEN.slice(0, 5)}\u00a0${TOKEN.slice(5)}`,
      `${TOKEN.slice(0, 5)}\u0000${TOKEN.slice(5)}`,
    ];
    for (const token of pasted) {
      // As Connection does: a client for the stored token, built when the tree asks for one.
      const model = new SessionTreeModel({ client: async () => new OpenCxClient({ baseUrl: standIn.url, token, retryLimit: 2 }), grouping: 'none' });
      try {
        await survives('token no header can carry: configuration error, nothing sent', async () => {
          standIn.reset();
          const children = await model.children();
          const error = noticeOf(children, 'error')?.error;
          assert.equal(error?.kind, 'configuration', JSON.stringify(token));
          assert.match(error.message, /The API key contains .+ at position \d+/);
          assert.doesNotMatch(error.message, /Cannot reach|connection/);
          assert.equal(error.cause, undefined);
          const printed = [...textsOf(error), inspect(error, { depth: Infinity, showHidden: true })];
          for (const text of printed) {
            assert.deepEqual(piecesOf(TOKEN).filter((piece) => text.includes(piece)), [], text);
          }
          assert.equal(standIn.requests.length, 0, 'nothing was sent');
        });
      } finally {
        model.dispose();
      }
    }
  });

  test('a long server message with the token near the 300-character cut: no piece of the token in the error', async () => {
    const client = new OpenCxClient({ baseUrl: standIn.url, token: TOKEN, retryLimit: 0 });
    for (const padding of [0, 150, 275, 285, 292, 299, 320]) {
      await survives('token kept out of errors: long echo near the cut', async () => {
        standIn.setFaults({ status: 400, message: `${'x'.repeat(padding)} ${TOKEN} and more` });
        const error = await failure(client.listSessions({}));
        for (const text of textsOf(error)) {
          assert.deepEqual(piecesOf(TOKEN).filter((piece) => text.includes(piece)), [], `${padding} characters before the token: ${text.slice(-80)}`);
        }
      });
    }
  });
});
