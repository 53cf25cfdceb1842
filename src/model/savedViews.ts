// Saved views: a filter and a grouping kept under a name the user chose. Plain values and the
// rules for names; the stored list is read defensively, since it syncs between machines and
// versions of the extension and may have been written by either.
import * as l10n from '@vscode/l10n';
import { describeFilter, readFilter, type SessionFilter } from './tree/sessionFilter';
import { GROUPINGS, type Grouping } from './tree/treeNodes';

export interface SavedView {
  readonly name: string;
  readonly filter: SessionFilter;
  readonly grouping: Grouping;
}

export const DEFAULT_GROUPING: Grouping = 'status/channel';
/** Long enough for "Angry web handoffs this week, EU team"; short enough for a view's title. */
export const MAX_NAME_LENGTH = 60;
/** Far more than anyone switches between; keeps the synced state small. */
export const MAX_SAVED_VIEWS = 100;

/** A name as it is kept: trimmed, every run of white space (tabs, line breaks) one space. */
export function normalizeName(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Two names are the same view when they differ only in case or spacing. */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a).toLocaleLowerCase() === normalizeName(b).toLocaleLowerCase();
}

export function findView(views: readonly SavedView[], name: string | undefined): SavedView | undefined {
  return name === undefined ? undefined : views.find((view) => sameName(view.name, name));
}

/**
 * What a typed name means: not acceptable (with why), a new view, or one that exists (saving
 * overwrites it). A new view while the list holds MAX_SAVED_VIEWS is not acceptable: it would not
 * be kept. `renaming` is the view being renamed: keeping its own name, or changing only its case,
 * is no clash.
 */
export type NameCheck =
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'new'; readonly name: string }
  | { readonly kind: 'exists'; readonly name: string; readonly existing: SavedView };

export function checkName(text: string, views: readonly SavedView[], renaming?: string): NameCheck {
  const name = normalizeName(text);
  if (!name) return { kind: 'invalid', message: l10n.t('Type a name for the view.') };
  if (name.length > MAX_NAME_LENGTH) {
    return { kind: 'invalid', message: l10n.t('Keep the name to {0} characters (this one has {1}).', MAX_NAME_LENGTH, name.length) };
  }
  if (/\p{Cc}/u.test(name)) return { kind: 'invalid', message: l10n.t('The name cannot hold control characters.') };
  const existing = findView(views, name);
  if (existing && !(renaming !== undefined && sameName(existing.name, renaming))) return { kind: 'exists', name, existing };
  if (renaming === undefined && views.length >= MAX_SAVED_VIEWS) {
    return {
      kind: 'invalid',
      message: l10n.t('You have {0} saved views, the most kept. Delete one in Switch View…, or save under the name of one to overwrite it.', MAX_SAVED_VIEWS),
    };
  }
  return { kind: 'new', name };
}

/** The list with `view` in it: a view of the same name is replaced in place, a new one added. */
export function putView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const index = views.findIndex((other) => sameName(other.name, view.name));
  return index < 0 ? [...views, view] : views.map((other, at) => (at === index ? view : other));
}

/** The list with `from` renamed to `to`; a different view already called `to` is replaced. */
export function renameView(views: readonly SavedView[], from: string, to: string): SavedView[] {
  const renamed = findView(views, from);
  if (!renamed) return [...views];
  const others = views.filter((view) => view === renamed || !sameName(view.name, to));
  return others.map((view) => (view === renamed ? { ...view, name: normalizeName(to) } : view));
}

export function removeView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((view) => !sameName(view.name, name));
}

/** Views in the order a picker lists them: by name, as the user's language sorts. */
export function sortedViews(views: readonly SavedView[]): SavedView[] {
  return [...views].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }));
}

export function readGrouping(value: unknown): Grouping {
  return typeof value === 'string' && (GROUPINGS as readonly string[]).includes(value) ? (value as Grouping) : DEFAULT_GROUPING;
}

/**
 * Reads the stored list: anything that is not a view with a usable name is skipped, a filter or
 * grouping this version does not know falls back as `readFilter` does, a repeated name keeps its
 * first view, and the list is cut at MAX_SAVED_VIEWS. Never throws.
 */
export function readSavedViews(stored: unknown): SavedView[] {
  if (!Array.isArray(stored)) return [];
  const views: SavedView[] = [];
  for (const item of stored) {
    if (views.length >= MAX_SAVED_VIEWS) break;
    if (typeof item !== 'object' || item === null) continue;
    const { name, filter, grouping } = item as Record<string, unknown>;
    if (typeof name !== 'string') continue;
    const checked = checkName(name, views);
    if (checked.kind !== 'new') continue;
    views.push({ name: checked.name, filter: readFilter(filter), grouping: readGrouping(grouping) });
  }
  return views;
}

/** The list as it is stored: plain JSON, only the fields a view has. */
export function writeSavedViews(views: readonly SavedView[]): unknown[] {
  return views.map(({ name, filter, grouping }) => ({ name, filter: JSON.parse(JSON.stringify(filter)) as unknown, grouping }));
}

/** Whether the current filter and grouping are still those the view saved. */
export function matchesView(view: SavedView, filter: SessionFilter, grouping: Grouping): boolean {
  return view.grouping === grouping && sameFilter(view.filter, filter);
}

function sameFilter(a: SessionFilter, b: SessionFilter): boolean {
  // Both read back as stored: readFilter lists values in one fixed order and drops empty fields,
  // so the order values were picked in does not count.
  const canonical = (filter: SessionFilter) => JSON.stringify(readFilter(JSON.parse(JSON.stringify(filter))));
  return canonical(a) === canonical(b);
}

/**
 * The view's title parts: the description beside its name and the message above the rows. With a
 * saved view active they name it, and say "(modified)" once the filter or grouping moved away
 * from what it saved; without one they show the filter, if any. The active account's name, when
 * given, leads the message; the description stays the view's, which is the same in every account.
 */
export function viewTitle(active: SavedView | undefined, filter: SessionFilter, grouping: Grouping, account?: string): { description?: string; message?: string } {
  const title = savedViewTitle(active, filter, grouping);
  if (account === undefined) return title;
  const message = title.message ? l10n.t('Account: {0} · {1}', account, title.message) : l10n.t('Account: {0}', account);
  return { ...title, message };
}

function savedViewTitle(active: SavedView | undefined, filter: SessionFilter, grouping: Grouping): { description?: string; message?: string } {
  const summary = describeFilter(filter);
  if (!active) return summary ? { description: summary, message: l10n.t('Filtered: {0}', summary) } : {};
  const label = matchesView(active, filter, grouping) ? active.name : l10n.t('{0} (modified)', active.name);
  return { description: label, message: summary ? l10n.t('View: {0} · Filtered: {1}', label, summary) : l10n.t('View: {0}', label) };
}

/** How a grouping reads in a list of views: "by status, then channel". */
export function groupingLabel(grouping: Grouping): string {
  switch (grouping) {
    case 'status/channel':
      return l10n.t('by status, then channel');
    case 'channel/status':
      return l10n.t('by channel, then status');
    case 'status':
      return l10n.t('by status');
    case 'channel':
      return l10n.t('by channel');
    case 'none':
      return l10n.t('as one list');
  }
}

/** A view in a picker: what it filters, or "no filter", and how it groups. */
export function describeView(view: Pick<SavedView, 'filter' | 'grouping'>): string {
  return `${describeFilter(view.filter) || l10n.t('no filter')} · ${groupingLabel(view.grouping)}`;
}
