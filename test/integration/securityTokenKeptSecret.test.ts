// Security in the real VS Code: the API token stays out of the open.cx log, every error the tree
// shows, the session page and the settings. (Refusing plain http to a non-loopback server is
// covered by credentials.test.ts.)
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { GroupNode, NoticeNode, TreeNode } from '../../src/model/tree/treeNodes';
import type { Faults } from '../server/server';
import { closedPort } from '../unit/closedPort';
import { survives } from '../unit/faultReport';
import { activateInSessionsView, collapseAll, EXTENSION_ID, pageOf, settledPage, signIn, standIn, waitFor, withAccount } from './helpers';
import { markdownIn } from './markdownInData';
import { assertNoToken } from './tokenLeaks';

const noticesOf = (nodes: TreeNode[]) => nodes.filter((node): node is NoticeNode => node.type === 'notice');

// ---------------------------------------------------------------------------------------------
// Where this extension host writes its logs. The VS Code server starts each extension host with a
// log folder <data dir>/logs/<session>/exthost<N>/ (its remoteexthost.log opens with the host's
// pid); a LogOutputChannel of an extension writes <that folder>/<extension id>/<name>.log.

/** The command line of the process that started this extension host: the VS Code server. */
function serverArguments(): string[] {
  try {
    return readFileSync(`/proc/${process.ppid}/cmdline`, 'utf8').split('\0');
  } catch {
    return execFileSync('ps', ['-o', 'args=', '-p', String(process.ppid)], { encoding: 'utf8' }).trim().split(/\s+/);
  }
}

/** The value given to a command-line flag of the VS Code server. */
function serverArgument(flag: string): string | undefined {
  const args = serverArguments();
  const index = args.indexOf(flag);
  return index === -1 ? undefined : args[index + 1];
}

function logRoots(): string[] {
  const given = ['--user-data-dir', '--server-data-dir', '--logsPath']
    .map(serverArgument)
    .filter((value, index, all): value is string => value !== undefined && all.indexOf(value) === index);
  const roots = given.flatMap((dir) => [join(dir, 'logs'), join(dir, 'data', 'logs'), dir]);
  // The harness's layout (scripts/vscode/vscode-server.mjs), should the command line not say.
  const harness = readdirSync(tmpdir()).filter((name) => name.startsWith('opencx-vscode-')).map((name) => join(tmpdir(), name, 'user', 'logs'));
  return [...roots, ...harness].filter((root) => existsSync(root) && statSync(root).isDirectory());
}

/** This extension host's log folder, told apart from other hosts' (and other runs') by its pid. */
function extensionHostLogFolder(): string {
  for (const root of logRoots()) {
    for (const session of readdirSync(root)) {
      const sessionDir = join(root, session);
      if (!/^\d{8}T\d{6}$/.test(session) || !statSync(sessionDir).isDirectory()) continue;
      for (const host of readdirSync(sessionDir).filter((name) => name.startsWith('exthost'))) {
        const hostLog = join(sessionDir, host, 'remoteexthost.log');
        if (existsSync(hostLog) && new RegExp(`Extension host with pid ${process.pid} started`).test(readFileSync(hostLog, 'utf8'))) {
          return join(sessionDir, host);
        }
      }
    }
  }
  assert.fail(`no log folder of extension host ${process.pid} under ${logRoots().join(', ')}`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => join(dir, name)).filter((file) => file.endsWith('.log'));
}

