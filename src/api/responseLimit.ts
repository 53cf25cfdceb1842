// A cap on one response body. A page of sessions is a few hundred kilobytes; a server or proxy that
// streams without end, or announces gigabytes, must not make the extension buffer it all.

/** The most of one response body that is read. */
export const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

/** The body went past the limit; reading it stopped there. */
export class ResponseTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the response body is larger than ${maxBytes} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

/**
 * `response` with a body that fails with ResponseTooLargeError, and stops the transfer, as soon as
 * more than `maxBytes` arrived. Throws at once when Content-Length already says so. Bytes are
 * counted as they are read, after decompression, so neither a missing or wrong Content-Length nor
 * a compressed body gets past the limit.
 */
export function limitResponseBody(response: Response, maxBytes = MAX_RESPONSE_BYTES): Response {
  const body = response.body;
  if (!body) return response;
  if (Number(response.headers.get('content-length')) > maxBytes) {
    void body.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(maxBytes);
  }
  let received = 0;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        // Erroring the stream also cancels the source, which closes the connection.
        if (received > maxBytes) controller.error(new ResponseTooLargeError(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
}
