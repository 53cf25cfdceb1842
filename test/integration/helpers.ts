// Shared by the integration tests that run inside the real VS Code extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { Account } from '../../src/model/accounts/accounts';
import { groupFromId } from '../../src/model/tree/treeGroups';
import { VIEW_ID } from '../../src/ui/ids';
import type { PageAction } from '../../src/views/page/webviewMessages';
import type { Faults, RecordedRequest } from '../server/server';
import type { RawSession } from '../server/data';

export const EXTENSION_ID = 'opencx.opencx-sessions';

/** The local open.cx stand-in the harness started, reached through its control endpoints. */
export const standIn = {
  url: required('OPENCX_TEST_API_URL'),
  token: required('OPENCX_TEST_TOKEN'),
  async control(path: string, method = 'POST', body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}/__stand-in/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    assert.ok(response.ok, `stand-in control ${path}: ${response.status}`);
    return response.json();
  },
  reset: () => standIn.control('reset'),
  setFaults: (faults: Faults) => standIn.control('faults', 'PUT', faults),
  requests: async () => (await standIn.control('requests', 'GET')) as RecordedRequest[],
  clearRequests: () => standIn.control('requests', 'DELETE'),
  sessions: async (query: Record<string, string> = {}) =>
    (await standIn.control(`sessions?${new URLSearchParams(query)}`, 'GET')) as RawSession[],
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the integration tests through "npm run test:integration".`);
  return value;
}

export async function activate(): Promise<TestApi> {
  const extension = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed in the test instance`);
  const api = await extension.activate();
  assert.ok(api, 'the extension returns its test API in test mode');
  await api.signedInKnown;
  return api;
}

/**
 * The extension activated as a suite of the tree starts it: the stand-in's data afresh, the default
 * grouping, no filter, signed in to the stand-in, the Sessions view shown.
 */
export async function activateInSessionsView(): Promise<TestApi> {
  const api = await activate();
  await standIn.reset();
  await vscode.workspace.getConfiguration('opencx').update('groupBy', undefined, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('opencx.clearFilters');
  await signIn(api);
  await vscode.commands.executeCommand('workbench.view.extension.opencx');
  return api;
}

/**
 * Every group collapsed, by the view's Collapse All and in the extension. Tests ask the provider
 * for rows the way VS Code does, and VS Code asks only for the rows of expanded groups, so to the
 * extension a group asked for is expanded: its row is then drawn expanded, VS Code asks for its
 * rows after each refresh, and a refresh loads its first page at once. A test that counts or
 * fails requests from a refresh on starts from here.
 */
export async function collapseAll(api: TestApi): Promise<void> {
  await vscode.commands.executeCommand(`workbench.actions.treeView.${VIEW_ID}.collapseAll`);
  // The view's collapse events reach the extension later; these are the same, at once.
  const grouping = api.model.currentGrouping;
  for (const id of api.model.expandedState()[grouping] ?? []) {
    const group = groupFromId(id, grouping);
    if (group) api.model.setExpanded(group, false);
  }
}

/**
 * Makes the stand-in's account active and stores its token, the way Set API Token does after the
 * server accepted it (with no account yet, that makes the first, for the setting's server).
 */
export async function signIn(api: TestApi): Promise<void> {
  const account = api.accounts.list().find((other) => other.baseUrl === standIn.url);
  if (account && api.credentials.account?.id !== account.id) await api.accounts.setActive(account.id);
  await api.credentials.store(standIn.token);
}

/**
 * Runs `work` with an account of `baseUrl` and `key` added and active (as Add Account does once the
 * key is checked, which this skips), then signs out of it and makes the account active before it
 * active again.
 */
export async function withAccount<T>(api: TestApi, baseUrl: string, key: string, work: (account: Account) => Promise<T>): Promise<T> {
  const before = api.credentials.account;
  const account = await api.accounts.add({ name: `Test ${baseUrl} ${Date.now()}`, baseUrl }, key);
  try {
    return await work(account);
  } finally {
    await api.accounts.remove(account.id);
    if (before && api.accounts.list().some((other) => other.id === before.id)) await api.accounts.setActive(before.id);
  }
}

export function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = async () => {
      try {
        const value = await probe();
        if (value !== undefined && value !== false) return resolve(value);
      } catch (error) {
        if (Date.now() - started > timeoutMs) return reject(error);
      }
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 50);
    };
    void tick();
  });
}

/**
 * The body of the page of session `id`'s open panel: what the page shows, or will once its script
 * runs (later changes reach it as updates, so the webview's HTML is only the first page). Undefined
 * when no panel of that session is open.
 */
export function pageOf(api: TestApi, id: string): string | undefined {
  return api.openPanels.get(id)?.page.content.body;
}

/** Whether the page shows a request in flight (the session being refreshed, or history loading). */
function busy(body: string): boolean {
  return body.includes('aria-busy="true"');
}

/** Waits for session `id`'s panel to show no request in flight, and returns its page's body. */
export function settledPage(api: TestApi, id: string): Promise<string> {
  return waitFor(`the page of ${id} with nothing loading`, () => {
    const body = pageOf(api, id);
    return body !== undefined && !busy(body) ? body : undefined;
  });
}

/** Presses a button of session `id`'s page: the message its script sends for it. */
export function press(api: TestApi, id: string, action: PageAction): void {
  const panel = api.openPanels.get(id);
  assert.ok(panel, `a panel of ${id} is open`);
  panel.receive({ type: action });
}

/** Presses a button whose answer is new content (Refresh, Load older, Retry), and returns the page's body once it is in. */
export async function answerTo(api: TestApi, id: string, action: PageAction): Promise<string> {
  const page = api.openPanels.get(id)?.page;
  const before = page?.content;
  press(api, id, action);
  return waitFor(`the answer to ${action}`, () => {
    const content = page?.content;
    return content && content !== before && !busy(content.body) ? content.body : undefined;
  });
}
