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

/** Throws ResponseTooLargeError, and stops the transfer, when Content-Length already says too much. */
export function refuseDeclaredExcess(response: Response, maxBytes = MAX_RESPONSE_BYTES): void {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(maxBytes);
  }
}

/**
 * The body as text (UTF-8, as Response.text() reads it). Fails with ResponseTooLargeError, and
 * stops the transfer, as soon as more than `maxBytes` arrived: bytes are counted as they are read,
 * after decompression, so neither a missing or wrong Content-Length nor a compressed body gets past
 * the limit. Read chunk by chunk rather than piped through a TransformStream, whose stream
 * machinery is slow to start the first time it runs in an extension host: on the first page a user
 * opens after starting VS Code.
 */
export async function readLimitedText(response: Response, maxBytes = MAX_RESPONSE_BYTES): Promise<string> {
  refuseDeclaredExcess(response, maxBytes);
  const body = response.body;
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > maxBytes) {
      // Cancelling the source closes the connection.
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}
