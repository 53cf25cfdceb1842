// Activation: builds the extension's parts once and wires them together. What each part does
// lives in its own file; nothing here but construction and the events that connect them.
import * as vscode from 'vscode';
import type { CurrentClient } from './api/client';
import { ApiError } from './api/errors';
import { prepareFetch } from './api/fetchWarmUp';
import { registerCommands } from './commands';
import { DeepLinkHandler } from './commands/deepLinkHandler';
import type { Account } from './model/accounts/accounts';
import { sessionLink } from './model/links/deepLinkUris';
import { prepareAgeFormat } from './model/labels';
import { SessionLookupCache } from './model/links/sessionLookup';
import { SessionTreeModel } from './model/tree/sessionTree';
import type { TreeNode } from './model/tree/treeNodes';
import { affects, groupBy, sessionLinks } from './services/config';
import { Connection } from './services/connection';
import { AccountStore } from './services/accounts';
import { AccountsAuthenticationProvider } from './services/authenticationProvider';
import { Credentials } from './services/credentials';
import { FilterController } from './services/filterController';
import { SavedViews } from './services/savedViewStore';
import { AUTH_PROVIDER_ID, COMMANDS, CONTEXT_KEYS, VIEW_ID } from './ui/ids';
import { adoptLocale, currentLocale } from './ui/lazyParts';
import { OneTokenOffer } from './ui/tokenOffer';
import { registerSessionTools } from './tools/sessionTools';
import { SessionIdHovers, SessionIdLinks } from './views/sessionIdLinks';
import type { SessionPanel } from './views/sessionPanel';
import { SessionPanelsOnDemand } from './views/sessionPanelsOnDemand';
import { SessionsTreeProvider } from './views/sessionsTreeProvider';
import { SessionsWatch } from './views/sessionsWatch';

/** The groups expanded in this workspace, per grouping, so that a window reload shows them again. */
const EXPANDED_KEY = 'opencx.expandedGroups';

/** What the integration tests reach into; returned only when VS Code runs the extension's tests. */
export interface TestApi {
  connection: Connection;
  deepLinks: DeepLinkHandler;
  model: SessionTreeModel;
  provider: SessionsTreeProvider;
  view: vscode.TreeView<TreeNode>;
  credentials: Credentials;
  accounts: AccountStore;
  /** The accounts as VS Code's Accounts menu reads them. */
  authentication: AccountsAuthenticationProvider;
  filters: FilterController;
  savedViews: SavedViews;
  sessionPanels: SessionPanelsOnDemand;
  /** The open session panels by session id, as sessionPanels keeps them. */
  openPanels: ReadonlyMap<string, SessionPanel>;
  secrets: vscode.SecretStorage;
  watching: SessionsWatch;
  /** Settles once activation has read the stored token and set the signed-in context key. */
  signedInKnown: Promise<void>;
}

export async function activate(context: vscode.ExtensionContext): Promise<TestApi | undefined> {
  // Code that cannot import vscode translates through @vscode/l10n; the parts loaded on first use
  // are handed the same locale.
  const locale = currentLocale();
  adoptLocale(locale);
  const log = vscode.window.createOutputChannel('open.cx', { log: true });
  const { accounts, authentication, credentials, connection, subscriptions: accountSubscriptions } = signInParts(context, log);
  const client = () => connection.client();
  const model = new SessionTreeModel({ client, grouping: groupBy() });
  // Links name the running build's scheme (vscode, vscode-insiders, …), so they open where they were made.
  const linkTo = (id: string) => sessionLink(vscode.env.uriScheme, context.extension.id, id);
  const openPanels = new Map<string, SessionPanel>();
  const sessionPanels = new SessionPanelsOnDemand({ locale, extensionUri: context.extensionUri, connection, linkTo, panels: openPanels });
  const { view, provider, tokenOffer, subscriptions: viewSubscriptions } = showSessionsView(context, model, connection, sessionPanels);
  const savedViews = new SavedViews(context.globalState, context.workspaceState);
  const filters = new FilterController(context.workspaceState, model, view, savedViews, credentials);
  filters.restore();
  model.restoreExpanded(context.workspaceState.get(EXPANDED_KEY));
  const watching = new SessionsWatch(model, view, context.workspaceState);
  watching.restore();
  const signedIn = async () => (await credentials.token()) !== undefined;
  const editors = sessionIdsInEditors(client, async () => sessionLinks() && (await signedIn()));
  const deepLinks = new DeepLinkHandler(sessionPanels, signedIn, async (query) => {
    await vscode.commands.executeCommand(COMMANDS.searchSessions, query);
  });

  context.subscriptions.push(
    log,
    ...accountSubscriptions,
    followAccounts(accounts, filters, sessionPanels),
    ...viewSubscriptions,
    watching,
    { dispose: () => model.dispose() },
    sessionPanels,
    savedViews,
    savedViews.onDidChange(() => filters.showTitle()),
    registerCommands({ connection, linkTo, model, view, filters, sessions: sessionPanels, savedViews, watching, locale, state: context.globalState }),
    vscode.window.registerUriHandler(deepLinks),
    ...editors.subscriptions,
    credentials.onDidChange(() => {
      tokenOffer.reset();
      filters.showTitle();
      editors.lookups.clear();
      model.refresh();
      sessionPanels.retrySignedOut();
      void deepLinks.openWaiting();
    }),
    groupingFollowsSettings(model, filters),
    // The chat's read-only tools share the sidebar's client, and with it its request budget.
    registerSessionTools(client, locale),
  );
  const signedInKnown = readStoredToken(context, credentials, filters, log);
  return context.extensionMode === vscode.ExtensionMode.Test
    ? { connection, deepLinks, model, provider, view, credentials, accounts, authentication, filters, savedViews, sessionPanels, openPanels, secrets: context.secrets, watching, signedInKnown }
    : undefined;
}

