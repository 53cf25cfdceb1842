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

export const ms = (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
export const count = (value) => value.toLocaleString('en-US');

/**
 * Rows are { metric, result, goal, met } (met: true, false, or undefined for a detail row without
 * a goal) or { section } for a heading. Columns are padded to their widest cell.
 */
export function formatTable(rows) {
  const header = { metric: 'Metric', result: 'Result', goal: 'Goal', mark: '' };
  const cells = rows.map((row) =>
    row.section === undefined
      ? { metric: row.metric, result: row.result, goal: row.goal ?? '', mark: row.met === undefined ? '' : row.met ? '✓' : '✗' }
      : undefined,
  );
  const widths = {};
  for (const key of ['metric', 'result', 'goal']) {
    widths[key] = Math.max(header[key].length, ...cells.filter(Boolean).map((cell) => cell[key].length));
  }
  const line = (cell) =>
    `${cell.metric.padEnd(widths.metric)}  ${cell.result.padEnd(widths.result)}  ${cell.goal.padEnd(widths.goal)}  ${cell.mark}`.trimEnd();
  const rule = `${'─'.repeat(widths.metric)}  ${'─'.repeat(widths.result)}  ${'─'.repeat(widths.goal)}  ─`;
  const lines = [line(header), rule];
  rows.forEach((row, index) => {
    if (row.section !== undefined) lines.push(`${index ? '\n' : ''}${row.section}`);
    else lines.push(line(cells[index]));
  });
  return lines.join('\n');
}
