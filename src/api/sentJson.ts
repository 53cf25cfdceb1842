// The JSON text of a response as the server sent it, kept beside the objects JSON.parse made of
// it, so that the JSON view and the copy commands can show an item exactly as sent (exactJson.ts
// reads it, the first time an item is asked for; the parts that do are loaded on first use, so
// nothing here reads JSON).
//
// A page keeps its body text (one string, shared by all of its items). An item points to its page
// under a symbol key: copies such as `{ ...session }` keep it, while JSON.stringify and structured
// cloning (webview messages, saved state) leave it out, so they never drag the page text along. A
// WeakMap keyed by the item would do the same at several times the cost, paid for every item of
// every page loaded.

/** The body is the item itself (GET /chat/sessions/{id}) rather than one of its `items`. */
export const WHOLE_BODY = -1;

/** Where an item was read from: its response's text, and its index in `items` (or WHOLE_BODY). */
export interface SentItem {
  readonly body: SentJson;
  readonly index: number;
}

/**
 * A registered symbol: the core's client marks the items, while the parts loaded on first use
 * (esbuild.js), each with its own copy of this module, read the marks.
 */
const SENT = Symbol.for('opencx.sentJson');

type Remembered = { [SENT]?: SentItem };

/** One response body's text. Only for text JSON.parse accepted. */
export class SentJson {
  constructor(readonly text: string) {}

  /** Records that `item` was parsed from the element `index` of this body's `items`. */
  rememberItem(item: object, index: number): void {
    (item as Remembered)[SENT] = { body: this, index };
  }

  /** Records that `item` was parsed from the whole body. */
  rememberBody(item: object): void {
    (item as Remembered)[SENT] = { body: this, index: WHOLE_BODY };
  }
}

/** Where `item` was read from; nothing for an item made in code or restored from saved state. */
export function sentItemOf(item: object): SentItem | undefined {
  return (item as Remembered)[SENT];
}
