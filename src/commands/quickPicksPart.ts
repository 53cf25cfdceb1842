// The commands that open a quick pick or an input box of their own (search, filters, saved views,
// the API token, accounts), loaded the first time one of them runs: a bundle of its own (see esbuild.js), so
// that activation does not read code that waits for a person to ask for it.
import { adoptLocale, type SharedLocale } from '../ui/lazyParts';
import { addAccount, switchAccount } from './accounts';
import { filterSessions } from './filter';
import { saveView, switchView } from './savedViewCommands';
import { searchSessions } from './searchSessions';
import { setToken, signOut } from './token';

export function quickPicksPart(locale: SharedLocale) {
  adoptLocale(locale);
  return { addAccount, filterSessions, saveView, searchSessions, setToken, signOut, switchAccount, switchView };
}

export type QuickPicksPart = ReturnType<typeof quickPicksPart>;
