// What the API client suites share: the stand-in they start, a client for it, and a check that
// a request fails with a given kind of ApiError.
import * as assert from 'node:assert/strict';
import { OpenCxClient, type ClientOptions } from '../../src/api/client';
import { ApiError, type ApiErrorKind } from '../../src/api/errors';
import { startStandIn, type StandIn, type StandInOptions } from '../server/server';

/** Several pages of every status and channel, no rate limit: the client suites' stand-in. */
export const CLIENT_STAND_IN: StandInOptions = { count: 600, seed: 7, anchor: new Date('2026-11-01T12:00:00Z'), pageSize: 25, rateLimit: 0 };

/**
 * Starts the client suites' stand-in around the calling suite and resets it before each test;
 * `adopt` receives it once started. Returns a client for it (clientFor's defaults).
 */
export function useClientStandIn(adopt: (standIn: StandIn) => void): (options?: Partial<ClientOptions>) => OpenCxClient {
  let started: StandIn | undefined;
  suiteSetup(async () => {
    started = await startStandIn(CLIENT_STAND_IN);
    adopt(started);
  });
  suiteTeardown(() => started?.close());
  setup(() => started?.reset());
  return (options = {}) => {
    if (!started) throw new Error('the stand-in starts in suiteSetup');
    return clientFor(started, options);
  };
}

/** A client for `standIn` with a short timeout and two retries, unless `options` say otherwise. */
export function clientFor(standIn: StandIn, options: Partial<ClientOptions> = {}): OpenCxClient {
  return new OpenCxClient({ baseUrl: standIn.url, token: standIn.token, retryLimit: 2, timeoutMs: 2_000, ...options });
}

export async function rejectsWith(promise: Promise<unknown>, kind: ApiErrorKind): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    return error;
  }
  assert.fail(`expected a ${kind} error`);
}
