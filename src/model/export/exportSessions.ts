// An export from start to end: the walk (exportWalk.ts) written in a format (exportFormats.ts) to
// a sink. It ends with a complete file or none: when the walk stops (cancelled, or a request failed
// for good) the caller decides whether what was fetched is kept, closed as a complete file.
import { asApiError, type ApiError } from '../../api/errors';
import type { ExportFormat } from './exportFormats';
import { walkSessions, type ExportSource, type WalkOptions } from './exportWalk';

/** Where an export is written: a file (exportFile.ts), or text gathered for an editor. */
export interface ExportSink {
  write(text: string): Promise<void>;
  /** The export is complete: make it the result. */
  finish(): Promise<void>;
  /** The export is not kept: leave nothing of it. */
  discard(): Promise<void>;
}

export type ExportResult =
  | { kind: 'complete'; exported: number }
  /** Stopped by `error` (kind `cancelled` when the user cancelled); `kept`: what was fetched was kept as a complete file. */
  | { kind: 'stopped'; exported: number; error: ApiError; kept: boolean };

export interface ExportRun extends WalkOptions {
  format: ExportFormat;
  /** Asked when the walk stops with sessions fetched: keep them (true), or leave nothing (false). */
  keepPartial: (stopped: { exported: number; error: ApiError }) => Promise<boolean>;
}

export async function exportSessions(source: ExportSource, run: ExportRun, sink: ExportSink): Promise<ExportResult> {
  const { format } = run;
  let exported = 0;
  try {
    await sink.write(format.start());
    await walkSessions(source, { ...run, withHistory: run.withHistory && format.takesHistory }, async (session, history) => {
      await sink.write(format.session(session, exported, history));
      exported++;
    });
    await sink.write(format.end());
    await sink.finish();
    return { kind: 'complete', exported };
  } catch (caught) {
    const error = asApiError(caught);
    const kept = exported > 0 && (await run.keepPartial({ exported, error }).catch(() => false));
    if (kept) {
      await sink.write(format.end());
      await sink.finish();
    } else await sink.discard();
    return { kind: 'stopped', exported, error, kept };
  }
}
