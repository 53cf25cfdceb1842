// Shared by the fault and security suites: a tally of the faults they inject and how many the
// extension survived, printed as one table (fault · tried · survived) when the run ends, and the
// hostile strings they feed it. A fault counts as survived only when every expectation about it
// held; the tests assert the same expectations, so a tally below "tried" always comes with a
// failing test.

interface Tally {
  tried: number;
  survived: number;
}

const tallies = new Map<string, Tally>();

/** Counts one injection of `fault`. */
export function record(fault: string, survived: boolean): void {
  const tally = tallies.get(fault) ?? { tried: 0, survived: 0 };
  tally.tried++;
  if (survived) tally.survived++;
  tallies.set(fault, tally);
}

/** Runs `check` as one injection of `fault`: survived when it returns, not when it throws (rethrown). */
export async function survives<T>(fault: string, check: () => Promise<T> | T): Promise<T> {
  try {
    const result = await check();
    record(fault, true);
    return result;
  } catch (error) {
    record(fault, false);
    throw error;
  }
}

/** `survives` for a synchronous check. */
export function survivesSync(fault: string, check: () => void): void {
  try {
    check();
    record(fault, true);
  } catch (error) {
    record(fault, false);
    throw error;
  }
}

/** Sessions and events of the vendor's 2024 document, served and generated. */
export const EARLIER_SHAPES = 'older API shapes (sessions and history events of the 2024 document)';

/** Text customers and upstream systems really send, and text meant to break a renderer. */
export const HOSTILE_STRINGS: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE sessions; --",
  '**bold** _it_ `code` ~~gone~~',
  '[click me](command:opencx.signOut)',
  '![pixel](https://tracker.example/p.png)',
  '<https://evil.example/login>',
  '# Heading\n> quote\n- item\n1. one',
  '&lt;b&gt;entity&lt;/b&gt; &#60;i&#62; &amp;',
  '$(zap) $(alert) {{constructor}} ${process.env}',
  '\u202Egnp.exe\u202C',
  'zero\u200Bwidth\u2028line\u2029para',
  'nul\u0000byte\u0007bell\u001b[31mred',
  '\uD800 lone \uDFFF surrogates',
  '🙂👩‍👩‍👧‍👦 ünïcödé 日本語 العربية',
  '   ',
  '',
  '</pre></code></span></div><!-- -->',
  '<![CDATA[x]]> <?xml version="1.0"?> <!DOCTYPE html>',
  'javascript:alert(1)',
  '__proto__',
];

/** The table: one row per fault, in the order first seen, and a total. */
export function formatReport(title: string): string {
  const rows = [...tallies].map(([fault, { tried, survived }]) => [fault, String(tried), String(survived)] as const);
  const total = [...tallies.values()].reduce((sum, tally) => ({ tried: sum.tried + tally.tried, survived: sum.survived + tally.survived }), { tried: 0, survived: 0 });
  const all = [['fault', 'tried', 'survived'] as const, ...rows, ['total', String(total.tried), String(total.survived)] as const];
  const width = Math.max(...all.map(([fault]) => fault.length));
  const triedWidth = Math.max(...all.map(([, tried]) => tried.length));
  const line = ([fault, tried, survived]: readonly [string, string, string]) =>
    `  ${fault.padEnd(width)} · ${tried.padStart(triedWidth)} · ${survived.padStart(8)}`;
  const rule = `  ${'─'.repeat(width + triedWidth + 14)}`;
  return [``, `  ${title}`, line(all[0]!), rule, ...rows.map(line), rule, line(all.at(-1)!), ``].join('\n');
}

/** Whether anything was counted; a report without rows is not printed. */
export function hasTallies(): boolean {
  return tallies.size > 0;
}

// Printed once, after the last suite of the run: a root-level hook, registered when the first
// fault suite imports this module (mocha's TDD interface defines suiteTeardown while loading files).
if (typeof suiteTeardown === 'function') {
  suiteTeardown(() => {
    if (hasTallies()) console.log(formatReport('Fault report: faults injected through the stand-in, and how many were survived'));
  });
}
