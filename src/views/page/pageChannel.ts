// The one way a page's content reaches its webview. The first content goes in with the page's
// HTML, which draws the panel soonest. The page says `ready` once its script runs; from then on
// every change goes to it as an update, which its script puts in place. A change made before that
// is not sent: only the latest content is kept, and sent on `ready`.
//
// A hidden panel's page is dropped (retainContextWhenHidden is off) and VS Code loads the HTML it
// holds again on reveal; that HTML is brought up to date as the panel hides, so the page shown
// again starts as it was (with its scroll position: a shorter page would clamp it). The page
// loaded again says `ready` too, and gets what changed since.
// No VS Code here: tested in Node.
import type { PageContent } from './webviewMessages';

/** The webview a channel gives pages to. */
export interface PageTarget {
  /** Gives the webview a whole page to load, made from `content`. */
  load(content: PageContent): void;
  /** Sends `content` to the page running, to put in place of its own. */
  post(content: PageContent): void;
}

export class PageChannel {
  /** The content last given: what the page shows, or will once its script runs. */
  private latest: PageContent;
  /** The content of the HTML given last: what a page that has just said `ready` shows. */
  private loaded: PageContent;
  /** The page's script runs (it said `ready`) and the page has not been dropped since. */
  private ready = false;

  constructor(
    first: PageContent,
    private readonly target: PageTarget,
  ) {
    this.latest = this.loaded = first;
    target.load(first);
  }

  /** What the page shows, or will once its script runs. */
  get content(): PageContent {
    return this.latest;
  }

  /** Whether the page has said its script runs, since it was last loaded. */
  get runs(): boolean {
    return this.ready;
  }

  /** The page should show `content`: sent now if its script runs, otherwise kept for `ready`. */
  show(content: PageContent): void {
    this.latest = content;
    if (this.ready) this.target.post(content);
  }

  /** The page's script runs: it shows the HTML's content, and gets the latest if that differs. */
  pageReady(): void {
    this.ready = true;
    if (!sameContent(this.latest, this.loaded)) this.target.post(this.latest);
  }

  /** VS Code dropped the page (the panel hid): nothing reaches it until it is loaded again and says `ready`. */
  pageDropped(): void {
    this.ready = false;
    if (sameContent(this.latest, this.loaded)) return;
    this.loaded = this.latest;
    this.target.load(this.latest);
  }
}

function sameContent(a: PageContent, b: PageContent): boolean {
  return a.title === b.title && a.body === b.body;
}
