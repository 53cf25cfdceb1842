import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, CONTEXT_KEYS, VIEW_ID } from '../../src/ui/ids';

const root = path.join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  preview?: boolean;
  extensionKind?: string[];
  contributes: {
    menus: { 'view/title': { command?: string; submenu?: string; when: string; group: string }[] };
    walkthroughs: { id: string; steps: { id: string; media: { image: string }; completionEvents: string[] }[] }[];
  };
};

suite('package.json: what users get', () => {
  test('the walkthrough\'s pictures are in the package, and each step completes on something the extension has', () => {
    const commands = new Set<string>(Object.values(COMMANDS));
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough?.steps.length, 5);
    for (const step of walkthrough!.steps) {
      assert.ok(existsSync(path.join(root, step.media.image)), `${step.id}: ${step.media.image} exists`);
      assert.match(step.media.image, /^media\//, `${step.id}: the picture is under media/, which is packaged`);
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const event of step.completionEvents) {
        const [kind, name] = event.split(/:(.*)/s) as [string, string];
        if (kind === 'onCommand') assert.ok(commands.has(name), `${step.id}: ${name} is a command of the extension`);
        else if (kind === 'onView') assert.equal(name, VIEW_ID);
        else if (kind === 'onContext') assert.ok(Object.values(CONTEXT_KEYS).some((key) => name.includes(key)), `${step.id}: ${name}`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  test('a preview, running where the user is: API traffic and the key stay on their machine in remote windows', () => {
    assert.equal(manifest.preview, true);
    assert.deepEqual(manifest.extensionKind, ['ui', 'workspace']);
  });

  test('the view title shows at most four buttons, the rest in its "…" menu, so the view keeps its name at the default width', () => {
    const inTitle = manifest.contributes.menus['view/title'].filter((entry) => entry.when.includes(`view == ${VIEW_ID}`) && entry.group.startsWith('navigation'));
    // Buttons never shown together (Watch / Stop Watching) take one place.
    const places = new Set(inTitle.map((entry) => entry.group));
    // VS Code adds Collapse All (showCollapseAll in extension.ts).
    assert.ok(places.size + 1 <= 4, inTitle.map((entry) => entry.command ?? entry.submenu).join(', '));
  });
});
