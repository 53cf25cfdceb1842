// The user's filter as the window keeps it: saved per workspace, shown above the rows and in the
// `opencx.filtered` context key, and handed to the tree model, which turns it into queries.
import * as vscode from 'vscode';
import type { SessionTreeModel } from '../model/sessionTree';
import { describeFilter, isFiltered, readFilter, type SessionFilter } from '../model/sessionFilter';
import { CONTEXT_KEYS } from '../ui/ids';

const STORAGE_KEY = 'opencx.filter';

export class FilterController {
  constructor(
    private readonly state: vscode.Memento,
    private readonly model: SessionTreeModel,
    private readonly view: vscode.TreeView<unknown>,
  ) {}

  get filter(): SessionFilter {
    return this.model.currentFilter;
  }

  /** Applies the filter saved for this workspace; call once at activation. */
  restore(): void {
    const filter = readFilter(this.state.get(STORAGE_KEY));
    if (isFiltered(filter)) this.model.setFilter(filter);
    this.show(filter);
  }

  async apply(filter: SessionFilter): Promise<void> {
    this.model.setFilter(filter);
    this.show(filter);
    await this.state.update(STORAGE_KEY, isFiltered(filter) ? filter : undefined);
  }

  private show(filter: SessionFilter): void {
    const summary = describeFilter(filter);
    // The description shows beside the view's own header; a view alone in its container has
    // none, so the message above the rows says it too.
    this.view.description = summary || undefined;
    this.view.message = summary ? vscode.l10n.t('Filtered: {0}', summary) : undefined;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.filtered, isFiltered(filter));
  }
}
