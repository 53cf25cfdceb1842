// The JSON text of each item as the server sent it, kept beside the object JSON.parse made of it,
// so that the JSON view and the copy commands can show an item exactly as sent (exactJson.ts
// reads it, the first time an item is asked for; the parts that do are loaded on first use, so
// nothing here parses JSON).
//
// Each item keeps its own part of its page's text, not the page: a session kept for hours (a row,
// a mark of watching) would otherwise keep the text of every page it came from. The item points to
// its text under a symbol key: copies such as `{ ...session }` keep it, while JSON.stringify and
// structured cloning (webview messages, saved state) leave it out. A WeakMap keyed by the item
// would do the same at several times the cost, paid for every item of every page loaded.
import { locateArrayItems } from './jsonItems';

/** An item's text as sent. */
export interface SentItem {
  readonly text: string;
}

/**
 * A registered symbol: the core's client marks the items, while the parts loaded on first use
 * (esbuild.js), each with its own copy of this module, read the marks.
 */
const SENT = Symbol.for('opencx.sentJson');

type Remembered = { [SENT]?: SentItem };

/** One response body's text. Only for text JSON.parse accepted. */
export class SentJson {
  /** Where the body's `items` lie, found when the first of them is remembered. */
  private spans: Int32Array | undefined;

  constructor(readonly text: string) {}

  /**
   * Records that `item` was parsed from the element `index` of this body's `items`. An index the
   * text does not have (it cannot happen for text JSON.parse accepted) leaves the item unmarked:
   * it then shows what JSON.parse kept.
   */
  rememberItem(item: object, index: number): void {
    this.spans ??= locateArrayItems(this.text, 'items') ?? new Int32Array(0);
    const start = this.spans[2 * index];
    const end = this.spans[2 * index + 1];
    if (start !== undefined && end !== undefined) (item as Remembered)[SENT] = { text: copyOf(this.text.slice(start, end)) };
  }

  /** Records that `item` was parsed from the whole body: the body is the item's own text. */
  rememberBody(item: object): void {
    (item as Remembered)[SENT] = { text: this.text };
  }
}

/**
 * `part` in characters of its own. V8 makes a slice of a long string point into that string, so
 * the slice would keep the whole page alive. Joined to another string and sliced again, it is
 * first copied out into a new flat string (sentJson.test.ts measures the page going).
 */
function copyOf(part: string): string {
  return ` ${part}`.slice(1);
}

/** Where `item` was read from; nothing for an item made in code or restored from saved state. */
export function sentItemOf(item: object): SentItem | undefined {
  return (item as Remembered)[SENT];
}
