import * as vscode from 'vscode';
import { copySessionIds, copySessionJson, selectedSessions } from './commands/copy';
import { FilterController, filterSessions } from './commands/filter';
import { goToSession } from './commands/goToSession';
import { setToken, signOut } from './commands/token';
import { registerTreeCommands } from './commands/tree';
import { affects, groupBy } from './config';
import { Connection } from './connection';
import { Credentials } from './credentials';
import { NO_FILTER } from './model/filters';
import { SessionTreeModel, type TreeNode } from './model/sessionTree';
import { registerSessionPanelCommands, SessionPanels } from './views/sessionPanel';
import { SessionsTreeProvider, VIEW_ID } from './views/sessionsTreeProvider';

/** What the integration tests reach into; returned only when VS Code runs the extension's tests. */
export interface TestApi {
  model: SessionTreeModel;
  provider: SessionsTreeProvider;
  view: vscode.TreeView<TreeNode>;
  credentials: Credentials;
  filters: FilterController;
  sessionPanels: SessionPanels;
  secrets: vscode.SecretStorage;
}

export async function activate(context: vscode.ExtensionContext): Promise<TestApi | undefined> {
  const log = vscode.window.createOutputChannel('open.cx', { log: true });
  const credentials = new Credentials(context.secrets);
  const connection = new Connection(credentials, log);
  const model = new SessionTreeModel({ client: () => connection.client(), grouping: groupBy() });

  // One prompt per rejected token, however many groups report it.
  let promptedForToken = false;
  const provider = new SessionsTreeProvider(model, (notice) => {
    if (promptedForToken) return;
    promptedForToken = true;
    const set = vscode.l10n.t('Set API Token');
    void vscode.window.showWarningMessage(notice.error?.message ?? vscode.l10n.t('open.cx rejected the API key.'), set).then((choice) => {
      if (choice === set) void vscode.commands.executeCommand('opencx.setToken');
    });
  });
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true });
  const filters = new FilterController(context.workspaceState, model, view);
  filters.restore();
  const sessionPanels = new SessionPanels(context.extensionUri, connection);

  context.subscriptions.push(
    log,
    credentials,
    view,
    provider,
    { dispose: () => model.dispose() },
    registerTreeCommands(model),
    sessionPanels,
    registerSessionPanelCommands(sessionPanels),
    vscode.commands.registerCommand('opencx.goToSession', () => goToSession(sessionPanels)),
    vscode.commands.registerCommand('opencx.setToken', () => setToken(connection)),
    vscode.commands.registerCommand('opencx.signOut', () => signOut(connection)),
    vscode.commands.registerCommand('opencx.filter', () => filterSessions(filters)),
    vscode.commands.registerCommand('opencx.clearFilters', () => filters.apply(NO_FILTER)),
    vscode.commands.registerCommand('opencx.copySessionId', (clicked?: TreeNode, selected?: TreeNode[]) =>
      copySessionIds(selectedSessions(view, clicked, selected)),
    ),
    vscode.commands.registerCommand('opencx.copySessionJson', (clicked?: TreeNode, selected?: TreeNode[]) =>
      copySessionJson(selectedSessions(view, clicked, selected)),
    ),
    credentials.onDidChange(() => {
      promptedForToken = false;
      model.refresh();
      sessionPanels.retrySignedOut();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affects(event, 'groupBy')) model.setGrouping(groupBy());
    }),
  );
  await adoptDevelopmentToken(context, credentials);
  await credentials.refreshContext();
  return context.extensionMode === vscode.ExtensionMode.Test ? { model, provider, view, credentials, filters, sessionPanels, secrets: context.secrets } : undefined;
}

/**
 * For local demos and tests only (never in an installed extension): a token handed over in
 * OPENCX_DEV_TOKEN goes straight to SecretStorage, so nobody pastes it by hand.
 */
async function adoptDevelopmentToken(context: vscode.ExtensionContext, credentials: Credentials): Promise<void> {
  const token = process.env.OPENCX_DEV_TOKEN;
  if (context.extensionMode === vscode.ExtensionMode.Production || !token) return;
  if ((await credentials.token()) === undefined) await credentials.store(token);
}

export function deactivate(): void {}
