import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CHECKED_COMMANDS, COMMANDS, ROW_COMMANDS, VIEW_ID } from '../../src/ui/ids';

const root = path.join(__dirname, '../../..');
interface MenuEntry {
  command?: string;
  submenu?: string;
  when?: string;
}
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, MenuEntry[]>;
    keybindings: MenuEntry[];
    views: Record<string, { id: string }[]>;
    submenus: { id: string }[];
  };
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

suite('commands: src/ui/ids.ts ↔ package.json ↔ registration', () => {
  const declared = manifest.contributes.commands.map((command) => command.command);
  const ids: string[] = Object.values(COMMANDS);

  test('every declared command has an id, and every id is declared, once', () => {
    assert.deepEqual([...declared].sort(), [...ids].sort());
    assert.equal(new Set(declared).size, declared.length, 'no command is declared twice');
  });

  test('menus and keybindings name only declared commands and submenus, and every submenu has its items', () => {
    const entries = [...Object.values(manifest.contributes.menus).flat(), ...manifest.contributes.keybindings];
    const submenus = manifest.contributes.submenus.map((submenu) => submenu.id);
    for (const entry of entries) {
      if (entry.submenu) assert.ok(submenus.includes(entry.submenu), `submenu ${entry.submenu} is declared`);
      else assert.ok(entry.command && declared.includes(entry.command), `${entry.command} is declared`);
    }
    for (const submenu of submenus) assert.ok(manifest.contributes.menus[submenu]?.length, `${submenu} has items`);
  });

  test('row commands and the Group By submenu\'s "✓" twins are hidden from the palette, and nothing else is hidden for good', () => {
    const palette = manifest.contributes.menus.commandPalette ?? [];
    const hidden = palette.filter((entry) => entry.when === 'false').map((entry) => entry.command);
    assert.deepEqual(hidden.sort(), [...ROW_COMMANDS, ...CHECKED_COMMANDS].sort());
  });

  test('the Group By submenu shows each grouping once: its "✓" twin while it is the current one, else the plain command', () => {
    const submenu = manifest.contributes.menus['opencx.groupBy'] ?? [];
    const twins = CHECKED_COMMANDS.map((checked) => [checked.replace(/\.checked$/, ''), checked] as const);
    assert.equal(submenu.length, twins.length * 2);
    for (const [plain, checked] of twins) {
      const value = /'([^']+)'/.exec(submenu.find((entry) => entry.command === checked)?.when ?? '')?.[1];
      assert.ok(value, `${checked} shows for one grouping`);
      assert.equal(submenu.find((entry) => entry.command === checked)?.when, `opencx.groupBy == '${value}'`);
      assert.equal(submenu.find((entry) => entry.command === plain)?.when, `opencx.groupBy != '${value}'`);
    }
  });

  test('the view id is the contributed view', () => {
    assert.ok(Object.values(manifest.contributes.views).flat().some((view) => view.id === VIEW_ID));
  });

  test('commands are registered in one place, by id constant', () => {
    const files = sourceFiles(path.join(root, 'src'));
    const registering = files.filter((file) => readFileSync(file, 'utf8').includes('registerCommand('));
    assert.deepEqual(registering.map((file) => path.relative(root, file)), [path.join('src', 'commands', 'index.ts')]);
    const index = readFileSync(path.join(root, 'src/commands/index.ts'), 'utf8');
    assert.match(index, /registerCommand\(COMMANDS\[name\]/, 'registered from the id table');
    for (const file of files.filter((file) => !file.endsWith(path.join('ui', 'ids.ts')))) {
      const text = readFileSync(file, 'utf8');
      // A command named by a bare string (in a tree item, a button or executeCommand) escapes this test.
      const bare = [...text.matchAll(/(?:command:\s*|executeCommand\(\s*)'(opencx\.[^']*)'/g)].map((match) => match[1]);
      assert.deepEqual(bare, [], `${path.relative(root, file)} names commands by string: use COMMANDS`);
    }
  });
});
