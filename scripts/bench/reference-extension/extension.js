// The reference for the perceived-latency benchmark: the same rows as the extension's
// Open › Web and Open › Email, each group's getChildren awaiting one page and returning plain
// items, a click on a session opening a panel that shows its JSON once, with no script, and a
// Refresh that fetches both channels' first pages and then names the two groups in one change
// event. What VS Code adds around such a tree and panel is the floor the extension is measured
// against.
const vscode = require('vscode');

// One object per row that stays, so the change event of "Load more…" names the row VS Code has.
const OPEN = { kind: 'status', label: 'Open' };
const CHANNELS = [
  { kind: 'channel', label: 'Web', channel: 'web' },
  { kind: 'channel', label: 'Email', channel: 'email' },
];

function activate(context) {
  const changed = new vscode.EventEmitter();
  const pages = new Map(); // channel → { sessions, next }
  const baseUrl = vscode.workspace.getConfiguration('opencx').get('apiBaseUrl');

  async function fetchPage(channel, cursor) {
    const query = new URLSearchParams({ status: 'open', channel_type: channel });
    if (cursor) query.set('cursor', cursor);
    const response = await fetch(`${baseUrl}/chat/sessions?${query}`, {
      headers: { authorization: `Bearer ${process.env.OPENCX_DEV_TOKEN}`, accept: 'application/json' },
    });
    return response.json();
  }

  const provider = {
    onDidChangeTreeData: changed.event,
    async getChildren(node) {
      if (!node) return [OPEN];
      if (node.kind === 'status') return CHANNELS;
      if (node.kind !== 'channel') return [];
      let loaded = pages.get(node.channel);
      if (!loaded) {
        const page = await fetchPage(node.channel);
        loaded = { sessions: page.items, next: page.next };
        pages.set(node.channel, loaded);
      }
      const rows = loaded.sessions.map((session) => ({ kind: 'session', session }));
      if (loaded.next) rows.push({ kind: 'more', channel: node.channel, group: node });
      return rows;
    },
    getTreeItem(node) {
      switch (node.kind) {
        case 'status':
        case 'channel': {
          const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
          item.id = node.channel ?? node.label;
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
          item.id = `${node.channel}#more`;
          item.command = { command: 'opencxBenchReference.loadMore', title: 'Load more', arguments: [node] };
          return item;
        }
      }
    },
  };

  context.subscriptions.push(
    changed,
    vscode.window.createTreeView('opencxBenchReference.sessions', { treeDataProvider: provider }),
    vscode.commands.registerCommand('opencxBenchReference.loadMore', async (more) => {
      const loaded = pages.get(more.channel);
      const page = await fetchPage(more.channel, loaded.next);
      loaded.sessions.push(...page.items);
      loaded.next = page.next;
      changed.fire(more.group);
    }),
    // Both pages together, then one event: VS Code asks for expanded groups' rows one group after
    // the other, so pages fetched in getChildren would arrive one after the other too.
    vscode.commands.registerCommand('opencxBenchReference.refresh', async () => {
      const fresh = await Promise.all(CHANNELS.map((node) => fetchPage(node.channel)));
      CHANNELS.forEach((node, index) => pages.set(node.channel, { sessions: fresh[index].items, next: fresh[index].next }));
      changed.fire(CHANNELS);
    }),
    vscode.commands.registerCommand('opencxBenchReference.open', (session) => {
      const panel = vscode.window.createWebviewPanel('opencxBenchReference.session', session.id, vscode.ViewColumn.Active, {});
      panel.webview.html = sessionPage(session);
    }),
  );
}

function sessionPage(session) {
  const json = JSON.stringify(session, null, 2).replace(/[&<>]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char]);
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><pre id="json">${json}</pre></body></html>`;
}

module.exports = { activate };
