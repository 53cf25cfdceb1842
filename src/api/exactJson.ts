// Items of a response exactly as the server sent them: the one way to exact JSON for the views and
// the commands (the session page, the read-only JSON document, Copy Session JSON). The text of a
// response is kept beside the objects JSON.parse made of it; jsonTree.ts reads and prints it.
//
// Reading every page losslessly would slow down every page load for the few items anyone opens,
// so a page keeps its body text (one string, shared by all of its items) and an item's exact form
// is worked out the first time it is asked for: the page is scanned for where the item lies, only
// that part is parsed, and the result is kept with the item.
//
// An item points to its page under a symbol key: copies such as `{ ...session }` keep it, while
// JSON.stringify and structured cloning (webview messages, saved state) leave it out, so they never
// drag the page text along. A WeakMap keyed by the item would do the same at three to four times
// the cost (0.2–0.4 µs an item against under 0.1 µs), paid for every item of every page loaded.
import { countDuplicateKeys, formatExactJson, locateArrayItems, nodeOfValue, parseExactJson, type JsonNode } from './jsonTree';

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

/** The body is the item itself (GET /chat/sessions/{id}) rather than one of its `items`. */
const WHOLE_BODY = -1;

interface SentItem {
  readonly body: SentJson;
  readonly index: number;
  exact?: ExactJson;
}

const SENT = Symbol('sent JSON');

type Remembered = { [SENT]?: SentItem };

/** One response body's text. Only for text JSON.parse accepted. */
export class SentJson {
  /** Start and end offsets of the body's `items`, found when an item is first asked for. */
  private itemSpans: Int32Array | undefined;

  constructor(readonly text: string) {}

  /** Records that `item` was parsed from the element `index` of this body's `items`. */
  rememberItem(item: object, index: number): void {
    (item as Remembered)[SENT] = { body: this, index };
  }

  /** Records that `item` was parsed from the whole body. */
  rememberBody(item: object): void {
    (item as Remembered)[SENT] = { body: this, index: WHOLE_BODY };
  }

  /** The node of the element `index` of `items`, or of the whole body for WHOLE_BODY. */
  itemNode(index: number): JsonNode {
    if (index === WHOLE_BODY) return parseExactJson(this.text);
    this.itemSpans ??= locateArrayItems(this.text, 'items') ?? new Int32Array(0);
    const start = this.itemSpans[2 * index];
    const end = this.itemSpans[2 * index + 1];
    if (start === undefined || end === undefined) throw new RangeError(`the body has no item ${index}`);
    return parseExactJson(this.text, start, end);
  }
}

function describe(node: JsonNode, asSent: boolean): ExactJson {
  return { node, pretty: formatExactJson(node), duplicateKeys: countDuplicateKeys(node), asSent };
}

/**
 * An item (Session, HistoryEvent) exactly as the server sent it. The first call for an item reads
 * its part of the page; later calls return the same result.
 */
export function exactJsonOf(item: { readonly raw: object }): ExactJson {
  const sent = (item as Remembered)[SENT];
  if (!sent) return describe(nodeOfValue(item.raw), false);
  try {
    sent.exact ??= describe(sent.body.itemNode(sent.index), true);
  } catch {
    // The text and the parsed object disagree (it cannot happen for text JSON.parse accepted):
    // showing what JSON.parse kept beats showing nothing.
    sent.exact = describe(nodeOfValue(item.raw), false);
  }
  return sent.exact;
}
