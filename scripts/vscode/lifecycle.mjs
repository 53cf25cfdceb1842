// What the harness starts (browser, VS Code server, stand-in, temporary folders) is registered
// here and stopped in reverse order by stopAll(), on success, failure, timeout and Ctrl-C alike;
// and the harness's log line.

/**
 * A thrown value, read for the stack or message to print: anything can be thrown, and reading
 * either of a value that has none gives undefined.
 * @typedef {{ stack?: unknown, message?: unknown } | null | undefined} Thrown
 */

/** @param {string} message */
export function log(message) {
  console.log(`[vscode] ${message}`);
}

/** @param {number} ms */
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** @typedef {{ name: string, fn: () => unknown }} Cleanup */
/** @type {Cleanup[]} */
const cleanups = [];
// Process groups of detached children, killed synchronously if the process exits without stopAll.
/** @type {Set<number>} */
export const processGroups = new Set();
/** @type {Promise<void> | undefined} */
let stopping;

/**
 * Registers what stopAll() runs to stop something (awaited when it returns a promise); the returned
 * function unregisters it, for what was stopped otherwise.
 * @param {string} name
 * @param {() => unknown} fn
 * @returns {() => void}
 */
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
      const { name, fn } = /** @type {Cleanup} */ (cleanups.pop());
      try {
        await fn();
      } catch (error) {
        console.error(`[vscode] stopping ${name} failed: ${/** @type {Thrown} */ (error)?.message ?? error}`);
      }
    }
  })();
  return stopping;
}

/** True once stopAll() has begun: what stops after that was stopped on purpose. */
export const isStopping = () => stopping !== undefined;

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
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
  /**
   * @param {NodeJS.Signals} signal
   * @param {number} code
   */
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
