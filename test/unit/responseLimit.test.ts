import * as assert from 'node:assert/strict';
import { limitResponseBody, MAX_RESPONSE_BYTES, ResponseTooLargeError } from '../../src/api/responseLimit';

/** A body of `sizes` chunks, counting how many of them were pulled. */
function chunked(sizes: number[]): { body: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let next = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next === sizes.length) return controller.close();
      controller.enqueue(new Uint8Array(sizes[next++]!).fill(0x20));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, pulled: () => next, cancelled: () => cancelled };
}

suite('response body limit', () => {
  test('20 MB', () => {
    assert.equal(MAX_RESPONSE_BYTES, 20 * 1024 * 1024);
  });

  test('a body up to the limit is read unchanged, with status and headers', async () => {
    const { body } = chunked([40, 60]);
    const limited = limitResponseBody(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }), 100);
    assert.equal(limited.status, 200);
    assert.equal(limited.headers.get('content-type'), 'application/json');
    assert.equal((await limited.text()).length, 100);
  });

  test('a body past the limit fails while it streams, and the rest is not read', async () => {
    const source = chunked([60, 60, 60, 60, 60]);
    const limited = limitResponseBody(new Response(source.body), 100);
    await assert.rejects(limited.text(), ResponseTooLargeError);
    assert.ok(source.pulled() <= 3, `${source.pulled()} chunks read`);
    assert.ok(source.cancelled(), 'the source was cancelled');
  });

  test('a Content-Length past the limit fails before anything is read', () => {
    const source = chunked([10]);
    const response = new Response(source.body, { headers: { 'content-length': '101' } });
    assert.throws(() => limitResponseBody(response, 100), ResponseTooLargeError);
    assert.equal(source.pulled(), 0);
  });

  test('a Content-Length that understates the body does not get it past the limit', async () => {
    const { body } = chunked([80, 80]);
    const limited = limitResponseBody(new Response(body, { headers: { 'content-length': '10' } }), 100);
    await assert.rejects(limited.text(), ResponseTooLargeError);
  });

  test('a response without a body is returned as it is', () => {
    const response = new Response(null, { status: 204 });
    assert.equal(limitResponseBody(response, 100), response);
  });
});
