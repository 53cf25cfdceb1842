// Items of a response exactly as the server sent them: the one way to exact JSON for the views and
// the commands (the session page, the read-only JSON document, Copy Session JSON). The client
// keeps each item's text (sentJson.ts); jsonTree.ts reads and prints it.
//
// Reading every item losslessly would slow down every page load for the few items anyone opens,
// so an item's exact form is worked out the first time it is asked for, and kept.
import { countDuplicateKeys, formatExactJson, nodeOfValue, parseExactJson, type JsonNode } from './jsonTree';
import { sentItemOf, type SentItem } from './sentJson';

export { formatExactJson, MAX_INDENTED_DEPTH, type JsonEntry, type JsonNode } from './jsonTree';

export interface ExactJson {
  /** The item as a tree: numbers as written, entries in the order sent, repeated keys flagged. */
  readonly node: JsonNode;
  /** The item as pretty JSON (2-space indent) with numbers, key order and repeated keys as sent. */
  readonly pretty: string;
  /** Entries whose key repeats an earlier key of the same object, anywhere in the item. */
  readonly duplicateKeys: number;
  /**
   * False when the text the item came from is not known (an item made in code, or restored from
   * saved state): then the tree is built from the parsed object and shows what JSON.parse kept.
   */
  readonly asSent: boolean;
}

/** Each item's exact form, once worked out; copies of an item share its text, and so this. */
const exactForms = new WeakMap<SentItem, ExactJson>();

function describe(node: JsonNode, asSent: boolean): ExactJson {
  return { node, pretty: formatExactJson(node), duplicateKeys: countDuplicateKeys(node), asSent };
}

/**
 * An item (Session, HistoryEvent) exactly as the server sent it. The first call for an item reads
 * its text; later calls return the same result.
 */
export function exactJsonOf(item: { readonly raw: object }): ExactJson {
  const sent = sentItemOf(item);
  if (!sent) return describe(nodeOfValue(item.raw), false);
  let exact = exactForms.get(sent);
  if (exact) return exact;
  try {
    exact = describe(parseExactJson(sent.text), true);
  } catch {
    // The text and the parsed object disagree (it cannot happen for text JSON.parse accepted):
    // showing what JSON.parse kept beats showing nothing.
    exact = describe(nodeOfValue(item.raw), false);
  }
  exactForms.set(sent, exact);
  return exact;
}
