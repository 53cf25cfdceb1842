// Watching for new sessions in VS Code: the rounds (model/watching/watchSchedule.ts) follow the window's focus, the
// count of new sessions shows on the view's badge (on the activity-bar icon too) until the user
// looks, a notification announces what `opencx.notify` asks for, and whether the user watches is
// kept per workspace, so a window reload watches on.
import * as vscode from 'vscode';
import type { Session } from '../api/schemas';
import { sessionLabel } from '../model/labels';
import type { SessionTreeModel, WatchRound } from '../model/tree/sessionTree';
import type { TreeNode } from '../model/tree/treeNodes';
import { Watch } from '../model/watching/watchSchedule';
import { affects, notifyMode, watchInterval } from '../services/config';
import { COMMANDS, CONTEXT_KEYS, VIEW_ID } from '../ui/ids';
import { showInformation } from '../ui/notifications';

const WATCHING_KEY = 'opencx.watching';

export class SessionsWatch implements vscode.Disposable {
  readonly watch: Watch;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly model: SessionTreeModel,
    private readonly view: vscode.TreeView<TreeNode>,
    private readonly state: vscode.Memento,
  ) {
    this.watch = new Watch({ round: () => model.watchRound(), onRound: (round) => this.announce(round), intervalSeconds: watchInterval() });
    const stopCounting = model.newSessions.onDidChangeCount(() => this.showBadge());
    const stopFollowing = this.watch.onDidChange(() => this.showState());
    this.disposables.push(
      { dispose: stopCounting },
      { dispose: stopFollowing },
      vscode.window.onDidChangeWindowState(({ focused }) => {
        this.watch.setFocused(focused);
        this.updateLooking();
      }),
      view.onDidChangeVisibility(() => this.updateLooking()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, 'watchInterval')) this.watch.setIntervalSeconds(watchInterval());
      }),
    );
    this.watch.setFocused(vscode.window.state.focused);
    this.updateLooking();
  }

  /** Watches on if the user watched in this workspace's last window. */
  restore(): void {
    if (this.state.get<boolean>(WATCHING_KEY) === true) this.watch.start();
    else this.showState();
  }

  start(): void {
    this.watch.start();
  }

  stop(): void {
    this.watch.stop();
  }

  private showState(): void {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.watching, this.watch.isWatching);
    void this.state.update(WATCHING_KEY, this.watch.isWatching || undefined);
  }

  private updateLooking(): void {
    this.model.setLooking(this.view.visible && vscode.window.state.focused);
  }

  /** The count, up to newSessions.ts's MAX_MARKED; the tooltip says "500+" beyond it. */
  private showBadge(): void {
    const { count, countText } = this.model.newSessions;
    this.view.badge =
      count === 0 ? undefined : { value: count, tooltip: count === 1 ? vscode.l10n.t('1 new session') : vscode.l10n.t('{0} new sessions', countText) };
  }

  /** The notification `opencx.notify` asks for; session labels quote customers, so plain text only. */
  private announce(round: WatchRound): void {
    const mode = notifyMode();
    if (mode === 'off') return;
    const sessions = mode === 'allNew' ? round.added : round.needHuman;
    if (sessions.length === 0) return;
    const open = vscode.l10n.t('Open');
    const message =
      sessions.length > 1
        ? mode === 'allNew'
          ? vscode.l10n.t('{0} new sessions in open.cx', sessions.length)
          : vscode.l10n.t('{0} sessions need a human in open.cx', sessions.length)
        : mode === 'allNew'
          ? vscode.l10n.t('New session in open.cx: {0}', sessionLabel(sessions[0]!))
          : vscode.l10n.t('Needs a human in open.cx: {0}', sessionLabel(sessions[0]!));
    void showInformation(message, open).then((picked) => {
      if (picked === open) void this.open(sessions);
    });
  }

  /** One session opens in its panel; several show the view, where they are marked. */
  private async open(sessions: Session[]): Promise<void> {
    if (sessions.length === 1) await vscode.commands.executeCommand(COMMANDS.openSession, sessions[0]);
    else await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  }

  dispose(): void {
    this.watch.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
