// A JSON value as a tree that keeps what JSON.parse loses: a number keeps the text it was sent as
// (9007199254740993, 1e400, -0 and 1.0 survive), an object keeps its entries in the order sent
// (JSON.parse moves integer-like keys such as "2" to the front) and keeps every entry of a key that
// repeats (JSON.parse keeps the last), flagging the repeats. exactJsonParse.ts reads such a tree
// from text, exactJsonFormat.ts prints it. Nothing here recurses: a body nested hundreds of
// thousands of levels deep costs memory in proportion to its size, not call stack.

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

export interface JsonObject {
  readonly kind: 'object';
  /** In the order sent, repeated keys included. */
  readonly entries: readonly JsonEntry[];
}

export interface JsonEntry {
  readonly key: string;
  readonly value: JsonNode;
  /** The key repeats an earlier key of the same object: JSON.parse would have dropped the earlier one. */
  readonly duplicate: boolean;
}

export interface JsonArray {
  readonly kind: 'array';
  readonly items: readonly JsonNode[];
}

export interface JsonString {
  readonly kind: 'string';
  readonly value: string;
}

export interface JsonNumber {
  readonly kind: 'number';
  /** The number exactly as written in the JSON text, e.g. "9007199254740993", "1e400", "-0", "1.0". */
  readonly lexeme: string;
}

export interface JsonBoolean {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface JsonNull {
  readonly kind: 'null';
}

export const TRUE: JsonBoolean = { kind: 'boolean', value: true };
export const FALSE: JsonBoolean = { kind: 'boolean', value: false };
export const NULL: JsonNull = { kind: 'null' };

/** Entries flagged `duplicate` anywhere in the tree. */
export function countDuplicateKeys(root: JsonNode): number {
  let count = 0;
  const pending: JsonNode[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.kind === 'array') {
      pending.push(...node.items);
    } else if (node.kind === 'object') {
      for (const entry of node.entries) {
        if (entry.duplicate) count++;
        pending.push(entry.value);
      }
    }
  }
  return count;
}

/**
 * A node tree for a value JSON.parse produced, for when the text it came from is gone. Numbers
 * are whatever JSON.parse made of them (printed as JSON.stringify prints them, non-finite as
 * null); what JSON.stringify leaves out of objects is left out here too.
 */
export function nodeOfValue(root: unknown): JsonNode {
  const convert = (value: unknown, pending: [unknown, JsonEntry[] | JsonNode[], string | undefined][]): JsonNode => {
    if (value === null) return NULL;
    if (typeof value === 'boolean') return value ? TRUE : FALSE;
    if (typeof value === 'string') return { kind: 'string', value };
    if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', lexeme: JSON.stringify(value) } : NULL;
    if (typeof value === 'bigint') return { kind: 'number', lexeme: String(value) };
    if (Array.isArray(value)) {
      const items: JsonNode[] = [];
      // Reversed onto the stack, so that items are converted (and pushed) in order.
      for (let index = value.length - 1; index >= 0; index--) pending.push([value[index], items, undefined]);
      return { kind: 'array', items };
    }
    if (typeof value === 'object') {
      const entries: JsonEntry[] = [];
      const kept = Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol');
      for (let index = kept.length - 1; index >= 0; index--) pending.push([kept[index]![1], entries, kept[index]![0]]);
      return { kind: 'object', entries };
    }
    return NULL;
  };
  const pending: [unknown, JsonEntry[] | JsonNode[], string | undefined][] = [];
  const node = convert(root, pending);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, into, key] = next;
    const child = convert(value, pending);
    if (key === undefined) (into as JsonNode[]).push(child);
    else (into as JsonEntry[]).push({ key, value: child, duplicate: false });
  }
  return node;
}
