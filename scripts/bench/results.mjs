// bench/RESULTS.md: the run's table as Markdown, rewritten by bench.mjs at the end of every run,
// with what the figures depend on (when, which machine, which Node and VS Code, which options).
// Figures belong to the machine that took them, so the file is ignored by git and never packaged.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { vscodeVersion } from '../vscode/vscode-versions.mjs';
import { repoRoot } from './repo.mjs';

export const RESULTS_PATH = join(repoRoot, 'bench/RESULTS.md');

/**
 * `rows` as report.mjs's formatTable takes them, `summary` the lines printed under the table,
 * `options` the parsed options (defaults included), `vscodeRan` whether a part ran in VS Code.
 * @param {{ rows: import('./report.mjs').Row[], summary: string[], options: Record<string, string | undefined>, vscodeRan: boolean }} results
 */
export function writeResults({ rows, summary, options, vscodeRan }) {
  const cell = (text = '') => String(text).trim().replaceAll('|', '\\|');
  const table = ['| Metric | Result | Goal | Met |', '|---|---|---|---|'];
  for (const row of rows) {
    if (row.section !== undefined) {
      table.push(`| **${cell(row.section)}** | | | |`);
      continue;
    }
    // Detail rows (indented deeper than their metric) are marked, since Markdown drops the indent.
    const detail = /^ {4}/.test(row.metric) ? '↳ ' : '';
    const met = row.met === undefined ? '' : row.met ? '✓' : '✗';
    table.push(`| ${detail}${cell(row.metric)} | ${cell(row.result)} | ${cell(row.goal)} | ${met} |`);
  }
  const given = process.argv.slice(2).join(' ');
  const inEffect = Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `--${name} ${value}`)
    .join(' ');
  const lines = [
    '# open.cx Sessions benchmark: last run',
    '',
    `Written by \`npm run bench\` (scripts/bench/results.mjs) at the end of each run; not committed.`,
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Build: ${commit()}`,
    `- CPU: ${cpus()[0]?.model?.trim() ?? 'unknown'} · ${availableParallelism()} cores · load average ${loadavg()[0].toFixed(2)} (1 min)`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB · ${platform()} ${release()}`,
    `- Node ${process.version} · VS Code ${vscodeRan ? selectedVscode() : 'not run (no part in VS Code)'}`,
    `- Command: \`node ${relative(repoRoot, process.argv[1])}${given ? ` ${given}` : ''}\``,
    `- Options in effect: \`${inEffect}\``,
    '',
    ...table,
    '',
    ...summary.map((line) => `${line}  `),
    '',
  ];
  mkdirSync(dirname(RESULTS_PATH), { recursive: true });
  writeFileSync(RESULTS_PATH, lines.join('\n'));
}

/** The VS Code the real-VS-Code parts ran on (OPENCX_VSCODE_VERSION, vscode-versions.mjs). */
function selectedVscode() {
  try {
    return vscodeVersion().vscode;
  } catch {
    return `unknown (OPENCX_VSCODE_VERSION=${process.env.OPENCX_VSCODE_VERSION})`;
  }
}

/** The checked-out commit, and whether the working tree differs from it. */
function commit() {
  try {
    /** @param {string[]} args */
    const git = (...args) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const changed = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${changed ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}
