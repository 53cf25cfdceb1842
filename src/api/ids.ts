// Session ids are UUIDs (the reference's pattern also admits the all-zero and all-f UUIDs).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads a pasted session id: surrounding space, quotes and braces are tolerated, the id is
 * lower-cased. Returns undefined when it is not a UUID.
 */
export function parseSessionId(text: string): string | undefined {
  const candidate = text.trim().replace(/^["'{<\s]+|["'}>\s]+$/g, '');
  return UUID.test(candidate) ? candidate.toLowerCase() : undefined;
}
