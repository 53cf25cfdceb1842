// Session ids in any editor become links (Ctrl/Cmd+click opens the session's panel) and show a
// hover that says what the session is. Links cost no request; a hover asks once per id
// (model/links/sessionLookup.ts) and never holds the editor longer than HOVER_WAIT_MS.
import * as vscode from 'vscode';
import { formatAge, sessionFacts, sessionLabel } from '../model/labels';
import { findSessionIds, sessionIdAt } from '../model/links/sessionIds';
import type { Lookup, SessionLookupCache } from '../model/links/sessionLookup';
import { COMMANDS } from '../ui/ids';
import { markdownText } from '../ui/plainText';

/** After this long a hover says "still looking it up"; the answer is kept for the next hover. */
export const HOVER_WAIT_MS = 2_000;

/** Whether ids become links and hovers: signed in, and the opencx.sessionLinks setting on. */
export type LinksEnabled = () => Promise<boolean>;

/** A command URI that opens session `id`: the id is a checked UUID, never text from elsewhere. */
function openCommand(id: string): vscode.Uri {
  return vscode.Uri.parse(`command:${COMMANDS.openSession}?${encodeURIComponent(JSON.stringify([id]))}`);
}

export class SessionIdLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly enabled: LinksEnabled) {}

  async provideDocumentLinks(document: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
    if (!(await this.enabled())) return [];
    const text = document.getText();
    return findSessionIds(text).map(({ start, end, id }) => {
      const link = new vscode.DocumentLink(new vscode.Range(document.positionAt(start), document.positionAt(end)), openCommand(id));
      link.tooltip = vscode.l10n.t('Open open.cx session');
      return link;
    });
  }
}

export class SessionIdHovers implements vscode.HoverProvider {
  constructor(
    private readonly enabled: LinksEnabled,
    private readonly lookups: SessionLookupCache,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, cancellation: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const line = document.lineAt(position.line).text;
    const found = sessionIdAt(line, position.character);
    if (!found || !(await this.enabled())) return undefined;
    const range = new vscode.Range(position.line, found.start, position.line, found.end);
    const known = this.lookups.known(found.id);
    if (known) return new vscode.Hover(describe(found.id, known), range);

    // The hover going away cancels the request, unless it already said "still looking it up":
    // then the answer is wanted for the next hover.
    const controller = new AbortController();
    let waitedOut = false;
    const listener = cancellation.onCancellationRequested(() => waitedOut || controller.abort());
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const lookup = await Promise.race([
        this.lookups.lookUp(found.id, controller.signal),
        new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), HOVER_WAIT_MS))),
      ]);
      if (cancellation.isCancellationRequested) return undefined;
      if (!lookup) waitedOut = true;
      return new vscode.Hover(lookup ? describe(found.id, lookup) : stillLoading(found.id), range);
    } finally {
      clearTimeout(timer);
      listener.dispose();
    }
  }
}

function actions(id: string): string {
  const args = encodeURIComponent(JSON.stringify([id]));
  return `[${markdownText(vscode.l10n.t('Open Session'))}](command:${COMMANDS.openSession}?${args}) · [${markdownText(vscode.l10n.t('Copy ID'))}](command:${COMMANDS.copySessionId}?${args})`;
}

/** Only the two commands the hover offers may run from it; every text from the server is escaped. */
function hoverText(value: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(value);
  markdown.isTrusted = { enabledCommands: [COMMANDS.openSession, COMMANDS.copySessionId] };
  markdown.supportHtml = false;
  markdown.supportThemeIcons = true;
  return markdown;
}

function describe(id: string, lookup: Lookup): vscode.MarkdownString {
  switch (lookup.kind) {
    case 'found': {
      const { session } = lookup;
      const facts = sessionFacts(session);
      const age = formatAge(facts.created ?? facts.updated);
      const parts = [facts.status, facts.channel, age || undefined, facts.handedOff ? vscode.l10n.t('handed off') : undefined].filter(
        (part): part is string => part !== undefined && part !== '',
      );
      const summary = facts.handoff ? `\n\n${markdownText(facts.handoff)}` : '';
      return hoverText(`$(comment-discussion) **${markdownText(sessionLabel(session))}** · ${markdownText(parts.join(' · '))}${summary}\n\n${actions(id)}`);
    }
    case 'notFound':
      return hoverText(markdownText(vscode.l10n.t('Not an open.cx session in this organization.')));
    case 'failed': {
      const message = lookup.error instanceof Error ? lookup.error.message : String(lookup.error);
      return hoverText(`${markdownText(vscode.l10n.t('Could not look up this open.cx session: {0}', message))}\n\n${actions(id)}`);
    }
  }
}

function stillLoading(id: string): vscode.MarkdownString {
  return hoverText(`${markdownText(vscode.l10n.t('Looking up this open.cx session… Hover again in a moment.'))}\n\n${actions(id)}`);
}
