// No ApiError holds the request behind it: not the token, however the error is printed, and no
// cause that could carry it.
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { OpenCxClient, type ClientOptions } from '../../src/api/client';
import type { ApiError } from '../../src/api/errors';
import { startStandIn } from '../server/server';
import { rejectsWith } from './clientHarness';
import { closedPort } from './closedPort';

suite('errors keep no request behind them', () => {
  test('an ApiError inspected in full (as a logger would) does not contain the token', async () => {
    const standIn = await startStandIn({ count: 10, rateLimit: 0 });
    try {
      const token = 'sk-live-inspect-me-not-0123456789';
      const client = new OpenCxClient({ baseUrl: standIn.url, token, retryLimit: 0, timeoutMs: 300 });
      const unauthorized = await rejectsWith(client.listSessions({}), 'unauthorized');
      standIn.setFaults({ hang: true });
      const timeout = await rejectsWith(new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 0, timeoutMs: 300 }).listSessions({}), 'timeout');
      assert.ok(!inspect(unauthorized, { depth: 10 }).includes(token));
      assert.ok(!inspect(timeout, { depth: 10 }).includes(standIn.token));
    } finally {
      await standIn.close();
    }
  });

  test('a token no HTTP header can carry is a configuration error that names the problem, never a network error', async () => {
    const standIn = await startStandIn({ count: 10, rateLimit: 0 });
    try {
      const secret = 'ocx_live_7f3a9c2e5b1d4f60';
      for (const [token, problem] of [
        [`${secret.slice(0, 11)}\u200b${secret.slice(11)}`, /invisible character \(U\+200B ZERO WIDTH SPACE\) at position 12/],
        [`${secret.slice(0, 9)}\n${secret.slice(9)}`, /line break at position 10/],
        [`${secret}\r\nX-Injected: 1`, /line break/],
        [`${secret}\u00e9`, /not plain ASCII \(U\+00E9\)/],
        [`${secret} ${secret}`, /a space at position/],
        ['\u0000', /control character/],
      ] as const) {
        const error = await rejectsWith(
          (async () => new OpenCxClient({ baseUrl: standIn.url, token, retryLimit: 0, timeoutMs: 300 }).listSessions({}))(),
          'configuration',
        );
        assert.match(error.message, problem);
        assert.match(error.message, /Paste the key again/);
        assertHoldsNoToken(error, token);
      }
      assert.equal(standIn.requests.length, 0, 'nothing was sent');
    } finally {
      await standIn.close();
    }
  });

  test('no error keeps a cause that could hold the request: network, cancelled and timeout errors carry at most a code', async () => {
    const token = 'ocx_live_no-cause-may-hold-me-0123';
    const standIn = await startStandIn({ count: 10, rateLimit: 0, token });
    const port = await closedPort();
    try {
      const client = (options: Partial<ClientOptions> = {}) => new OpenCxClient({ baseUrl: standIn.url, token, retryLimit: 0, timeoutMs: 300, ...options });
      const refused = await rejectsWith(client({ baseUrl: `http://127.0.0.1:${port}` }).listSessions({}), 'network');
      assert.equal(refused.code, 'ECONNREFUSED');
      const aborted = new AbortController();
      aborted.abort(new Error(`stopped while sending ${token}`));
      const cancelled = await rejectsWith(client().listSessions({}, undefined, aborted.signal), 'cancelled');
      const inFlight = new AbortController();
      standIn.setFaults({ hang: true });
      const pending = client({ timeoutMs: 5_000 }).listSessions({}, undefined, inFlight.signal);
      setTimeout(() => inFlight.abort(), 50);
      const cancelledInFlight = await rejectsWith(pending, 'cancelled');
      const timeout = await rejectsWith(client().listSessions({}), 'timeout');
      for (const error of [refused, cancelled, cancelledInFlight, timeout]) {
        assert.equal(error.cause, undefined, `${error.kind} keeps no cause`);
        assertHoldsNoToken(error, token);
      }
    } finally {
      await standIn.close();
    }
  });
});

/** Neither the error nor anything reachable from it (causes, fields) shows the token, however it is printed. */
function assertHoldsNoToken(error: ApiError, token: string): void {
  const printed = [inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error), String(error), error.stack ?? ''];
  for (let cause: unknown = error.cause; cause !== undefined && cause !== null; cause = (cause as { cause?: unknown }).cause) {
    printed.push(inspect(cause, { depth: Infinity, showHidden: true }));
    if (typeof cause !== 'object') break;
  }
  // A token cut at a line break or an invisible character is still a leak: look for each piece.
  const pieces = token.split(/[^\x21-\x7e]+/).filter((piece) => piece.length >= 6);
  for (const text of printed) {
    for (const piece of pieces) assert.ok(!text.includes(piece), `${error.kind}: ${piece} found in ${text.slice(0, 400)}`);
  }
}
