// The reference for the perceived-latency benchmark: the same rows as the extension's tree (its
// three statuses, each with its ten channels), each channel's getChildren awaiting one page and
// returning plain items, a click on a session opening a panel that shows its JSON once, with no
// script, and a Refresh that fetches Open › Web's and Open › Email's first pages and then names
// the two groups in one change event. What VS Code adds around such a tree and panel is the floor
// the extension is measured against. The groups are the extension's: VS Code's own work per
// change grows with the rows on screen (each row's action bar joins one shared action runner,
// whose listener-leak check records a stack trace per listener once it has many).
const vscode = require('vscode');

/** @typedef {{ kind: 'status', label: string, id: string, channels: ChannelNode[] }} StatusNode */
/** @typedef {{ kind: 'channel', label: string, id: string, status: string, channel: string }} ChannelNode */
/**
 * A session as the API sends it: what this reads of it.
 * @typedef {{ id: string, contact?: { name?: string } | null }} Session
 */
/** @typedef {{ kind: 'session', session: Session }} SessionRow */
/** @typedef {{ kind: 'more', group: ChannelNode }} MoreRow */
/** @typedef {StatusNode | ChannelNode | SessionRow | MoreRow} Node */
/** @typedef {{ items: Session[], next?: string | null }} Page */
/** @typedef {{ sessions: Session[], next: string | null | undefined }} Loaded */

const STATUS_NAMES = [
  ['Open', 'open'],
  ['Closed · resolved', 'closed_resolved'],
  ['Closed · unresolved', 'closed_unresolved'],
];
const CHANNEL_NAMES = [
  ['Web', 'web'],
  ['Email', 'email'],
  ['Phone', 'phone_voice'],
  ['Slack', 'slack'],
  ['SMS', 'sms'],
  ['WhatsApp', 'whatsapp'],
  ['Instagram', 'instagram'],
  ['Messenger', 'messenger'],
  ['API', 'api'],
  ['Web voice', 'web_voice'],
];
// One object per row that stays, so the change event of "Load more…" names the row VS Code has.
const STATUSES = STATUS_NAMES.map(([label, status]) => {
  // Its channels follow at once.
  const node = /** @type {StatusNode} */ ({ kind: 'status', label, id: `status=${status}` });
  node.channels = CHANNEL_NAMES.map(([channelLabel, channel]) => ({ kind: 'channel', label: channelLabel, id: `${node.id}/channel=${channel}`, status, channel }));
  return node;
});
// The groups the benchmark expands and refreshes.
const CHANNELS = STATUSES[0].channels.slice(0, 2);

/** @param {import('vscode').ExtensionContext} context */
function activate(context) {
  /** @type {import('vscode').EventEmitter<Node | Node[] | undefined>} */
  const changed = new vscode.EventEmitter();
  /** @type {Map<string, Loaded>} */
  const pages = new Map(); // group id → { sessions, next }
  const baseUrl = vscode.workspace.getConfiguration('opencx').get('apiBaseUrl');

  /**
   * @param {ChannelNode} group
   * @param {string | null} [cursor]
   * @returns {Promise<Page>}
   */
  async function fetchPage(group, cursor) {
    const query = new URLSearchParams({ status: group.status, channel_type: group.channel });
    if (cursor) query.set('cursor', cursor);
    const response = await fetch(`${baseUrl}/chat/sessions?${query}`, {
      headers: { authorization: `Bearer ${process.env.OPENCX_DEV_TOKEN}`, accept: 'application/json' },
    });
    return response.json();
  }

  const provider = sessionsProvider(changed, pages, fetchPage);

  context.subscriptions.push(
    changed,
    vscode.window.createTreeView('opencxBenchReference.sessions', { treeDataProvider: provider }),
    vscode.commands.registerCommand('opencxBenchReference.loadMore', async (/** @type {MoreRow} */ more) => {
      // A "Load more…" row follows its group's first page.
      const loaded = /** @type {Loaded} */ (pages.get(more.group.id));
      const page = await fetchPage(more.group, loaded.next);
      loaded.sessions.push(...page.items);
      loaded.next = page.next;
      changed.fire(more.group);
    }),
    // Both pages together, then one event: VS Code asks for expanded groups' rows one group after
    // the other, so pages fetched in getChildren would arrive one after the other too.
    vscode.commands.registerCommand('opencxBenchReference.refresh', async () => {
      const fresh = await Promise.all(CHANNELS.map((node) => fetchPage(node)));
      CHANNELS.forEach((node, index) => pages.set(node.id, { sessions: fresh[index].items, next: fresh[index].next }));
      changed.fire(CHANNELS);
    }),
    vscode.commands.registerCommand('opencxBenchReference.open', (/** @type {Session} */ session) => {
      const panel = vscode.window.createWebviewPanel('opencxBenchReference.session', session.id, vscode.ViewColumn.Active, {});
      panel.webview.html = sessionPage(session);
    }),
  );
}

/**
 * The tree: the statuses, their channels, and under each channel its sessions, its first page
 * fetched when it is expanded and more on "Load more…" (the pages are kept in `pages`).
 * @param {import('vscode').EventEmitter<Node | Node[] | undefined>} changed
 * @param {Map<string, Loaded>} pages
 * @param {(group: ChannelNode, cursor?: string | null) => Promise<Page>} fetchPage
 * @returns {import('vscode').TreeDataProvider<Node>}
 */
function sessionsProvider(changed, pages, fetchPage) {
  return {
    onDidChangeTreeData: changed.event,
    async getChildren(node) {
      if (!node) return STATUSES;
      if (node.kind === 'status') return node.channels;
      if (node.kind !== 'channel') return [];
      let loaded = pages.get(node.id);
      if (!loaded) {
        const page = await fetchPage(node);
        loaded = { sessions: page.items, next: page.next };
        pages.set(node.id, loaded);
      }
      /** @type {Node[]} */
      const rows = loaded.sessions.map((session) => ({ kind: 'session', session }));
      if (loaded.next) rows.push({ kind: 'more', group: node });
      return rows;
    },
    getTreeItem: treeItem,
  };
}

/**
 * A row as VS Code draws it: groups collapsed, a session opening its panel, "Load more…" loading
 * the next page of its group.
 * @param {Node} node
 */
function treeItem(node) {
  switch (node.kind) {
    case 'status':
    case 'channel': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      return item;
    }
    case 'session': {
      const item = new vscode.TreeItem(node.session.contact?.name || node.session.id);
      item.id = node.session.id;
      item.command = { command: 'opencxBenchReference.open', title: 'Open', arguments: [node.session] };
      return item;
    }
    case 'more': {
      const item = new vscode.TreeItem('Load more…');
      item.id = `${node.group.id}#more`;
      item.command = { command: 'opencxBenchReference.loadMore', title: 'Load more', arguments: [node] };
      return item;
    }
  }
}

/** @param {Session} session */
function sessionPage(session) {
  const json = JSON.stringify(session, null, 2).replace(/[&<>]/g, (char) => /** @type {Record<string, string>} */ ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char]);
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><pre id="json">${json}</pre></body></html>`;
}

module.exports = { activate };
