// "Save View…" and "Switch View…": the current filter and grouping kept under a name, and a picker
// of the saved ones (rename and delete from their buttons, "All sessions" for none). The list and
// the active view live in services/savedViewStore.ts; names are the user's own text, so they are shown
// as plain text wherever VS Code would read icon or link syntax.
import * as vscode from 'vscode';
import { checkName, DEFAULT_GROUPING, describeView, findView, sortedViews, type SavedView } from '../model/savedViews';
import { NO_FILTER } from '../model/tree/sessionFilter';
import { groupBy, setGroupBy } from '../services/config';
import type { FilterController } from '../services/filterController';
import type { SavedViews } from '../services/savedViewStore';
import { showWarning } from '../ui/notifications';
import { plainText } from '../ui/plainText';

export interface ViewTargets {
  savedViews: SavedViews;
  filters: FilterController;
}

const CONFIRMATION_MS = 4000;

export async function saveView({ savedViews, filters }: ViewTargets): Promise<void> {
  const current = { filter: filters.filter, grouping: groupBy() };
  const active = savedViews.active();
  const name = await askName({
    title: vscode.l10n.t('Save View'),
    prompt: vscode.l10n.t('A name for the current filter and grouping ({0})', describeView(current)),
    value: active?.name ?? '',
    views: savedViews.list(),
  });
  if (name === undefined) return;
  // The box checked the name, but another window or machine may have filled the list since.
  const saved = await savedViews.save({ name, ...current });
  if (saved.kind === 'invalid') {
    void showWarning(saved.message);
    return;
  }
  vscode.window.setStatusBarMessage(vscode.l10n.t('Saved view "{0}"', plainText(name)), CONFIRMATION_MS);
}

/** The picker; with a name (from a keybinding's `args`), that view at once. */
export async function switchView(targets: ViewTargets, name?: string): Promise<void> {
  if (name !== undefined) {
    const view = findView(targets.savedViews.list(), name);
    if (view) return showView(targets, view);
    void showWarning(vscode.l10n.t('No saved view is named "{0}". Save one with "Save View…", or pick one with "Switch View…".', name));
    return;
  }
  // Renaming leaves the picker for an input box; it comes back afterwards.
  for (;;) {
    const choice = await pickView(targets.savedViews);
    if (!choice) return;
    if (choice.kind === 'rename') await renameView(targets.savedViews, choice.view);
    else if (choice.kind === 'save') return saveView(targets);
    else return showView(targets, choice.view);
  }
}

/** Applies a saved view, or with none the unfiltered tree in the default grouping. */
async function showView({ savedViews, filters }: ViewTargets, view: SavedView | undefined): Promise<void> {
  await setGroupBy(view?.grouping ?? DEFAULT_GROUPING);
  await savedViews.setActive(view?.name);
  await filters.apply(view?.filter ?? NO_FILTER);
}

type Choice = { kind: 'show'; view?: SavedView } | { kind: 'rename'; view: SavedView } | { kind: 'save' };

interface ViewItem extends vscode.QuickPickItem {
  choice?: Choice;
}

const RENAME: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('edit'), tooltip: vscode.l10n.t('Rename') };
const DELETE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('trash'), tooltip: vscode.l10n.t('Delete') };

