// Behaviour of the session panel's page. The extension builds the page (all text already escaped)
// and, whenever the session or its history changes, sends the new title and body; this script
//  - puts that body in place of the page's own (parsed inert, then moved in: it is the
//    extension's rendering, the only HTML this script inserts; it never builds any),
//  - collapses and expands JSON nodes (mouse, Enter/Space, arrow keys),
//  - turns toolbar buttons into messages for the extension ({ type } and nothing else),
//  - keeps collapsed nodes, scroll position and focus in the webview state, so they survive an
//    update, a reload and a hidden panel being dropped and shown again,
//  - keeps the session id there too: VS Code saves that state across a window reload and hands it
//    to the extension, which fetches the session again by this id.
// Plain browser JavaScript, no build step.
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();

  const saved = vscode.getState() || {};
  const state = {
    sessionId: document.body.dataset.sessionId || (typeof saved.sessionId === 'string' ? saved.sessionId : undefined),
    collapsed: Array.isArray(saved.collapsed) ? saved.collapsed.filter((path) => typeof path === 'string') : [],
    scrollY: typeof saved.scrollY === 'number' ? saved.scrollY : 0,
    // The action whose button had focus when its request started; focus returns there once the answer is in.
    focusAction: typeof saved.focusAction === 'string' ? saved.focusAction : undefined,
    // The last search hit brought into view (its data-reveal value).
    revealed: typeof saved.revealed === 'string' ? saved.revealed : undefined,
  };
  const save = () => vscode.setState(state);
  // Saved at once, not on the first click: a panel nobody touched is restored after a reload too.
  save();

  // Actions answered by a new page (an update or a load): their button waits, disabled, until then.
  const AWAITED_ACTIONS = new Set(['refresh', 'loadOlder', 'retryHistory']);
  // Where focus goes when the button is gone afterwards (e.g. no older page left).
  const FOCUS_FALLBACK = { refresh: 'title', loadOlder: 'history-heading', retryHistory: 'history-heading' };

  // ---- JSON nodes

  const toggleOf = (node) => node.querySelector(':scope > .toggle');
  const nodeOf = (toggle) => toggle.parentElement;

  function setCollapsed(node, collapsed) {
    node.classList.toggle('collapsed', collapsed);
    const toggle = toggleOf(node);
    if (toggle) toggle.setAttribute('aria-expanded', String(!collapsed));
  }

  function rememberCollapsed() {
    state.collapsed = Array.from(document.querySelectorAll('#json .node.collapsed'), (node) => node.dataset.path);
    save();
  }

  function visibleToggles() {
    return Array.from(document.querySelectorAll('#json .toggle')).filter((toggle) => toggle.getClientRects().length > 0);
  }

  function moveFocus(from, offset) {
    const toggles = visibleToggles();
    const target = toggles[toggles.indexOf(from) + offset];
    if (target) target.focus();
  }

  function restoreCollapsed() {
    const collapsedPaths = new Set(state.collapsed);
    for (const node of document.querySelectorAll('#json .node')) {
      if (collapsedPaths.has(node.dataset.path)) setCollapsed(node, true);
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
      for (const node of document.querySelectorAll('#json .node')) setCollapsed(node, local === 'collapseAll');
      rememberCollapsed();
      return;
    }

    const action = button.dataset.action;
    if (!action) return;
    if (AWAITED_ACTIONS.has(action)) {
      // Immediate feedback; the extension answers with a new page.
      button.disabled = true;
      state.focusAction = action;
      save();
    }
    vscode.postMessage({ type: action });
  });

  // ---- Keyboard on JSON toggles, like a tree: Right opens or steps in, Left closes or steps out.

  document.addEventListener('keydown', (event) => {
    const toggle = event.target instanceof Element && event.target.classList.contains('toggle') ? event.target : null;
    if (!toggle || event.altKey || event.ctrlKey || event.metaKey) return;
    const node = nodeOf(toggle);
    const collapsed = node.classList.contains('collapsed');
    switch (event.key) {
      case 'ArrowRight':
        if (collapsed) {
          setCollapsed(node, false);
          rememberCollapsed();
        } else {
          moveFocus(toggle, 1);
        }
        break;
      case 'ArrowLeft': {
        if (!collapsed) {
          setCollapsed(node, true);
          rememberCollapsed();
          break;
        }
        const parent = node.parentElement && node.parentElement.closest('.node');
        if (parent) toggleOf(parent).focus();
        break;
      }
      case 'ArrowDown':
        moveFocus(toggle, 1);
        break;
      case 'ArrowUp':
        moveFocus(toggle, -1);
        break;
      default:
        return;
    }
    event.preventDefault();
  });

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
  function restore() {
    restoreCollapsed();
    if (state.scrollY > 0) window.scrollTo(0, state.scrollY);

    // An event the user asked for (a search hit) is brought into view once; later pages keep
    // wherever the user scrolled since.
    const reveal = document.querySelector('[data-reveal]');
    if (reveal && state.revealed !== reveal.dataset.reveal) {
      reveal.scrollIntoView({ block: 'center' });
      state.revealed = reveal.dataset.reveal;
      save();
    }

    if (state.focusAction) {
      const button = document.querySelector(`button[data-action="${CSS.escape(state.focusAction)}"]`);
      // A disabled button means the answer is not in yet: this page is the "loading" one.
      if (!button || !button.disabled) {
        const target = button || document.getElementById(FOCUS_FALLBACK[state.focusAction] || 'title');
        if (target) target.focus({ preventScroll: true });
        state.focusAction = undefined;
        save();
      }
    }
  }

  // ---- Updates from the extension

  /** A selector for the element `element` stands for in the next page, if it can be found there. */
  function selectorOf(element) {
    if (!(element instanceof Element) || element === document.body) return undefined;
    if (element.id) return `#${CSS.escape(element.id)}`;
    if (element.dataset.action) return `button[data-action="${CSS.escape(element.dataset.action)}"]`;
    if (element.dataset.local) return `button[data-local="${CSS.escape(element.dataset.local)}"]`;
    const node = element.classList.contains('toggle') ? nodeOf(element) : null;
    if (node && node.dataset.path !== undefined) return `#json .node[data-path="${CSS.escape(node.dataset.path)}"] > .toggle`;
    return undefined;
  }

  function applyUpdate(update) {
    const focused = selectorOf(document.activeElement);
    // A document made by DOMParser runs no script and loads nothing; its nodes move into this one.
    const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${update.body}`, 'text/html');
    document.title = update.title;
    document.body.replaceChildren(...parsed.body.childNodes);
    // Focus stays where it was, unless a pressed button's answer says where it goes (restore).
    const again = focused && document.querySelector(focused);
    if (again && !state.focusAction) again.focus({ preventScroll: true });
    restore();
  }

  window.addEventListener('message', (event) => {
    // Only the extension speaks to the page, through VS Code's frame around it, which shares the
    // page's origin (VS Code hides that frame from the page: window.parent is the page itself).
    if (event.origin !== window.location.origin) return;
    const update = event.data;
    if (!update || update.type !== 'update' || typeof update.body !== 'string' || typeof update.title !== 'string') return;
    applyUpdate(update);
    vscode.postMessage({ type: 'updated' });
  });

  restore();

  // The page is in: the extension gives the next one only now, so a change made while this one
  // loaded does not throw the load away; after this, changes come as updates.
  vscode.postMessage({ type: 'loaded' });
})();
