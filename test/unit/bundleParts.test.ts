// The parts loaded on first use stay out of the core bundle that activation reads: built as
// esbuild.js builds them, a part's own modules appear only in its own bundle, and the core
// loads each part's bundle rather than carrying its code.
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BuildOptions, Metafile } from 'esbuild';

const root = path.join(__dirname, '../../..');
const requireFromRoot = createRequire(path.join(root, 'package.json'));
const { build } = requireFromRoot('esbuild') as typeof import('esbuild');
const { LAZY_PARTS, buildOptions } = requireFromRoot('./esbuild.js') as {
  LAZY_PARTS: Record<string, { entry: string; owns: string[] }>;
  buildOptions: (options: { production: boolean; workingDir: string }) => BuildOptions;
};

/** Whether the build's input `input` is the module or folder `owned` names; inputs are relative to the working folder, and node_modules may lie elsewhere. */
const isOwned = (input: string, owned: string) => input.startsWith(owned) || (owned.startsWith('node_modules/') && input.includes(`/${owned}`));

suite('bundles: parts loaded on first use', function () {
  this.timeout(60_000);
  let metafile: Metafile;
  let outputs: Map<string, { inputs: string[]; source: string }>;

  suiteSetup(async () => {
    const result = await build({ ...buildOptions({ production: true, workingDir: root }), write: false });
    metafile = result.metafile!;
    outputs = new Map(
      Object.entries(metafile.outputs)
        .filter(([file]) => file.endsWith('.js'))
        .map(([file, output]) => [
          path.basename(file, '.js'),
          { inputs: Object.keys(output.inputs), source: result.outputFiles!.find((out) => out.path.endsWith(`/${path.basename(file)}`))!.text },
        ]),
    );
  });

  test('every part has a bundle of its own, beside the core', () => {
    assert.deepEqual([...outputs.keys()].sort(), ['extension', ...Object.keys(LAZY_PARTS)].sort());
  });

  for (const [name, part] of Object.entries(LAZY_PARTS)) {
    test(`${name}: its modules are not in the core bundle`, () => {
      const core = outputs.get('extension')!.inputs;
      const landed = core.filter((input) => input === part.entry || part.owns.some((owned) => isOwned(input, owned)));
      assert.deepEqual(landed, [], `modules of ${name} in dist/extension.js`);
    });

    test(`${name}: the core loads its bundle, which holds its modules`, () => {
      assert.ok(outputs.get('extension')!.source.includes(`require("./${name}.js")`), `dist/extension.js requires ./${name}.js`);
      const inputs = outputs.get(name)!.inputs;
      for (const owned of part.owns) {
        assert.ok(
          inputs.some((input) => isOwned(input, owned)),
          `${owned} is in dist/${name}.js (or no longer exists: then esbuild.js should not name it)`,
        );
      }
    });
  }
});
