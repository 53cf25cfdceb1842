// The rows of the export part: 10,000 sessions exported in their own `node --expose-gc` process
// (exporting.mjs), beside the goals.
import { runMemoryProcess } from './memoryProcess.mjs';
import { GOALS } from './options.mjs';
import { count, mb } from './report.mjs';

/**
 * @typedef {{ exported: number, complete: boolean, pages: number, rateLimited: number, minutes: number, limitMinutes: number,
 *   heapGrowthBytes: number, equalLines: number, expectedLines: number, scale: number }} ExportingResult
 * @typedef {import('./report.mjs').Row} Row
 */

/** @returns {Promise<Row[]>} */
export async function exportingRows() {
  const result = /** @type {ExportingResult} */ (await runMemoryProcess('exporting.mjs', 600_000));
  const share = Math.floor(100 / 3);
  return [
    { section: `Exporting ${count(result.exported)} sessions, every page (stand-in limit 100 a minute on, the minute ${result.scale}× shorter)`, short: 'exporting' },
    {
      metric: '  export time, JSON Lines',
      result: `${result.minutes.toFixed(2)} min for ${result.pages} pages (${result.rateLimited} answered 429; an export takes ${share} of the 100 a minute)`,
      goal: `${result.limitMinutes.toFixed(2)} min (pages ÷ 100 a minute); ${(result.pages / share).toFixed(2)} min at the export's share`,
      met: result.complete && result.minutes <= (result.pages / share) * 1.1,
    },
    { metric: '  heap growth while exporting', result: mb(result.heapGrowthBytes), goal: `≤ ${mb(GOALS.exportHeapBytes)}`, met: result.heapGrowthBytes <= GOALS.exportHeapBytes },
    {
      metric: '  exported lines equal to the server\'s bytes',
      result: `${count(result.equalLines)} of ${count(result.expectedLines)}`,
      goal: 'all',
      met: result.equalLines === result.expectedLines && result.exported === result.expectedLines,
    },
  ];
}