suite('security: the API token stays secret', function () {
  this.timeout(60_000);
  let api: TestApi;
  const config = () => vscode.workspace.getConfiguration('opencx');

  async function group(parent: GroupNode | undefined, label: string): Promise<GroupNode> {
    const found = (await api.provider.getChildren(parent)).find(
      (node): node is GroupNode => node.type === 'group' && api.provider.getTreeItem(node).label === label,
    );
    assert.ok(found, `a "${label}" group`);
    return found;
  }

  /** Refreshes, then expands Open → `channel` as a click does; returns what the group shows. */
  async function expand(channel = 'Web'): Promise<TreeNode[]> {
    await collapseAll(api);
    await vscode.commands.executeCommand('opencx.refresh');
    return api.provider.getChildren(await group(await group(undefined, 'Open'), channel));
  }

  /** Every text of an item the tree shows for a notice. */
  function textsOf(notice: NoticeNode): string[] {
    const item = api.provider.getTreeItem(notice);
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
    const label = typeof item.label === 'object' ? item.label.label : item.label;
    return [label, item.description, tooltip, notice.error?.message, notice.error?.serverMessage].filter((text): text is string => typeof text === 'string');
  }

  suiteSetup(async () => {
    api = await activateInSessionsView();
  });
  setup(() => standIn.reset());
  teardown(async () => {
    await standIn.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a URL or link in a server error is text in the error row\'s tooltip, never a link', async () => {
    await survives('a link in a server error (tree tooltip)', async () => {
      await standIn.setFaults({ status: 500, message: 'see https://evil.example/renew and [Renew](command:workbench.action.reloadWindow) <b>now</b>' });
      const notice = noticesOf(await expand()).find((node) => node.kind === 'error');
      assert.ok(notice, 'an error row');
      const tooltip = api.provider.getTreeItem(notice).tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString);
      assert.equal(tooltip.isTrusted, false);
      assert.deepEqual(markdownIn(tooltip.value.split('\n\n')[0]!), [], `Markdown or HTML from data in ${JSON.stringify(tooltip.value)}`);
      assert.ok(!tooltip.value.includes('https://'), `no bare URL to autolink: ${tooltip.value}`);
    });
  });

  test('every error the tree shows keeps the token out, though the server echoes it', async () => {
    const echo = `key ${standIn.token} refused`;
    const cases: { fault: string; faults: Faults; kind: NoticeNode['kind']; echoed: boolean }[] = [
      { fault: '400 echoing the token', faults: { status: 400, message: echo }, kind: 'error', echoed: true },
      { fault: '401 echoing the token', faults: { status: 401, message: echo }, kind: 'signedOut', echoed: true },
      { fault: '403 echoing the token', faults: { status: 403, message: echo }, kind: 'signedOut', echoed: true },
      { fault: '404 echoing the token', faults: { status: 404, message: echo }, kind: 'error', echoed: true },
      // Longer than the client waits by itself: shown as rate limited at once.
      { fault: '429 echoing the token', faults: { status: 429, retryAfterSeconds: 120, message: echo }, kind: 'rateLimited', echoed: true },
      { fault: '500 echoing the token', faults: { status: 500, message: echo }, kind: 'error', echoed: true },
      { fault: 'non-JSON body', faults: { body: 'html' }, kind: 'error', echoed: false },
    ];
    for (const { fault, faults, kind, echoed } of cases) {
      await survives(`token kept out of the tree: ${fault}`, async () => {
        await standIn.reset();
        // The 429 case pauses the key for its Retry-After; each case starts with the key's budget afresh.
        api.connection.forgetRequestBudgets();
        await standIn.setFaults(faults);
        const notice = noticesOf(await expand()).find((node) => node.kind === kind);
        assert.ok(notice?.error, `${fault}: a ${kind} item`);
        const texts = textsOf(notice);
        for (const text of texts) assertNoToken(text, `${fault}: "${text}"`);
        // The server's words are shown, with the token masked: the check above looked at the echo.
        if (echoed) assert.ok(texts.some((text) => text.includes('«token»')), `${fault}: the echo is shown, masked`);
      });
    }
    await vscode.commands.executeCommand('opencx.refresh'); // stops the rate-limited group's timer
  });

  test('a server that cannot be reached: the error names the host, not the token', async () => {
    const port = await closedPort();
    const unreachable = `http://127.0.0.1:${port}`;
    await withAccount(api, unreachable, standIn.token, async () => {
      await survives('token kept out of the tree: connection refused', async () => {
        const notice = noticesOf(await expand()).find((node) => node.kind === 'error');
        assert.equal(notice?.error?.kind, 'network');
        assert.match(notice.error.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
        for (const text of textsOf(notice)) assertNoToken(text, `connection refused: "${text}"`);
      });
    });
  });

  test('the session page keeps the token out of an error the server echoed it in', async () => {
    const [session] = await standIn.sessions({ status: 'closed_resolved' });
    const id = session!.id;
    await standIn.setFaults({ status: 400, message: `history of ${id} is not for ${standIn.token}`, path: `/chat/sessions/${id}/history` });
    await survives('token kept out of the session page', async () => {
      await vscode.commands.executeCommand('opencx.openSession', id);
      await waitFor('the session panel', () => pageOf(api, id));
      const html = await settledPage(api, id);
      assert.match(html, /class="notice error"/, 'the history error is on the page');
      assert.ok(html.includes('«token»'), 'with the echo masked');
      assertNoToken(html, 'the session page');
    });
  });

  test('request lines reach the open.cx log (method, path, status, ms); the token never does, nor any log of this extension host', async () => {
    await expand('Web');
    await standIn.setFaults({ status: 400, message: `echo ${standIn.token}`, times: 1 });
    await expand('Email');
    const folder = extensionHostLogFolder();
    const logFile = join(folder, EXTENSION_ID, 'open.cx.log');
    await survives('token kept out of the logs', async () => {
      // The log is written asynchronously: wait for the lines of the two requests just made.
      const text = await waitFor('the request lines in the open.cx log', () => {
        const content = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
        return /\[info\] GET \/chat\/sessions\?status=open&channel_type=web 200 \d+ ms/.test(content) &&
          /\[warning\] GET \/chat\/sessions\?status=open&channel_type=email 400 \d+ ms/.test(content)
          ? content
          : undefined;
      });
      assertNoToken(text, logFile);
      for (const file of filesUnder(folder)) assertNoToken(readFileSync(file, 'utf8'), file);
    });
  });

  test('settings never hold the token: not the opencx section, nor the settings file on disk', async () => {
    await signIn(api);
    await survives('token kept out of the settings', async () => {
      assertNoToken(JSON.stringify(config()), 'the opencx configuration');
      for (const key of ['apiBaseUrl', 'groupBy']) assertNoToken(JSON.stringify(config().inspect(key) ?? {}), `inspect(${key})`);
      const userDataDir = serverArgument('--user-data-dir');
      assert.ok(userDataDir, 'the server names its user data folder');
      const settingsFile = join(userDataDir, 'User', 'settings.json');
      const settings = readFileSync(settingsFile, 'utf8');
      assert.ok(settings.includes('opencx.apiBaseUrl'), `${settingsFile} is the file VS Code keeps the opencx settings in`);
      assertNoToken(settings, settingsFile);
    });
  });
});
