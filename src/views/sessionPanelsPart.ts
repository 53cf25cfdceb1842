// The session panels, loaded when the first one opens or is restored: a bundle of its own (see
// esbuild.js) with the page renderer and exact JSON, so that activation does not read them.
import type * as vscode from 'vscode';
import type { Connection } from '../services/connection';
import { adoptLocale, type SharedLocale } from '../ui/lazyParts';
import type { SessionPanel } from './sessionPanel';
import { SessionPanels } from './sessionPanels';

/** What the panels take from the core, which made each of them once. */
export interface SessionPanelsSetup {
  readonly locale: SharedLocale;
  readonly extensionUri: vscode.Uri;
  /** The accounts' clients: each panel reads from the account it was opened from. */
  readonly connection: Connection;
  /** The deep link to a session, for the panel's Copy Link. */
  readonly linkTo: (id: string) => string;
  /** The open panels by session id, kept where the core can see them (the integration tests do, through TestApi). */
  readonly panels: Map<string, SessionPanel>;
}

export function sessionPanelsPart({ locale, extensionUri, connection, linkTo, panels }: SessionPanelsSetup): SessionPanels {
  adoptLocale(locale);
  return new SessionPanels(extensionUri, connection, linkTo, panels);
}
