// The user's filter as the window keeps it: saved per workspace, shown above the rows and in the
// `opencx.filtered` context key, and handed to the tree model, which turns it into queries.
import * as vscode from 'vscode';
import { viewTitle } from '../model/savedViews';
import type { SessionTreeModel } from '../model/tree/sessionTree';
import { isFiltered, readFilter, type SessionFilter } from '../model/tree/sessionFilter';
import { CONTEXT_KEYS } from '../ui/ids';
import type { SavedViews } from './savedViewStore';

const STORAGE_KEY = 'opencx.filter';

export class FilterController {
  constructor(
    private readonly state: vscode.Memento,
    private readonly model: SessionTreeModel,
    private readonly view: vscode.TreeView<unknown>,
    private readonly savedViews: SavedViews,
    /** The active account, whose name the title shows while it is signed in and not the only one. */
    private readonly signIn: { readonly isSignedIn: boolean; readonly accountToName: string | undefined },
  ) {}

  get filter(): SessionFilter {
    return this.model.currentFilter;
  }

  /** Applies the filter saved for this workspace; call once at activation. */
  restore(): void {
    const filter = readFilter(this.state.get(STORAGE_KEY));
    if (isFiltered(filter)) this.model.setFilter(filter);
    this.showTitle();
  }

  async apply(filter: SessionFilter): Promise<void> {
    this.model.setFilter(filter);
    this.showTitle();
    await this.state.update(STORAGE_KEY, isFiltered(filter) ? filter : undefined);
  }

  /** Shows the filter, and the saved view it came from; again whenever either or the grouping changes. */
  showTitle(): void {
    const filter = this.filter;
    // The grouping the tree shows, which follows the setting once VS Code reports its change (and
    // then shows the title again): the title never compares with a grouping not on screen yet.
    const signedIn = this.signIn.isSignedIn;
    const account = signedIn ? this.signIn.accountToName : undefined;
    const { description, message } = viewTitle(this.savedViews.active(), filter, this.model.currentGrouping, account);
    // The description shows beside the view's own header; a view alone in its container has
    // none, so the message above the rows says it too. Signed out, VS Code would show the
    // message instead of the welcome with its Set API Token button: the description alone then.
    this.view.description = description;
    this.view.message = signedIn ? message : undefined;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.filtered, isFiltered(filter));
  }
}
