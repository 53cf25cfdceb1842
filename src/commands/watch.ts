// Watch for New Sessions / Stop Watching, the eye in the view's title. The watching itself lives
// in the view layer (views/sessionsWatch.ts), which extension.ts hands over as this interface.

export interface WatchSwitch {
  start(): void;
  stop(): void;
}
