// One page at a time in a webview: a page to load, or an update to the page showing. VS Code loads
// a page given to a webview in a hidden frame and shows it once loaded; a page given while another
// still loads throws that load away and starts again. A session's history usually answers while
// the panel's first page is still loading: rebuilding then made the user wait for a second load
// before seeing the JSON. Changes made while a page loads, or while an update goes
// in, wait until the page says it shows what it was given, then go in together.
// No VS Code here: tested in Node.
import { realScheduler, type Scheduler } from '../../model/scheduler';

/** How long a page may take to say it runs before the next one is given anyway (a page whose script never ran). */
export const PAGE_LOAD_TIMEOUT_MS = 3000;

export class PageLoad {
  private timer: unknown;
  private loading = false;
  private due = false;
  /**
   * How the last load or update ended: the page said it shows it, it was given up on, or the
   * webview was hidden. The panel reads it to send a page whole after an update went unanswered.
   */
  private lastEnd: 'loaded' | 'timedOut' | 'hidden' | undefined;

  /**
   * @param show gives the webview its current page; called at once when nothing is loading,
   *   otherwise once the page loading has said it runs.
   */
  constructor(
    private readonly show: () => void,
    private readonly scheduler: Scheduler = realScheduler,
    private readonly timeoutMs = PAGE_LOAD_TIMEOUT_MS,
  ) {}

  get isLoading(): boolean {
    return this.loading;
  }

  /** A page is waiting for the one loading to say it runs. */
  get isWaiting(): boolean {
    return this.due;
  }

  get lastLoadEnded(): 'loaded' | 'timedOut' | 'hidden' | undefined {
    return this.lastEnd;
  }

  /**
   * The page should be shown again. `visible` is whether the webview is on screen: a hidden
   * webview loads nothing until shown, and then loads whatever page it holds, so that one is
   * given at once.
   */
  request(visible: boolean): void {
    if (this.loading && visible) {
      this.due = true;
      return;
    }
    this.give(visible);
  }

  /** The page's script ran: the load is over. */
  loaded(): void {
    this.end('loaded');
  }

  /** The webview came back on screen: VS Code loads the page it holds again. */
  shown(): void {
    if (this.loading) return;
    this.loading = true;
    this.timer = this.scheduler.setTimeout(() => this.end('timedOut'), this.timeoutMs);
  }

  /** The webview left the screen: whatever was loading is dropped, and nothing loads until it is back. */
  hidden(): void {
    this.end('hidden');
  }

  dispose(): void {
    this.stopTimer();
    this.loading = false;
    this.due = false;
  }

  private give(visible: boolean): void {
    this.due = false;
    this.stopTimer();
    this.show();
    this.loading = visible;
    if (visible) this.timer = this.scheduler.setTimeout(() => this.end('timedOut'), this.timeoutMs);
  }

  private end(how: 'loaded' | 'timedOut' | 'hidden'): void {
    if (!this.loading) return;
    this.stopTimer();
    this.loading = false;
    this.lastEnd = how;
    // Hidden: what is due goes in when the webview is shown again, as a page given now.
    if (this.due) this.give(how !== 'hidden');
  }

  private stopTimer(): void {
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
