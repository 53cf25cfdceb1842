// Entry point of the integration suite, loaded by VS Code's extension host (extensionTestsPath).
// It runs every compiled *.test.js beside it (test/runMocha.ts) and prints one line
// `INTEGRATION_RESULT <passed> <failed>` that the harness (scripts/vscode/run-integration.mjs)
// reads to report the counts.
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { runMocha, testFiles } from '../runMocha';
import { EXTENSION_ID } from './helpers';

export async function run(): Promise<void> {
  let counts = { passed: 0, failed: 1 };
  try {
    counts = await runMocha({
      files: testFiles(__dirname),
      timeoutMs: 20_000,
      // Each test starts with a fresh stand-in (its rate limit forgotten): the extension's own count
      // of requests, which mirrors the server's limit, starts afresh too, so that a long suite is not
      // held back by requests of tests long finished.
      rootHooks: {
        beforeEach() {
          const extension = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
          if (extension?.isActive) extension.exports?.connection.forgetRequestBudgets();
        },
      },
    });
  } finally {
    console.log(`INTEGRATION_RESULT ${counts.passed} ${counts.failed}`);
  }
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed.`);
}
