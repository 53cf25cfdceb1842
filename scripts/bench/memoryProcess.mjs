// The memory measurements (memory.mjs, watchingHeap.mjs, exporting.mjs) run each in a Node process
// of its own, started with --expose-gc so that they can collect garbage before reading the heap.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './repo.mjs';

/** @type {import('node:child_process').ChildProcess | undefined} */
let memoryProcess;

/**
 * Full garbage collections for a script run by runMemoryProcess (twice: the first can leave work
 * for finalizers); the script exits with 2 when Node was started without --expose-gc.
 * @param {string} script its file name, for the message
 * @returns {() => void}
 */
export function exposedGc(script) {
  const { gc } = globalThis;
  if (typeof gc !== 'function') {
    console.error(`${script} needs \`node --expose-gc\`.`);
    process.exit(2);
  }
  return () => {
    gc();
    gc();
  };
}

/**
 * Bytes of heap in use after full collections, for a script run by runMemoryProcess.
 * @param {string} script its file name, for the message
 * @returns {() => number}
 */
export function settledHeapReader(script) {
  const collect = exposedGc(script);
  return () => {
    collect();
    return process.memoryUsage().heapUsed;
  };
}

/** Ends the process if it still runs (the benchmark is exiting). */
export function killMemoryProcess() {
  memoryProcess?.kill('SIGKILL');
}

/**
 * A script of scripts/bench in its own `node --expose-gc` process; resolves to the JSON it prints.
 * @param {string} script its file name, e.g. 'memory.mjs'
 * @param {number} timeoutMs
 * @returns {Promise<unknown>}
 */
export function runMemoryProcess(script, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', join(repoRoot, 'scripts/bench', script)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    memoryProcess = child;
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      memoryProcess = undefined;
      if (code !== 0) return reject(new Error(`${script} failed (${signal ?? `exit ${code}`})`));
      try {
        resolve(JSON.parse(/** @type {string} */ (output.trim().split('\n').at(-1))));
      } catch {
        reject(new Error(`${script} printed no result: ${output.slice(0, 200)}`));
      }
    });
  });
}
