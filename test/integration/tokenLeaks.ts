// How the security suites look for the API token: in pieces, since a token cut off still leaks.
import * as assert from 'node:assert/strict';
import { standIn } from './helpers';

/** Every 8-character piece of the token: a cut-off token still leaks. */
function tokenPieces(): string[] {
  const token = standIn.token;
  return Array.from({ length: Math.max(1, token.length - 7) }, (_, index) => token.slice(index, index + 8));
}

export function assertNoToken(text: string, where: string): void {
  const leaked = tokenPieces().filter((piece) => text.includes(piece));
  assert.deepEqual(leaked, [], `${where} holds (part of) the API token`);
}
