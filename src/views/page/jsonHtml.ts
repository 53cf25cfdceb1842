// A session's JSON as the panel shows it: one formatting for the page, the copy and the editor,
// and a tree of collapsible nodes whose text (tags removed, entities decoded) is exactly that
// formatting, so that selecting and copying from the page gives valid JSON.
import { escapeHtml } from './html';
import { panelText, type PanelText } from './panelText';

/**
 * The JSON text the panel shows, copies and opens in an editor: one formatting everywhere.
 * JSON nested thousands of levels deep exhausts the stack of JSON.stringify; it is reported, not thrown.
 */
export function prettyJson(value: unknown, indent = 2): string {
  try {
    return JSON.stringify(value, null, indent) ?? 'null';
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return `"${TOO_DEEP}"`;
  }
}

const TOO_DEEP = '(nested too deeply to show)';
/** Deeper objects are shown as one line of JSON: rendering them node by node would exhaust the stack. */
const MAX_RENDER_DEPTH = 100;

// Toggles draw their arrow and collapsed nodes their "… 3 keys" with CSS, so selecting and
// copying from the page gives valid JSON.

/** A JSON Pointer (RFC 6901) segment: how media/session.js remembers which nodes were collapsed. */
function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Values JSON.stringify leaves out of objects. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

export function renderJson(value: unknown, text: PanelText = panelText()): string {
  return renderNode(value, '', '', '', text.root, text, 0);
}

function renderNode(value: unknown, indent: string, path: string, keyHtml: string, name: string, text: PanelText, depth: number): string {
  if (typeof value !== 'object' || value === null) return keyHtml + renderScalar(value);
  if (depth >= MAX_RENDER_DEPTH) return `${keyHtml}<span class="deep">${escapeHtml(prettyJson(value, 0))}</span>`;
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value).filter(([, item]) => !omitted(item));
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${keyHtml}<span class="punct">${open}${close}</span>`;

  const inner = `${indent}  `;
  const children = entries
    .map(([key, item], index) => {
      const childKey = isArray ? '' : `<span class="key">${escapeHtml(JSON.stringify(key))}</span><span class="punct">: </span>`;
      const comma = index < entries.length - 1 ? '<span class="punct">,</span>' : '';
      const childName = isArray ? `${name}[${key}]` : key;
      return `\n${inner}${renderNode(item, inner, `${path}/${pointerSegment(key)}`, childKey, childName, text, depth + 1)}${comma}`;
    })
    .join('');
  const summary = text.entries(entries.length, isArray);
  return (
    `<span class="node" data-path="${escapeHtml(path)}">` +
    `<button type="button" class="toggle" aria-expanded="true" aria-label="${escapeHtml(`${name}, ${summary}`)}"></button>` +
    `${keyHtml}<span class="punct open" data-summary="${escapeHtml(summary)}">${open}</span>` +
    `<span class="body">${children}\n${indent}</span><span class="punct">${close}</span></span>`
  );
}

function renderScalar(value: unknown): string {
  if (typeof value === 'string') return `<span class="string">${escapeHtml(JSON.stringify(value))}</span>`;
  // JSON.stringify writes NaN and Infinity as null, like the copied JSON.
  if (typeof value === 'number') return `<span class="number">${JSON.stringify(value)}</span>`;
  if (typeof value === 'boolean') return `<span class="boolean">${value}</span>`;
  if (typeof value === 'bigint') return `<span class="number">${value}</span>`;
  return '<span class="null">null</span>';
}
