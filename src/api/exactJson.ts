// Items of a response exactly as the server sent them: the one way to exact JSON for the views and
// the commands (the session page, the read-only JSON document, Copy Session JSON). The client
// keeps each response's text (sentJson.ts); jsonTree.ts reads and prints it.
//
// Reading every page losslessly would slow down every page load for the few items anyone opens,
// so an item's exact form is worked out the first time it is asked for: the page is scanned for
// where its items lie, only the item's part is parsed, and the result is kept.
import { countDuplicateKeys, formatExactJson, locateArrayItems, nodeOfValue, parseExactJson, type JsonNode } from './jsonTree';
import { sentItemOf, WHOLE_BODY, type SentItem, type SentJson } from './sentJson';

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

/** Start and end offsets of each body's `items`, found when one of its items is first asked for. */
const itemSpans = new WeakMap<SentJson, Int32Array>();
/** Each item's exact form, once worked out; copies of an item share its place, and so this. */
const exactForms = new WeakMap<SentItem, ExactJson>();

/** The node of the element `index` of the body's `items`, or of the whole body for WHOLE_BODY. */
function itemNode(body: SentJson, index: number): JsonNode {
  if (index === WHOLE_BODY) return parseExactJson(body.text);
  let spans = itemSpans.get(body);
  if (!spans) {
    spans = locateArrayItems(body.text, 'items') ?? new Int32Array(0);
    itemSpans.set(body, spans);
  }
  const start = spans[2 * index];
  const end = spans[2 * index + 1];
  if (start === undefined || end === undefined) throw new RangeError(`the body has no item ${index}`);
  return parseExactJson(body.text, start, end);
}

function describe(node: JsonNode, asSent: boolean): ExactJson {
  return { node, pretty: formatExactJson(node), duplicateKeys: countDuplicateKeys(node), asSent };
}

/**
 * An item (Session, HistoryEvent) exactly as the server sent it. The first call for an item reads
 * its part of the page; later calls return the same result.
 */
export function exactJsonOf(item: { readonly raw: object }): ExactJson {
  const sent = sentItemOf(item);
  if (!sent) return describe(nodeOfValue(item.raw), false);
  let exact = exactForms.get(sent);
  if (exact) return exact;
  try {
    exact = describe(itemNode(sent.body, sent.index), true);
  } catch {
    // The text and the parsed object disagree (it cannot happen for text JSON.parse accepted):
    // showing what JSON.parse kept beats showing nothing.
    exact = describe(nodeOfValue(item.raw), false);
  }
  exactForms.set(sent, exact);
  return exact;
}
