// The rows of perceived.mjs's figures: each click's median beside the bare fetch of the same
// request in the same rounds, and beside the reference extension, which carries VS Code's own share
// of the time. The goals of (a), (b) and (d) are stated against the reference; those of (c) and
// (c′), whose panel does more than the reference's, against the baseline build run in the same
// rounds (--perceived-baseline): never against absolute milliseconds, which measure the machine.

const CASES = {
  a: ['(a)', 'click Open › Web → first session row'],
  b: ['(b)', 'click Load more… → next page drawn'],
  c: ['(c)', 'click a session → its JSON in the panel'],
  c2: ['(c′)', 'the same, a second session'],
  d: ['(d)', 'Refresh, Web and Email expanded → new rows'],
};

/** @param {number} value */
const round = (value) => `${Math.round(value)} ms`;
/** @param {number} value */
const plus = (value) => `${value < 0 ? '−' : '+'}${Math.round(Math.abs(value))} ms`;

/**
 * @param {import('./perceived.mjs').Perceived} result
 * @param {{ overReferenceMs: number, overBaselineMs: number }} goals
 */
export function perceivedReport(result, goals) {
  /** @type {import('./report.mjs').Row[]} */
  const rows = [];
  for (const [key, [mark, title]] of Object.entries(CASES)) {
    const { extension, reference, baseline, fetch } = result.cases[key];
    const metric = `  ${mark} ${title}`;
    if (!extension || !fetch) {
      rows.push({ metric, result: 'not measured', goal: '', met: false });
      continue;
    }
    const over = extension.median - fetch.median;
    let text = `${round(extension.median)} = fetch ${round(fetch.median)} ${plus(over)}`;
    let goal;
    let met;
    if (reference) {
      const referenceOver = reference.median - fetch.median;
      text += `; reference ${round(reference.median)} = fetch ${plus(referenceOver)}; extension − reference ${plus(extension.median - reference.median)}`;
    }
    if (key === 'c' || key === 'c2') {
      goal = `≤ baseline + ${goals.overBaselineMs} ms`;
      met = baseline ? extension.median - baseline.median <= goals.overBaselineMs : undefined;
      if (!baseline) text += '; no baseline given (--perceived-baseline)';
    } else {
      goal = `≤ reference + ${goals.overReferenceMs} ms`;
      met = reference ? extension.median - reference.median <= goals.overReferenceMs : false;
    }
    if (baseline) text += `; baseline ${round(baseline.median)} = fetch ${plus(baseline.median - fetch.median)}; extension − baseline ${plus(extension.median - baseline.median)}`;
    rows.push({ metric, result: text, goal, met });
    /**
     * @param {string} name
     * @param {import('./perceived.mjs').Summary | undefined} summary
     */
    const samples = (name, summary) => summary && `${name} ${summary.samples.map((value) => Math.round(value)).join(', ')}`;
    const lists = [samples('extension', extension), samples('reference', reference), samples('baseline', baseline), samples('fetch', fetch)];
    rows.push({ metric: '    samples (ms)', result: lists.filter(Boolean).join(' · ') });
  }
  return rows;
}
