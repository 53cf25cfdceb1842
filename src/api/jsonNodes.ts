// The nodes of a JSON value read as a tree (jsonTree.ts): numbers keep the text they were sent as,
// objects every entry in the order sent.

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
