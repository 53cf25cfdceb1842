// Behaviour of the session panel's page, run inside the webview (esbuild.js bundles it to
// dist/session.js, which the extension writes into the page). The extension builds the page (all
// text already escaped) and, whenever the session or its history changes, sends the new title and
// body; this script
//  - says `ready` once it runs, and from then on puts each body sent in place of the page's own
//    (parsed inert, then moved in: it is the extension's rendering, the only HTML this script
//    inserts; it never builds any),
//  - collapses and expands JSON nodes (mouse, Enter/Space, arrow keys),
//  - turns toolbar buttons into messages for the extension ({ type } and nothing else),
//  - keeps collapsed nodes, scroll position and focus in the webview state, so they survive an
//    update, a reload and a hidden panel being dropped and shown again,
//  - keeps the session id there too: VS Code saves that state across a window reload and hands it
//    to the extension, which fetches the session again by this id.
// Only the message types are shared with the extension (page/webviewMessages.ts): the page runs
// none of the extension's code.
import { isPageAction, type PageAction, type PageState, type PageUpdate, type WebviewMessage } from './webviewMessages';

const vscode = acquireVsCodeApi<PageState>();
const post = (message: WebviewMessage) => vscode.postMessage(message);

// Read as unknown: the saved state may come from an older version of this page.
const saved: { [K in keyof PageState]?: unknown } = vscode.getState() ?? {};
const state: PageState = {
  sessionId: document.body.dataset.sessionId || (typeof saved.sessionId === 'string' ? saved.sessionId : undefined),
  accountId: document.body.dataset.accountId || (typeof saved.accountId === 'string' ? saved.accountId : undefined),
  collapsed: Array.isArray(saved.collapsed) ? saved.collapsed.filter((path): path is string => typeof path === 'string') : [],
  scrollY: typeof saved.scrollY === 'number' ? saved.scrollY : 0,
  focusAction: isPageAction(saved.focusAction) ? saved.focusAction : undefined,
  revealed: typeof saved.revealed === 'string' ? saved.revealed : undefined,
};
const save = () => vscode.setState(state);
// Saved at once, not on the first click: a panel nobody touched is restored after a reload too.
save();

// Actions answered by new content: their button waits, disabled, until it is in.
const AWAITED_ACTIONS: ReadonlySet<PageAction> = new Set<PageAction>(['refresh', 'loadOlder', 'retryHistory']);
// Where focus goes when the button is gone afterwards (e.g. no older page left).
const FOCUS_FALLBACK: Partial<Record<PageAction, string>> = { refresh: 'title', loadOlder: 'history-heading', retryHistory: 'history-heading' };

// ---- JSON nodes

const toggleOf = (node: Element) => node.querySelector<HTMLElement>(':scope > .toggle');
const nodeOf = (toggle: Element) => toggle.parentElement!;

function setCollapsed(node: Element, collapsed: boolean): void {
  node.classList.toggle('collapsed', collapsed);
  toggleOf(node)?.setAttribute('aria-expanded', String(!collapsed));
}

function jsonNodes(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('#json .node'));
}

function rememberCollapsed(): void {
  const collapsed = Array.from(document.querySelectorAll<HTMLElement>('#json .node.collapsed'), (node) => node.dataset.path);
  state.collapsed = collapsed.filter((path): path is string => path !== undefined);
  save();
}

function moveFocus(from: HTMLElement, offset: number): void {
  const toggles = Array.from(document.querySelectorAll<HTMLElement>('#json .toggle')).filter((toggle) => toggle.getClientRects().length > 0);
  toggles[toggles.indexOf(from) + offset]?.focus();
}

function restoreCollapsed(): void {
  const collapsedPaths = new Set(state.collapsed);
  for (const node of jsonNodes()) {
    if (node.dataset.path !== undefined && collapsedPaths.has(node.dataset.path)) setCollapsed(node, true);
  }
}

// ---- Clicks

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  if (!button || button.disabled) return;

  if (button.classList.contains('toggle')) {
    const node = nodeOf(button);
    setCollapsed(node, !node.classList.contains('collapsed'));
    rememberCollapsed();
    return;
  }

  const local = button.dataset.local;
  if (local === 'expandAll' || local === 'collapseAll') {
    for (const node of jsonNodes()) setCollapsed(node, local === 'collapseAll');
    rememberCollapsed();
    return;
  }

  const action = button.dataset.action;
  if (!isPageAction(action)) return;
  if (AWAITED_ACTIONS.has(action)) {
    // Immediate feedback; the extension answers with new content.
    button.disabled = true;
    state.focusAction = action;
    save();
  }
  post({ type: action });
});

