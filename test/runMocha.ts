// The one mocha set-up of every suite: the unit tests in Node (scripts/run-tests.mjs), the
// extension-host suite inside VS Code (test/integration/index.ts) and the suites that drive the
// workbench (UI, package, pseudo-locale: scripts/vscode/workbench-mocha.mjs). Each runs the compiled
// *.test.js files of its folder with the TDD interface (suite/test), honours OPENCX_TEST_GREP and
// counts what passed and failed, a failing hook included.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface MochaRun {
  files: readonly string[];
  /** Per test: a real VS Code and real round trips to the stand-in need more than mocha's 2 s. */
  timeoutMs: number;
  rootHooks?: Mocha.RootHookObject;
  /** Colours for a terminal; off where the output goes to a log. */
  color?: boolean;
}

export interface Counts {
  passed: number;
  failed: number;
}

/** The compiled test files (*.test.js) under `folder`, in a stable order. */
export function testFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => join(folder, file));
}

export function runMocha({ files, timeoutMs, rootHooks, color = false }: MochaRun): Promise<Counts> {
  const mocha = new Mocha({ ui: 'tdd', timeout: timeoutMs, color, reporter: 'spec', ...(rootHooks ? { rootHooks } : {}) });
  // OPENCX_TEST_GREP=<text> runs only the tests whose title holds it (while working on one).
  if (process.env.OPENCX_TEST_GREP) mocha.grep(process.env.OPENCX_TEST_GREP);
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve) => {
    const counts = { passed: 0, failed: 0 };
    const runner = mocha.run(() => resolve(counts));
    runner.on('pass', () => counts.passed++);
    // 'fail' also fires for failing hooks, which mocha counts as failures too.
    runner.on('fail', () => counts.failed++);
  });
}
