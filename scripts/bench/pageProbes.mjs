// What runs inside the workbench page to time a click: the click is stamped by a capture-phase
// mousedown listener, the rows it brings by a MutationObserver and the next animation frame, both
// on performance.timeOrigin + performance.now(), a clock every frame of the browser shares.
// What is drawn is reported through the binding `opencxBenchReport(kind, at)` (perceived.mjs),
// so the bench waits without looking into the page while it works: polling the page's frames
// would put the workbench's renderer to work during the very click being measured.
// Playwright serialises these functions into the page, so each must stand on its own.

/** @typedef {'rows' | 'panel'} ReportKind what a probe reports as drawn: the rows a click brings, a session's panel */
/**
 * The `position`-th child (1-based) of the row labelled `group`, drawn as a session (with exactly
 * `label` when given).
 * @typedef {{ group: string, position: number, label?: string }} Target
 */
/** @typedef {{ clickAt: number | undefined, drawnAt: number | undefined }} ProbeState when the click came, and the frame that drew the targets */
/**
 * @typedef {object} TreeProbe
 * @property {(targets: Target[]) => void} arm
 * @property {ProbeState} [state] set by arm()
 * @property {(group: string, position: number) => string | undefined} childLabel
 */

/** Installs `window.opencxBench` in the workbench page: arm(targets) before a click, then read `state`. */
export function installTreeProbe() {
  const stamp = () => performance.timeOrigin + performance.now();
  // Rows that stand in for sessions that are not there yet.
  const NOTICES = ['Loading…', 'Load more…'];
  /** @param {Element} row */
  const labelOf = (row) => row.querySelector('.label-name')?.textContent?.trim();
  /** @param {Element} row */
  const level = (row) => Number(row.getAttribute('aria-level'));
  /** @param {Element} row */
  const index = (row) => Number(row.getAttribute('data-index'));

  /**
   * The label of the `position`-th child (1-based) of the expanded row labelled `group`, if drawn.
   * @param {string} group
   * @param {number} position
   */
  function childLabel(group, position) {
    const rows = [...document.querySelectorAll('.part.sidebar [role="treeitem"]')].sort((a, b) => index(a) - index(b));
    const at = rows.findIndex((row) => labelOf(row) === group && row.getAttribute('aria-expanded') === 'true');
    if (at < 0) return undefined;
    const parentLevel = level(rows[at]);
    for (let next = at + 1; next < rows.length && level(rows[next]) > parentLevel; next++) {
      // Rows are virtual: a gap in the indices means the rest of this group is not drawn.
      if (index(rows[next]) !== index(rows[next - 1]) + 1) return undefined;
      if (level(rows[next]) === parentLevel + 1 && Number(rows[next].getAttribute('aria-posinset')) === position) return labelOf(rows[next]);
    }
    return undefined;
  }

  window.opencxBench = {
    /**
     * Targets: [{ group, position, label }]; each is met once that child is drawn as a session
     * (`label` given: with exactly that label). `state.drawnAt` is set on the frame after all are;
     * without targets only the click is stamped.
     * @param {Target[]} targets
     */
    arm(targets) {
      /** @type {ProbeState} */
      const state = { clickAt: undefined, drawnAt: undefined };
      window.opencxBench.state = state;
      addEventListener('mousedown', () => (state.clickAt ??= stamp()), { capture: true, once: true });
      if (!targets.length) return;
      const met = () =>
        targets.every(({ group, position, label }) => {
          const shown = childLabel(group, position);
          return shown !== undefined && (label === undefined ? !NOTICES.includes(shown) : shown === label);
        });
      // Looked at once a frame, on the frame after a change: looking costs a walk over the rows,
      // and a refresh changes the tree in dozens of bursts within the task that draws it.
      let looking = false;
      const look = () => {
        looking = false;
        if (!met()) return;
        observer.disconnect();
        state.drawnAt = stamp();
        window.opencxBenchReport('rows', state.drawnAt);
      };
      const observer = new MutationObserver(() => {
        if (looking) return;
        looking = true;
        requestAnimationFrame(look);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    childLabel,
  };
}

/**
 * Runs in every frame (an init script). In a webview's host frame it stamps, on the frame after,
 * the moment a content frame holding the session's JSON is made the visible one: VS Code loads a
 * webview's HTML into a hidden frame and shows it once loaded.
 */
export function webviewShownProbe() {
  if (!location.pathname.endsWith('/pre/index.html')) return;
  const stamp = () => performance.timeOrigin + performance.now();
  const shown = () =>
    [.../** @type {NodeListOf<HTMLIFrameElement>} */ (document.querySelectorAll('iframe#active-frame'))].some((frame) => {
      try {
        return frame.style.visibility === 'visible' && Boolean(frame.contentDocument?.getElementById('json'));
      } catch {
        return false;
      }
    });
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => window.opencxBenchReport('panel', stamp()));
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['id', 'style'] });
}
