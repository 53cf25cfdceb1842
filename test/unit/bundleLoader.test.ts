import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '../../src/bundleLoader';

/** A CommonJS bundle that shows what it was given: its file names and a working `require`. */
const BUNDLE = `"use strict";
const path = require('node:path');
exports.filename = __filename;
exports.dirname = __dirname;
exports.joined = path.join('a', 'b');
exports.word = 'alpha';
exports.activate = (context) => 'activated with ' + context;
`;

/**
 * Loads the bundle in a Node process of its own, as each activation is: within one process V8
 * keeps what it compiled and would not even look at the cache the second time.
 */
function loadInProcess(bundlePath: string, cacheDir: string, save: boolean): { cache: string; word: string } {
  const script = `
    const { loadBundle } = require(${JSON.stringify(require.resolve('../../src/bundleLoader'))});
    const loaded = loadBundle(${JSON.stringify(bundlePath)}, ${JSON.stringify(cacheDir)}, require);
    if (${save}) loaded.save();
    process.stdout.write(JSON.stringify({ cache: loaded.cache, word: loaded.exports.word }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { cache: string; word: string };
}

suite('loading the bundle through a code cache', () => {
  let folder: string;
  let bundlePath: string;
  let cacheDir: string;
  const caches = () => readdirSync(cacheDir).filter((name) => name.startsWith('code-cache-'));

  setup(() => {
    folder = mkdtempSync(join(tmpdir(), 'opencx-loader-'));
    bundlePath = join(folder, 'extension.js');
    cacheDir = join(folder, 'globalStorage');
    writeFileSync(bundlePath, BUNDLE);
  });

  teardown(() => rmSync(folder, { recursive: true, force: true }));

  test('the first load compiles the source and saves a cache; the next load uses it', () => {
    const first = loadBundle(bundlePath, cacheDir, require);
    assert.equal(first.cache, 'none');
    assert.equal(first.exports.filename, bundlePath);
    assert.equal(first.exports.dirname, folder);
    assert.equal(first.exports.joined, join('a', 'b'));
    assert.equal((first.exports.activate as (context: string) => string)('ctx'), 'activated with ctx');
    first.save();
    assert.equal(caches().length, 1);

    const [name] = caches();
    const before = readFileSync(join(cacheDir, name!));
    assert.deepEqual(loadInProcess(bundlePath, cacheDir, true), { cache: 'used', word: 'alpha' });
    assert.deepEqual(readFileSync(join(cacheDir, name!)), before, 'a cache in use is not written again');
  });

  test('a changed bundle of the same length runs as changed, and its cache replaces the old one', () => {
    loadBundle(bundlePath, cacheDir, require).save();
    const [old] = caches();
    // Same length: V8 alone, which checks the length, would take the old cache for this source.
    writeFileSync(bundlePath, BUNDLE.replace("'alpha'", "'omega'"));

    assert.deepEqual(loadInProcess(bundlePath, cacheDir, true), { cache: 'none', word: 'omega' });
    assert.equal(caches().length, 1);
    assert.notEqual(caches()[0], old);
    assert.deepEqual(loadInProcess(bundlePath, cacheDir, false), { cache: 'used', word: 'omega' });
  });

  test('a damaged cache is refused, the bundle still runs, and saving replaces it', () => {
    loadBundle(bundlePath, cacheDir, require).save();
    const cachePath = join(cacheDir, caches()[0]!);
    writeFileSync(cachePath, randomBytes(readFileSync(cachePath).length));

    assert.deepEqual(loadInProcess(bundlePath, cacheDir, true), { cache: 'rejected', word: 'alpha' });
    assert.deepEqual(loadInProcess(bundlePath, cacheDir, false), { cache: 'used', word: 'alpha' });
  });

  test('a cache folder that cannot be written costs only the cache', () => {
    writeFileSync(cacheDir, 'a file where the folder should be');
    const loaded = loadBundle(bundlePath, cacheDir, require);
    assert.equal(loaded.cache, 'none');
    assert.doesNotThrow(() => loaded.save());
    assert.equal(loaded.exports.word, 'alpha');
    assert.equal(loadBundle(bundlePath, cacheDir, require).cache, 'none');
  });
});
