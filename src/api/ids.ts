// What a session id is, in one place: a UUID. The schemas hold the server's ids to it, the
// commands, links and chat tools read the ids people paste or type with it.

// The reference's pattern also admits the all-zero and all-f UUIDs.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `text` is exactly a session id, nothing around it; upper case is one too. */
export function isSessionId(text: string): boolean {
  return UUID.test(text);
}

/**
 * Reads a pasted session id: surrounding space, quotes and braces are tolerated, the id is
 * lower-cased. Returns undefined when it is not a UUID.
 */
export function parseSessionId(text: string): string | undefined {
  const candidate = text.trim().replace(/^["'{<\s]+|["'}>\s]+$/g, '');
  return isSessionId(candidate) ? candidate.toLowerCase() : undefined;
}
