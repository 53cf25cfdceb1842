// The lock that keeps two runs from installing into the same cache folder at the same time.

import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { log, onCleanup } from './lifecycle.mjs';

/** @param {number} pid */
const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
};

/**
 * A lock folder (mkdir is atomic) in `folder` so two runs never install at the same time; resolves
 * to what releases it.
 * @param {string} folder
 * @returns {Promise<() => Promise<void>>}
 */
export async function acquireInstallLock(folder) {
  const lockDir = join(folder, 'install.lock');
  const pidFile = join(lockDir, 'pid');
  await mkdir(folder, { recursive: true });
  let reported = false;
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(pidFile, String(process.pid));
      const release = () => rm(lockDir, { recursive: true, force: true });
      const forget = onCleanup('install lock', release);
      return async () => {
        forget();
        await release();
      };
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    const owner = Number(await readFile(pidFile, 'utf8').catch(() => ''));
    const age = await stat(lockDir).then((s) => Date.now() - s.mtimeMs, () => 0);
    // A lock whose owner is gone (killed mid-install) is stale; so is one that never got a pid.
    if ((owner && !isAlive(owner)) || (!owner && age > 30_000)) {
      await rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!reported) {
      log(`waiting for another install to finish (lock ${lockDir}, pid ${owner || '?'})`);
      reported = true;
    }
    await sleep(2000);
  }
}