// ---- Keyboard on JSON toggles, like a tree: Right opens or steps in, Left closes or steps out.

document.addEventListener('keydown', (event) => {
  const toggle = event.target instanceof HTMLElement && event.target.classList.contains('toggle') ? event.target : null;
  if (!toggle || event.altKey || event.ctrlKey || event.metaKey) return;
  if (!moveByKey(toggle, event.key)) return;
  event.preventDefault();
});

/** What `key` does on a JSON toggle; false for a key it leaves alone. */
function moveByKey(toggle: HTMLElement, key: string): boolean {
  const node = nodeOf(toggle);
  const collapsed = node.classList.contains('collapsed');
  switch (key) {
    case 'ArrowRight':
      if (!collapsed) {
        moveFocus(toggle, 1);
        return true;
      }
      setCollapsed(node, false);
      rememberCollapsed();
      return true;
    case 'ArrowLeft': {
      if (collapsed) {
        const parent = node.parentElement?.closest('.node');
        if (parent) toggleOf(parent)?.focus();
        return true;
      }
      setCollapsed(node, true);
      rememberCollapsed();
      return true;
    }
    case 'ArrowDown':
      moveFocus(toggle, 1);
      return true;
    case 'ArrowUp':
      moveFocus(toggle, -1);
      return true;
    default:
      return false;
  }
}

// ---- Scroll and focus across updates and reloads

let scrollSaveQueued = false;
window.addEventListener('scroll', () => {
  if (scrollSaveQueued) return;
  scrollSaveQueued = true;
  requestAnimationFrame(() => {
    scrollSaveQueued = false;
    state.scrollY = window.scrollY;
    save();
  });
});

/** What the user did to the page before, applied to the page as it is now. */
function restore(): void {
  restoreCollapsed();
  if (state.scrollY > 0) window.scrollTo(0, state.scrollY);

  // An event the user asked for (a search hit) is brought into view once; later content keeps
  // wherever the user scrolled since.
  const reveal = document.querySelector<HTMLElement>('[data-reveal]');
  if (reveal && state.revealed !== reveal.dataset.reveal) {
    reveal.scrollIntoView({ block: 'center' });
    state.revealed = reveal.dataset.reveal;
    save();
  }

  if (state.focusAction) {
    const button = document.querySelector<HTMLButtonElement>(`button[data-action="${CSS.escape(state.focusAction)}"]`);
    // A disabled button means the answer is not in yet: this content is the "loading" one.
    if (!button || !button.disabled) {
      const target = button ?? document.getElementById(FOCUS_FALLBACK[state.focusAction] ?? 'title');
      target?.focus({ preventScroll: true });
      state.focusAction = undefined;
      save();
    }
  }
}

// ---- Updates from the extension

/** A selector for the element `element` stands for in the next content, if it can be found there. */
function selectorOf(element: Element | null): string | undefined {
  if (!(element instanceof HTMLElement) || element === document.body) return undefined;
  if (element.id) return `#${CSS.escape(element.id)}`;
  if (element.dataset.action) return `button[data-action="${CSS.escape(element.dataset.action)}"]`;
  if (element.dataset.local) return `button[data-local="${CSS.escape(element.dataset.local)}"]`;
  const path = element.classList.contains('toggle') ? (nodeOf(element) as HTMLElement).dataset.path : undefined;
  if (path !== undefined) return `#json .node[data-path="${CSS.escape(path)}"] > .toggle`;
  return undefined;
}

function applyUpdate(update: PageUpdate): void {
  const focused = selectorOf(document.activeElement);
  // A document made by DOMParser runs no script and loads nothing; its nodes move into this one.
  const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${update.body}`, 'text/html');
  document.title = update.title;
  document.body.replaceChildren(...parsed.body.childNodes);
  // Focus stays where it was, unless a pressed button's answer says where it goes (restore).
  const again = focused ? document.querySelector<HTMLElement>(focused) : null;
  if (again && !state.focusAction) again.focus({ preventScroll: true });
  restore();
}

function isUpdate(data: unknown): data is PageUpdate {
  if (typeof data !== 'object' || data === null) return false;
  const { type, title, body } = data as { [K in keyof PageUpdate]?: unknown };
  return type === 'update' && typeof title === 'string' && typeof body === 'string';
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  // Only the extension speaks to the page, through VS Code's frame around it, which shares the
  // page's origin (VS Code hides that frame from the page: window.parent is the page itself).
  if (event.origin !== window.location.origin) return;
  if (isUpdate(event.data)) applyUpdate(event.data);
});

restore();

// The page is in and listens: the extension sends what changed since its HTML was made, then
// every change as it comes.
post({ type: 'ready' });
