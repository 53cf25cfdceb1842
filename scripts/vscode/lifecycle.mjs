// What the harness starts (browser, VS Code server, stand-in, temporary folders) is registered
// here and stopped in reverse order by stopAll(), on success, failure, timeout and Ctrl-C alike;
// and the harness's log line.

import { setTimeout as sleep } from 'node:timers/promises';

export function log(message) {
  console.log(`[vscode] ${message}`);
}

export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const cleanups = [];
// Process groups of detached children, killed synchronously if the process exits without stopAll.
export const processGroups = new Set();
let stopping;

export function onCleanup(name, fn) {
  const entry = { name, fn };
  cleanups.push(entry);
  return () => {
    const index = cleanups.indexOf(entry);
    if (index >= 0) cleanups.splice(index, 1);
  };
}

/** Stops everything this process started (browser, server, stand-in, temp dirs), newest first. */
export function stopAll() {
  stopping ??= (async () => {
    while (cleanups.length) {
      const { name, fn } = cleanups.pop();
      try {
        await fn();
      } catch (error) {
        console.error(`[vscode] stopping ${name} failed: ${error?.message ?? error}`);
      }
    }
  })();
  return stopping;
}

/** True once stopAll() has begun: what stops after that was stopped on purpose. */
export const isStopping = () => stopping !== undefined;

export function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

process.on('exit', () => {
  for (const pid of processGroups) killGroup(pid, 'SIGKILL');
});

let signalsHandled = false;
/** Ctrl-C / SIGTERM: stop everything, then exit with the conventional 128+signal code. */
export function handleSignals() {
  if (signalsHandled) return;
  signalsHandled = true;
  let received = 0;
  const onSignal = (signal, code) => {
    received += 1;
    if (received > 1) process.exit(code); // a second Ctrl-C: the exit hook kills the groups
    console.error(`\n[vscode] ${signal}: stopping…`);
    stopAll().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));
  process.on('SIGHUP', () => onSignal('SIGHUP', 129));
}
