// The heap in use after full collections, for tests of what the extension lets go. The unit tests
// run in a Node started without --expose-gc: V8 takes the flag at run time, and a context made
// after that has `gc`.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Bytes of heap in use once garbage is collected (twice: the first can leave work for finalizers). */
export function settledHeapBytes(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
