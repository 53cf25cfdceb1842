// What the scripts' page functions, which playwright runs in the workbench page, keep on the
// page's global object.
import type { TreeProbe } from './bench/pageProbes.mjs';
import type { FocusMove } from './vscode/workbench-mocha.mjs';

declare global {
  /** The display language the web workbench starts with (openWorkbench's `language`). */
  var _VSCODE_NLS_LANGUAGE: string | undefined;
  /** The last focus() calls, for a failure to say what took the keyboard (workbench-mocha.mjs). */
  var opencxFocusMoves: FocusMove[] | undefined;
  /** The benchmark's tree probe; installTreeProbe puts it there before anything reads it. */
  var opencxBench: TreeProbe;
  /** The binding perceived.mjs exposes: the probes report through it what was drawn, and when. */
  function opencxBenchReport(kind: 'rows' | 'panel', at: number): void;
}

export {};
