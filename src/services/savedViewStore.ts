// Saved views as VS Code keeps them: the list in the user's global state, synced across machines
// with Settings Sync; which one is active in the workspace's state, so each window comes back to
// its own view after a reload. The rules (names, reading stored state) are in model/savedViews.ts.
import * as vscode from 'vscode';
import { checkName, findView, putView, readSavedViews, removeView, renameView, writeSavedViews, type NameCheck, type SavedView } from '../model/savedViews';

const VIEWS_KEY = 'opencx.savedViews';
const ACTIVE_KEY = 'opencx.activeView';

export class SavedViews implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The list or the active view changed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly global: vscode.Memento & { setKeysForSync(keys: readonly string[]): void },
    private readonly workspace: vscode.Memento,
  ) {
    global.setKeysForSync([VIEWS_KEY]);
  }

  list(): SavedView[] {
    return readSavedViews(this.global.get(VIEWS_KEY));
  }

  /** The workspace's active view, while it is still saved (another machine may have deleted it). */
  active(): SavedView | undefined {
    const name = this.workspace.get<unknown>(ACTIVE_KEY);
    return typeof name === 'string' ? findView(this.list(), name) : undefined;
  }

  /**
   * Saves `view` (overwriting one of the same name) and makes it the active one. Refused, with why,
   * when the list would not keep it (a new view while the list is full): then nothing changes.
   */
  async save(view: SavedView): Promise<NameCheck> {
    const views = this.list();
    const check = checkName(view.name, views);
    if (check.kind === 'invalid') return check;
    await this.store(putView(views, { ...view, name: check.name }));
    await this.setActive(check.name);
    return check;
  }

  async rename(from: string, to: string): Promise<void> {
    const wasActive = this.active();
    await this.store(renameView(this.list(), from, to));
    if (wasActive && findView([wasActive], from)) await this.setActive(to);
    else this.changed.fire();
  }

  async remove(name: string): Promise<void> {
    await this.store(removeView(this.list(), name));
    this.changed.fire();
  }

  /** `undefined`: no saved view is active ("All sessions", or none chosen yet). */
  async setActive(name: string | undefined): Promise<void> {
    await this.workspace.update(ACTIVE_KEY, name);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private store(views: SavedView[]): Thenable<void> {
    return this.global.update(VIEWS_KEY, views.length > 0 ? writeSavedViews(views) : undefined);
  }
}
