import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '../../..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8'));

suite('localization', function () {
  this.timeout(30_000);

  test('l10n/bundle.l10n.json holds exactly the strings the code asks for (run npm run l10n)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'opencx-l10n-'));
    try {
      const cli = path.join(root, 'node_modules/@vscode/l10n-dev/dist/cli.js');
      execFileSync(process.execPath, [cli, 'export', '--outDir', out, './src'], { cwd: root, stdio: 'pipe' });
      assert.deepEqual(readJson(path.join(root, 'l10n/bundle.l10n.json')), readJson(path.join(out, 'bundle.l10n.json')));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('every %key% of package.json has its text in package.nls.json, and none is unused', () => {
    const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!));
    const defined = new Set(Object.keys(readJson(path.join(root, 'package.nls.json'))));
    assert.deepEqual([...used].filter((key) => !defined.has(key)), [], 'missing texts');
    assert.deepEqual([...defined].filter((key) => !used.has(key)), [], 'unused texts');
  });
});
