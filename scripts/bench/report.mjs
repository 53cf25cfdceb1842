// The printed report: the machine, then one aligned table of results next to their goals.
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';

export function machineLines() {
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const [oneMinuteLoad] = loadavg();
  return [
    `Machine: ${cpu} · ${availableParallelism()} cores · ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM · ${platform()} ${release()}`,
    // A busy machine slows every number: the load at the end of the run says how busy it was.
    `Node ${process.version} · load average ${oneMinuteLoad.toFixed(2)} (1 min)`,
  ];
}

/** @param {number} value */
export const ms = (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
/** @param {number} bytes */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
/** @param {number} bytes */
export const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
/** @param {number} value */
export const count = (value) => value.toLocaleString('en-US');

/**
 * A row of the table: a result (`met` true or false beside its goal, undefined for a detail row
 * without one), or a section's heading (`short` names the section in the list of missed goals).
 * @typedef {{ metric: string, result: string, goal?: string, met?: boolean, section?: undefined } | { section: string, short: string }} Row
 */

/**
 * Rows are { metric, result, goal, met } (met: true, false, or undefined for a detail row without
 * a goal) or { section } for a heading. Columns are padded to their widest cell.
 * @param {Row[]} rows
 */
export function formatTable(rows) {
  /** @typedef {{ metric: string, result: string, goal: string, mark: string }} Cell */
  /** @type {Cell} */
  const header = { metric: 'Metric', result: 'Result', goal: 'Goal', mark: '' };
  const cells = rows.map((row) =>
    row.section === undefined
      ? { metric: row.metric, result: row.result, goal: row.goal ?? '', mark: row.met === undefined ? '' : row.met ? '✓' : '✗' }
      : undefined,
  );
  /** @type {Record<'metric' | 'result' | 'goal', number>} */
  const widths = { metric: 0, result: 0, goal: 0 };
  for (const key of /** @type {const} */ (['metric', 'result', 'goal'])) {
    widths[key] = Math.max(header[key].length, ...cells.filter((cell) => cell !== undefined).map((cell) => cell[key].length));
  }
  /** @param {Cell} cell */
  const line = (cell) =>
    `${cell.metric.padEnd(widths.metric)}  ${cell.result.padEnd(widths.result)}  ${cell.goal.padEnd(widths.goal)}  ${cell.mark}`.trimEnd();
  const rule = `${'─'.repeat(widths.metric)}  ${'─'.repeat(widths.result)}  ${'─'.repeat(widths.goal)}  ─`;
  const lines = [line(header), rule];
  rows.forEach((row, index) => {
    if (row.section !== undefined) lines.push(`${index ? '\n' : ''}${row.section}`);
    else lines.push(line(/** @type {Cell} */ (cells[index])));
  });
  return lines.join('\n');
}
