// What the export suites share: a sink that keeps the text in memory, and the options of a walk
// against the stand-in.
import type { ExportSink } from '../../src/model/export/exportSessions';
import type { ExportClient, ExportProgress, WalkOptions } from '../../src/model/export/exportWalk';
import { realScheduler } from '../../src/model/watching/scheduler';

export class MemorySink implements ExportSink {
  text = '';
  state: 'writing' | 'finished' | 'discarded' = 'writing';
  async write(text: string): Promise<void> {
    this.text += text;
  }
  async finish(): Promise<void> {
    this.state = 'finished';
  }
  async discard(): Promise<void> {
    this.state = 'discarded';
    this.text = '';
  }
}

/** A walk's options with short waits; `progress` collects what it reports. */
export function walkOptions(client: ExportClient, progress: ExportProgress[] = [], signal = new AbortController().signal): WalkOptions {
  return { client, withHistory: false, signal, scheduler: realScheduler, onProgress: (report) => progress.push(report), failureWaitMs: 20 };
}
