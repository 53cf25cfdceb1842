// The parts of the extension that are loaded on first use, each from a bundle of its own (see
// esbuild.js). A part's bundle carries its own copy of the modules it shares with the core, so
// what those modules must know (the translations VS Code loaded, the display language) is handed
// to the part by the core, which read it once, rather than looked up again in each bundle.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { setDisplayLocale } from '../model/labels';

export interface SharedLocale {
  /** The extension's translations for VS Code's display language; none for English. */
  readonly l10nBundle: { [key: string]: string } | undefined;
  /** VS Code's display language, for ages and dates. */
  readonly displayLanguage: string;
}

/** Read once, at activation. */
export function currentLocale(): SharedLocale {
  return { l10nBundle: vscode.l10n.bundle, displayLanguage: vscode.env.language };
}

/** Sets up this bundle's copy of the modules that translate or format (code that cannot import vscode uses @vscode/l10n). */
export function adoptLocale(locale: SharedLocale): void {
  if (locale.l10nBundle) l10n.config({ contents: locale.l10nBundle });
  setDisplayLocale(locale.displayLanguage);
}

/**
 * `load` runs on the first call, and every later call shares its result. A load that failed is
 * tried again next time (a part's file is read from disk, which can fail once and not again).
 */
export function loadOnFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
