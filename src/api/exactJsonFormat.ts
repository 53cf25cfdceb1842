// Prints a node tree (jsonNode.ts) as pretty JSON: numbers as written, entries in the order sent,
// repeated keys included. Strings are printed the way JSON.stringify escapes them: the characters
// are exact, the escape spelling is canonical ("\u00e9" prints as "é", "\/" as "/"). The printer
// keeps its own stack instead of recursing.
import type { JsonArray, JsonBoolean, JsonNode, JsonNull, JsonNumber, JsonObject, JsonString } from './jsonNode';

/**
 * Containers nested deeper than this are printed on one line. Indenting every level would make
 * the text grow with the square of the depth: 10,000 levels would take 200 million spaces.
 */
export const MAX_INDENTED_DEPTH = 100;
const INDENT = '  ';
const LINE_STARTS = Array.from({ length: MAX_INDENTED_DEPTH + 1 }, (_, depth) => `\n${INDENT.repeat(depth)}`);

interface PrintFrame {
  readonly node: JsonObject | JsonArray;
  readonly depth: number;
  /** Index of the next entry or item to print. */
  next: number;
}

function printScalar(node: JsonString | JsonNumber | JsonBoolean | JsonNull): string {
  switch (node.kind) {
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      return node.lexeme;
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'null':
      return 'null';
  }
}

/**
 * Pretty JSON with 2-space indentation: for a tree read from JSON.parse-able text without
 * big or unusually written numbers, integer-like keys or repeated keys, the same text as
 * JSON.stringify(JSON.parse(text), null, 2). Numbers are printed as written, entries in the order
 * sent, repeated keys included (so JSON.parse of the result gives back JSON.parse of the source).
 * `rootDepth` is how deep `root` sits in a larger tree printed the same way.
 */
export function formatExactJson(root: JsonNode, rootDepth = 0): string {
  let out = '';
  const stack: PrintFrame[] = [];
  let node: JsonNode | undefined = root;
  for (;;) {
    if (node) {
      if (node.kind === 'object' || node.kind === 'array') {
        const empty = node.kind === 'object' ? node.entries.length === 0 : node.items.length === 0;
        const open = node.kind === 'object' ? '{' : '[';
        if (empty) out += node.kind === 'object' ? '{}' : '[]';
        else {
          out += open;
          stack.push({ node, depth: rootDepth + stack.length, next: 0 });
        }
      } else {
        out += printScalar(node);
      }
      node = undefined;
    }
    const frame = stack.at(-1);
    if (!frame) return out;
    const oneLine = frame.depth >= MAX_INDENTED_DEPTH;
    const parent = frame.node;
    const size = parent.kind === 'object' ? parent.entries.length : parent.items.length;
    if (frame.next < size) {
      if (frame.next > 0) out += ',';
      if (!oneLine) out += LINE_STARTS[frame.depth + 1];
      if (parent.kind === 'object') {
        const entry = parent.entries[frame.next]!;
        out += JSON.stringify(entry.key) + (oneLine ? ':' : ': ');
        node = entry.value;
      } else {
        node = parent.items[frame.next]!;
      }
      frame.next++;
    } else {
      if (!oneLine) out += LINE_STARTS[frame.depth];
      out += parent.kind === 'object' ? '}' : ']';
      stack.pop();
    }
  }
}
