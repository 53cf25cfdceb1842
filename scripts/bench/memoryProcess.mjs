// The memory measurement runs in a Node process of its own (memory.mjs), started with
// --expose-gc so that it can collect garbage before reading the heap.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './repo.mjs';

/** @type {import('node:child_process').ChildProcess | undefined} */
let memoryProcess;

/** Ends the process if it still runs (the benchmark is exiting). */
export function killMemoryProcess() {
  memoryProcess?.kill('SIGKILL');
}

/**
 * memory.mjs in its own `node --expose-gc` process; resolves to the JSON it prints.
 * @returns {Promise<import('./memory.mjs').MemoryResult>}
 */
export function runMemoryProcess() {
  return new Promise((resolve, reject) => {
    const script = join(repoRoot, 'scripts/bench/memory.mjs');
    const child = spawn(process.execPath, ['--expose-gc', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    memoryProcess = child;
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      memoryProcess = undefined;
      if (code !== 0) return reject(new Error(`memory.mjs failed (${signal ?? `exit ${code}`})`));
      try {
        resolve(JSON.parse(/** @type {string} */ (output.trim().split('\n').at(-1))));
      } catch {
        reject(new Error(`memory.mjs printed no result: ${output.slice(0, 200)}`));
      }
    });
  });
}
