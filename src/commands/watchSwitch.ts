// Watch for New Sessions / Stop Watching, in the view's "…" menu. The watching itself lives
// in the view layer (views/sessionsWatch.ts), which extension.ts hands over as this interface.

export interface WatchSwitch {
  start(): void;
  stop(): void;
}
