// What the scripts' page functions, which playwright runs in the workbench page, keep on the
// page's global object.
import type { FocusMove } from './vscode/workbench-mocha.mjs';

declare global {
  /** The display language the web workbench starts with (openWorkbench's `language`). */
  var _VSCODE_NLS_LANGUAGE: string | undefined;
  /** The last focus() calls, for a failure to say what took the keyboard (workbench-mocha.mjs). */
  var opencxFocusMoves: FocusMove[] | undefined;
}

export {};