/**
 * The open.cx accounts, the active one's key and server as every request reads them, and the
 * accounts in VS Code's Accounts menu.
 */
function signInParts(context: vscode.ExtensionContext, log: vscode.LogOutputChannel) {
  const accounts = new AccountStore(context.globalState, context.workspaceState, context.secrets);
  const credentials = new Credentials(accounts);
  const connection = new Connection(credentials, log);
  const addAccount = () => Promise.resolve(vscode.commands.executeCommand<Account | undefined>(COMMANDS.addAccount));
  const authentication = new AccountsAuthenticationProvider(accounts, addAccount);
  const subscriptions: vscode.Disposable[] = [
    accounts,
    credentials,
    authentication,
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, 'open.cx', authentication, { supportsMultipleAccounts: true }),
  ];
  return { accounts, authentication, credentials, connection, subscriptions };
}

/** The Sessions view over the model: its rows, what it keeps expanded, and what it prepares when shown. */
function showSessionsView(context: vscode.ExtensionContext, model: SessionTreeModel, connection: Connection, sessionPanels: SessionPanelsOnDemand) {
  const tokenOffer = new OneTokenOffer();
  const provider = new SessionsTreeProvider(model, (notice) => tokenOffer.offer(notice.error?.message));
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true });
  model.setViewVisible(view.visible);
  // What the first clicks need besides their pages, made once the view is on screen (after
  // activation, before the first click) rather than in the time the user waits: the age format of
  // the rows (the runtime is slow over its first RelativeTimeFormat), the API client, VS Code's
  // set-up of fetch for the server (prepareFetch says why), and the session panels' code.
  const prepareRows = () =>
    setTimeout(() => {
      prepareAgeFormat();
      // A configuration error is the tree's to show, on the first expansion.
      connection
        .client()
        .then((client) => client && prepareFetch(client.baseUrl))
        .catch(() => undefined);
      setTimeout(() => sessionPanels.prepare(), 0);
    }, 0);
  if (view.visible) prepareRows();
  const setExpanded = (element: TreeNode, expanded: boolean) => {
    if (element.type === 'group') model.setExpanded(element, expanded);
  };
  const subscriptions: vscode.Disposable[] = [
    view,
    provider,
    // What the view shows expanded is what a refresh loads again at once, and what the next window shows.
    view.onDidExpandElement(({ element }) => setExpanded(element, true)),
    view.onDidCollapseElement(({ element }) => setExpanded(element, false)),
    { dispose: model.onDidChangeExpanded(() => void context.workspaceState.update(EXPANDED_KEY, model.expandedState())) },
    view.onDidChangeVisibility(({ visible }) => {
      model.setViewVisible(visible);
      if (visible) prepareRows();
    }),
    view.onDidChangeSelection(({ selection }) => {
      void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.sessionsSelected, selection.some((node) => node.type === 'session'));
    }),
  ];
  return { view, provider, tokenOffer, subscriptions };
}

/** Session ids in any document become links, with a hover that looks the session up (one request per id). */
function sessionIdsInEditors(client: CurrentClient, enabled: () => Promise<boolean>) {
  const lookups = new SessionLookupCache(async (id, signal) => {
    const current = await client();
    if (!current) throw new ApiError('unauthorized', vscode.l10n.t('You are signed out of open.cx.'));
    return current.getSession(id, signal);
  });
  const subscriptions = [
    // Every document: session ids turn up in logs, code, JSON, Markdown and output alike.
    vscode.languages.registerDocumentLinkProvider('*', new SessionIdLinks(enabled)),
    vscode.languages.registerHoverProvider('*', new SessionIdHovers(enabled, lookups)),
  ];
  return { lookups, subscriptions };
}

/**
 * Any change to the accounts: the view's title names the active one, and a key set for a panel's
 * own account, active or not, lets that panel load again.
 */
function followAccounts(accounts: AccountStore, filters: FilterController, sessionPanels: SessionPanelsOnDemand): vscode.Disposable {
  return {
    dispose: accounts.onDidChange(() => {
      filters.showTitle();
      sessionPanels.retrySignedOut();
    }),
  };
}

/** The grouping follows the setting: the model, the Group By submenu's check marks and the view's title. */
function groupingFollowsSettings(model: SessionTreeModel, filters: FilterController): vscode.Disposable {
  const showGrouping = () => vscode.commands.executeCommand('setContext', CONTEXT_KEYS.groupBy, groupBy());
  void showGrouping();
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (affects(event, 'groupBy')) {
      model.setGrouping(groupBy());
      void showGrouping();
      filters.showTitle();
    }
  });
}

/**
 * Reading the stored token is a round trip to the window, slow while the window starts: activation
 * does not wait for it. The view's first request shares the same read, and the signed-in context
 * key and the view's title follow as soon as it is in.
 */
function readStoredToken(context: vscode.ExtensionContext, credentials: Credentials, filters: FilterController, log: vscode.LogOutputChannel): Promise<void> {
  return adoptDevelopmentToken(context, credentials)
    .then(() => credentials.refreshContext())
    .then(
      () => filters.showTitle(),
      (error: unknown) => log.error(`Could not read the stored API token: ${error instanceof Error ? error.message : String(error)}`),
    );
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