function pickView(savedViews: SavedViews): Promise<Choice | undefined> {
  const picker = vscode.window.createQuickPick<ViewItem>();
  picker.title = vscode.l10n.t('Switch View');
  picker.matchOnDescription = true;
  const show = () => {
    const views = sortedViews(savedViews.list());
    const active = savedViews.active();
    const items = viewItems(views, active);
    picker.items = items;
    picker.placeholder =
      views.length > 0
        ? vscode.l10n.t('Choose a saved view, or All sessions for no filter')
        : vscode.l10n.t('No saved views yet: save the current filter and grouping to come back to them');
    const current = items.find((item) => item.choice?.kind === 'show' && item.choice.view?.name === active?.name);
    if (current) picker.activeItems = [current];
  };
  show();
  return new Promise((resolve) => {
    picker.onDidTriggerItemButton(async ({ item, button }) => {
      const view = item.choice?.kind === 'show' ? item.choice.view : undefined;
      if (!view) return;
      if (button === RENAME) {
        resolve({ kind: 'rename', view });
        picker.hide();
      } else {
        await savedViews.remove(view.name);
        show();
      }
    });
    picker.onDidAccept(() => {
      resolve(picker.selectedItems[0]?.choice);
      picker.hide();
    });
    picker.onDidHide(() => {
      resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
}

/** "All sessions", the saved views (`active` checked), then "Save Current View…". */
function viewItems(views: SavedView[], active: SavedView | undefined): ViewItem[] {
  const items: ViewItem[] = [
    {
      label: vscode.l10n.t('All sessions'),
      iconPath: new vscode.ThemeIcon(active ? 'list-tree' : 'check'),
      description: describeView({ filter: NO_FILTER, grouping: DEFAULT_GROUPING }),
      choice: { kind: 'show' },
    },
  ];
  if (views.length > 0) items.push({ label: vscode.l10n.t('Saved views'), kind: vscode.QuickPickItemKind.Separator });
  for (const view of views) {
    const isActive = active !== undefined && view.name === active.name;
    items.push({
      label: plainText(view.name),
      iconPath: new vscode.ThemeIcon(isActive ? 'check' : 'bookmark'),
      description: plainText(describeView(view)),
      buttons: [RENAME, DELETE],
      choice: { kind: 'show', view },
    });
  }
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: vscode.l10n.t('Save Current View…'), iconPath: new vscode.ThemeIcon('save'), choice: { kind: 'save' } },
  );
  return items;
}

async function renameView(savedViews: SavedViews, view: SavedView): Promise<void> {
  const name = await askName({
    title: vscode.l10n.t('Rename View'),
    prompt: vscode.l10n.t('A new name for "{0}"', plainText(view.name)),
    value: view.name,
    views: savedViews.list(),
    renaming: view.name,
  });
  if (name !== undefined) await savedViews.rename(view.name, name);
}

/**
 * A name for a view: refused while empty, too long or holding control characters; the name of
 * another saved view is offered as an overwrite (a warning under the box: Enter replaces it),
 * from the first moment, since the box may open on the active view's name.
 */
function askName(options: { title: string; prompt: string; value: string; views: SavedView[]; renaming?: string }): Promise<string | undefined> {
  const { views, renaming } = options;
  const box = vscode.window.createInputBox();
  box.title = options.title;
  box.prompt = options.prompt;
  box.value = options.value;
  box.placeholder = vscode.l10n.t('e.g. Open web handoffs');
  box.ignoreFocusOut = true;
  // An empty box that has not been typed in yet is a question, not an error.
  let typed = false;
  const validate = () => {
    const check = checkName(box.value, views, renaming);
    if (check.kind === 'invalid' && !typed && !box.value) box.validationMessage = undefined;
    else if (check.kind === 'invalid') box.validationMessage = { message: check.message, severity: vscode.InputBoxValidationSeverity.Error };
    else if (check.kind === 'exists') {
      box.validationMessage = {
        message: vscode.l10n.t('A saved view is named "{0}": Enter overwrites it.', plainText(check.existing.name)),
        severity: vscode.InputBoxValidationSeverity.Warning,
      };
    } else box.validationMessage = undefined;
    return check;
  };
  validate();
  return new Promise((resolve) => {
    box.onDidChangeValue(() => {
      typed = true;
      validate();
    });
    box.onDidAccept(() => {
      typed = true;
      const check = validate();
      if (check.kind === 'invalid') return;
      resolve(check.name);
      box.hide();
    });
    box.onDidHide(() => {
      resolve(undefined);
      box.dispose();
    });
    box.show();
  });
}
