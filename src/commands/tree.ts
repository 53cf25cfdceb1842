// Commands that act on the sessions tree itself.
import * as vscode from 'vscode';
import type { NoticeNode, SessionTreeModel } from '../model/sessionTree';

export function registerTreeCommands(model: SessionTreeModel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('opencx.refresh', () => model.refresh()),
    vscode.commands.registerCommand('opencx.loadMore', (notice?: NoticeNode) => notice?.slice && model.loadMore(notice.slice)),
    vscode.commands.registerCommand('opencx.retry', (notice?: NoticeNode) =>
      notice?.slice ? model.retry(notice.slice) : model.refresh(),
    ),
  );
}
