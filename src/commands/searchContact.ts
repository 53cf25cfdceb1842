// What a contact hit of Search Sessions leads to: the loaded sessions of that contact, a search by
// its email or phone, and copying its id or email. Never a dead end: there is always a way on.
import * as vscode from 'vscode';
import type { Session } from '../api/schemas';
import type { ContactHit } from '../api/searchResults';
import { sessionLabel, statusLabel } from '../model/labels';
import { copyToClipboard } from '../ui/clipboard';
import { plainText } from '../ui/plainText';
import type { SessionOpener } from './sessions';

type ContactAction = vscode.QuickPickItem & { run: () => unknown };

/** Sessions whose contact is `hit`: by contact id, else by email or phone. */
export function sessionsOfContact(sessions: readonly Session[], hit: ContactHit): Session[] {
  const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
  return sessions.filter((session) => {
    const contact = session.contact;
    const raw = session.raw.contact as { id?: unknown } | null | undefined;
    if (hit.id != null && raw && typeof raw === 'object' && raw.id != null && String(raw.id) === String(hit.id)) return true;
    return same(contact?.email, hit.email) || same(contact?.phone_number, hit.phone);
  });
}

export async function showContactActions(
  hit: ContactHit,
  targets: { loadedSessions: () => Session[]; sessions: SessionOpener },
  searchFor: (query: string) => void,
): Promise<void> {
  const name = [hit.name, hit.email, hit.phone].find((value) => typeof value === 'string' && value.trim())?.trim() ?? vscode.l10n.t('Contact without details');
  const actions: ContactAction[] = sessionsOfContact(targets.loadedSessions(), hit).map((session) => ({
    label: `$(comment-discussion) ${plainText(sessionLabel(session))}`,
    description: plainText(statusLabel(session.status)),
    detail: plainText(session.id),
    run: () => targets.sessions.show(session),
  }));
  const email = hit.email?.trim();
  const phone = hit.phone?.trim();
  if (email) actions.push({ label: `$(search) ${vscode.l10n.t('Search for {0}', plainText(email))}`, run: () => searchFor(email) });
  if (phone) actions.push({ label: `$(search) ${vscode.l10n.t('Search for {0}', plainText(phone))}`, run: () => searchFor(phone) });
  if (hit.id != null) {
    const id = String(hit.id);
    actions.push({ label: `$(copy) ${vscode.l10n.t('Copy Contact ID')}`, description: plainText(id), run: () => copyToClipboard(id, vscode.l10n.t('$(check) Copied contact id {0}', plainText(id))) });
  }
  if (email) actions.push({ label: `$(copy) ${vscode.l10n.t('Copy Email')}`, description: plainText(email), run: () => copyToClipboard(email, vscode.l10n.t('$(check) Copied {0}', plainText(email))) });
  if (actions.length === 0) actions.push({ label: `$(search) ${vscode.l10n.t('Search again')}`, run: () => searchFor('') });
  const chosen = await vscode.window.showQuickPick(actions, {
    title: vscode.l10n.t('Contact: {0}', plainText(name)),
    placeHolder: actions.some((action) => action.detail)
      ? vscode.l10n.t('Open one of this contact\'s loaded sessions, or search by their details')
      : vscode.l10n.t('None of this contact\'s sessions is loaded: search by their details'),
  });
  await chosen?.run();
}
