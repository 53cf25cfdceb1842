// The pieces every page of the extension is made of, as plain strings (no VS Code here, so they
// are tested in Node): escaping, the Content-Security-Policy and its nonce, buttons and error notices.
// Every value that came from the API reaches a page through escapeHtml, as text: names, messages
// and keys are written by customers and may hold markup.
import type { PanelText } from './panelText';
import type { PageAction } from './webviewMessages';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** 128 random bits for the Content-Security-Policy nonce, base64 as CSP expects. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string): string {
  // Nothing but the page's own script and stylesheet, which carry the nonce: no other script or
  // style element, no style attribute, no images, fonts, frames or connections, and no <base> or
  // form that could point elsewhere.
  return [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

/**
 * An error as the page shows it, with a retry button; when a new token is the fix, "Set API Token";
 * when the panel's account was signed out, "Switch Account" too.
 */
export interface InlineError {
  message: string;
  canSetToken: boolean;
  canSwitchAccount?: boolean;
}

export function button(action: PageAction, label: string, options: { disabled?: boolean; secondary?: boolean; title?: string } = {}): string {
  const classes = options.secondary ? ' class="secondary"' : '';
  const title = options.title ? ` title="${escapeHtml(options.title)}"` : '';
  return `<button type="button"${classes} data-action="${action}"${title}${options.disabled ? ' disabled' : ''}>${escapeHtml(label)}</button>`;
}

export function renderError(error: InlineError, retry: PageAction, text: PanelText): string {
  const setToken = error.canSetToken ? ` ${button('setToken', text.setToken, { secondary: true })}` : '';
  const switchAccount = error.canSwitchAccount ? ` ${button('switchAccount', text.switchAccount, { secondary: true })}` : '';
  return `<div class="notice error" role="alert"><span class="message">${escapeHtml(error.message)}</span> ${button(retry, text.retry)}${setToken}${switchAccount}</div>`;
}
