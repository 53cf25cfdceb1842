// The benchmark's options and goals. Goals are stated against something measured in the same run
// (a bare fetch, the reference extension, a baseline build) wherever the machine's speed would
// otherwise decide them.
import { parseArgs } from 'node:util';

export const GOALS = {
  // The ratio at 20 ms of latency; at 0 ms the milliseconds added are reported, with no goal, as
  // they measure the machine's CPU more than the extension.
  ratioAt20Ms: 1.05,
  heapBytes: 40 * 2 ** 20,
  parseRatio: 1.3,
  // Watching for 6 hours: the heap grows at most this much, and its data (the heap but for the
  // code the JIT compiles) by at most the second figure after the first hour: nothing piles up.
  watchingHeapBytes: 10 * 2 ** 20,
  watchingHeapFlatBytes: 2 ** 20,
  // Exporting 10,000 sessions: what the export holds while it writes.
  exportHeapBytes: 20 * 2 ** 20,
  // The core bundle, all that activation reads; the parts loaded on first use are listed beside it.
  coreBundleBytes: 110 * 1024,
  // Activation over the reference extension's, in windows of the same run.
  activationOverReferenceMs: 25,
  // Session links in a 10 MB log.
  linksMs: 100,
  // (a), (b), (d) over the reference extension; (c), (c′) over the baseline build, when one is given.
  perceived: { overReferenceMs: 25, overBaselineMs: 0 },
};
export const PERCEIVED_LATENCY_MS = 120;

const PARTS = ['expand', 'requests', 'memory', 'finding', 'watching', 'exporting', 'bundle', 'perceived'];

/** The command line's options, checked; a wrong one ends the process with exit code 2. */
export function readOptions() {
  const { values: options } = parseArgs({
    options: {
      samples: { type: 'string', default: '40' },
      warmup: { type: 'string', default: '10' },
      'activation-runs': { type: 'string', default: '3' },
      'perceived-runs': { type: 'string', default: '10' },
      'perceived-baseline': { type: 'string' },
      only: { type: 'string' },
    },
  });
  const samples = Number(options.samples);
  const warmup = Number(options.warmup);
  const activationRuns = Number(options['activation-runs']);
  const perceivedRuns = Number(options['perceived-runs']);
  if (![samples, warmup, activationRuns, perceivedRuns].every((value) => Number.isInteger(value) && value >= 0) || samples === 0) {
    console.error('--samples, --warmup, --activation-runs and --perceived-runs take whole numbers (--samples at least 1).');
    process.exit(2);
  }
  const only = options.only?.split(',').map((part) => part.trim());
  const unknownPart = only?.find((part) => !PARTS.includes(part));
  if (unknownPart !== undefined) {
    console.error(`--only takes parts among ${PARTS.join(', ')}; not "${unknownPart}".`);
    process.exit(2);
  }
  /** @param {string} part */
  const runs = (part) => !only || only.includes(part);
  return { options, samples, warmup, activationRuns, perceivedRuns, runs };
}
