// Export Sessions…, loaded the first time it runs: a bundle of its own (see esbuild.js), so that
// activation does not read the writers and the questions.
import { adoptLocale, type SharedLocale } from '../ui/lazyParts';
import { exportSessions, readExportAnswers } from './exportSessions';

export function exportPart(locale: SharedLocale) {
  adoptLocale(locale);
  return { exportSessions, readExportAnswers };
}

export type ExportPart = ReturnType<typeof exportPart>;
