// The session panels as the rest of the extension holds them from activation on, while their code
// (sessionPanels.ts and what it uses) is loaded when the first panel opens or comes back after a
// reload. The serializer is registered here, during activation, as VS Code requires; package.json
// has the matching onWebviewPanel activation event, so a reload activates the extension for its
// panels.
import * as vscode from 'vscode';
import type { Session } from '../api/schemas';
import type { ShownSession } from '../model/history/openSession';
import { SESSION_VIEW_TYPE } from '../ui/ids';
import { loadOnFirstUse } from '../ui/lazyParts';
import { showError } from '../ui/notifications';
import type { OpenOptions, SessionPanels } from './sessionPanels';
import type { SessionPanelsSetup } from './sessionPanelsPart';

export class SessionPanelsOnDemand implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private loaded: SessionPanels | undefined;
  private disposed = false;
  private readonly load: () => Promise<SessionPanels>;
  private readonly serializer: vscode.Disposable;

  constructor(setup: SessionPanelsSetup) {
    this.load = loadOnFirstUse(async () => {
      const panels = (await import('./sessionPanelsPart.js')).sessionPanelsPart(setup);
      this.loaded = panels;
      if (this.disposed) panels.dispose();
      return panels;
    });
    this.serializer = vscode.window.registerWebviewPanelSerializer(SESSION_VIEW_TYPE, this);
  }

  show(session: Session, options?: OpenOptions): void {
    void this.withPanels((panels) => panels.show(session, options));
  }

  async showById(id: string, options?: Pick<OpenOptions, 'highlightEventId'>): Promise<void> {
    await this.withPanels((panels) => panels.showById(id, options));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    await this.withPanels((panels) => panels.deserializeWebviewPanel(panel, state));
  }

  /**
   * Reads the panels' code ahead of the first click on a row, once the view is on screen: the
   * click then waits only for the session. A failure here is met again, and said, on first use.
   */
  prepare(): void {
    this.load().catch(() => undefined);
  }

  /** What the open panel of session `id` shows, for its Export; none before the panels' code is in, since no panel is open then. */
  shownSession(id: string): ShownSession | undefined {
    return this.loaded?.shownSession(id);
  }

  /** After a token change: panels that could not load for want of a valid token load again. */
  retrySignedOut(): void {
    this.loaded?.retrySignedOut();
  }

  dispose(): void {
    this.disposed = true;
    this.serializer.dispose();
    this.loaded?.dispose();
  }

  /** Runs `use` once the panels' code is in; a failure to load it is said, never thrown. */
  private async withPanels(use: (panels: SessionPanels) => unknown): Promise<void> {
    let panels: SessionPanels;
    try {
      panels = await this.load();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void showError(vscode.l10n.t('Could not load the session panel: {0}', message));
      return;
    }
    if (!this.disposed) await use(panels);
  }
}
