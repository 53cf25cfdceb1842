// Entry point of the integration suite, loaded by VS Code's extension host (extensionTestsPath).
// It runs every compiled *.test.js beside it with mocha's TDD interface (suite/test), as in the
// VS Code extension samples, and prints one line `INTEGRATION_RESULT <passed> <failed>` that the
// harness (scripts/vscode/run-integration.mjs) reads to report the counts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { EXTENSION_ID } from './helpers';

function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

export function run(): Promise<void> {
  // A real VS Code and real network round-trips to the local stand-in: allow more than mocha's 2 s.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000 });
  // OPENCX_TEST_GREP=<text> runs only the tests whose title holds it (while working on one).
  if (process.env.OPENCX_TEST_GREP) mocha.grep(process.env.OPENCX_TEST_GREP);
  for (const file of findTestFiles(__dirname)) {
    mocha.addFile(file);
  }
  // Each test starts with a fresh stand-in (its rate limit forgotten): the extension's own count of
  // requests, which mirrors the server's limit, starts afresh too, so that a long suite is not held
  // back by requests of tests long finished.
  mocha.rootHooks({
    beforeEach() {
      const extension = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
      if (extension?.isActive) extension.exports?.connection.forgetRequestBudgets();
    },
  });

  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    try {
      const runner = mocha.run(() => {
        console.log(`INTEGRATION_RESULT ${passed} ${failed}`);
        if (failed > 0) {
          reject(new Error(`${failed} integration test(s) failed.`));
        } else {
          resolve();
        }
      });
      runner.on('pass', () => (passed += 1));
      // 'fail' also fires for failing hooks, which mocha counts as failures too.
      runner.on('fail', () => (failed += 1));
    } catch (error) {
      console.log(`INTEGRATION_RESULT ${passed} ${failed + 1}`);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
