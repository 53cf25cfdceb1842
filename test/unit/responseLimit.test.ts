import * as assert from 'node:assert/strict';
import { MAX_RESPONSE_BYTES, readLimitedText, refuseDeclaredExcess, ResponseTooLargeError } from '../../src/api/responseLimit';

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

  test('a body up to the limit is read unchanged', async () => {
    const { body } = chunked([40, 60]);
    assert.equal(await readLimitedText(new Response(body), 100), ' '.repeat(100));
  });

  test('text is read as UTF-8, also where a character spans two chunks', async () => {
    const bytes = new TextEncoder().encode('{"name":"Zoë 👋"}');
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(sent, sent + 3));
        sent += 3;
      },
    });
    assert.equal(await readLimitedText(new Response(body)), '{"name":"Zoë 👋"}');
  });

  test('a body past the limit fails while it streams, and the rest is not read', async () => {
    const source = chunked([60, 60, 60, 60, 60]);
    await assert.rejects(readLimitedText(new Response(source.body), 100), ResponseTooLargeError);
    assert.ok(source.pulled() <= 3, `${source.pulled()} chunks read`);
    assert.ok(source.cancelled(), 'the source was cancelled');
  });

  test('a Content-Length past the limit fails before anything is read', async () => {
    const source = chunked([10]);
    const response = new Response(source.body, { headers: { 'content-length': '101' } });
    assert.throws(() => refuseDeclaredExcess(response, 100), ResponseTooLargeError);
    assert.equal(source.pulled(), 0);
    assert.ok(source.cancelled(), 'the source was cancelled');
    const again = chunked([10]);
    await assert.rejects(readLimitedText(new Response(again.body, { headers: { 'content-length': '101' } }), 100), ResponseTooLargeError);
    assert.equal(again.pulled(), 0);
  });

  test('a Content-Length that understates the body does not get it past the limit', async () => {
    const { body } = chunked([80, 80]);
    await assert.rejects(readLimitedText(new Response(body, { headers: { 'content-length': '10' } }), 100), ResponseTooLargeError);
  });

  test('a response without a body reads as empty text', async () => {
    assert.equal(await readLimitedText(new Response(null, { status: 204 }), 100), '');
  });
});
