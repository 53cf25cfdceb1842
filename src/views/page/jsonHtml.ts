// A session's JSON as the panel shows it: a tree of collapsible nodes whose text (tags removed,
// entities decoded) is exactly the pretty JSON the copy commands and the editor get
// (formatExactJson), so that selecting and copying from the page gives the same JSON. Numbers,
// key order and repeated keys are shown as the server sent them; a repeated key is flagged.
import { formatExactJson, MAX_INDENTED_DEPTH, type JsonNode } from '../../api/exactJson';
import { escapeHtml } from './html';
import { panelText, type PanelText } from './panelText';

// Toggles draw their arrow and collapsed nodes their "… 3 keys" with CSS, so selecting and
// copying from the page gives valid JSON.

/** A JSON Pointer (RFC 6901) segment: how the page's script remembers which nodes were collapsed. */
function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function renderJson(node: JsonNode, text: PanelText = panelText()): string {
  return renderNode(node, '', '', '', text.root, text, 0);
}

interface Child {
  /** Pointer segment: the key or index, and for the n-th repeat of a key "~n" (never valid in a pointer, so never a key's). */
  segment: string;
  name: string;
  keyHtml: string;
  node: JsonNode;
}

function renderNode(node: JsonNode, indent: string, path: string, keyHtml: string, name: string, text: PanelText, depth: number): string {
  if (node.kind !== 'object' && node.kind !== 'array') return keyHtml + renderScalar(node);
  // Deeper containers are one line in the pretty JSON, and one line here: rendering them node by
  // node would also exhaust the stack.
  if (depth >= MAX_INDENTED_DEPTH) return `${keyHtml}<span class="deep">${escapeHtml(formatExactJson(node, depth))}</span>`;
  const isArray = node.kind === 'array';
  const children: Child[] = isArray
    ? node.items.map((item, index) => ({ segment: String(index), name: `${name}[${index}]`, keyHtml: '', node: item }))
    : objectChildren(node.entries, text);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (children.length === 0) return `${keyHtml}<span class="punct">${open}${close}</span>`;

  const inner = `${indent}  `;
  const body = children
    .map((child, index) => {
      const comma = index < children.length - 1 ? '<span class="punct">,</span>' : '';
      return `\n${inner}${renderNode(child.node, inner, `${path}/${child.segment}`, child.keyHtml, child.name, text, depth + 1)}${comma}`;
    })
    .join('');
  const summary = text.entries(children.length, isArray);
  return (
    `<span class="node" data-path="${escapeHtml(path)}">` +
    `<button type="button" class="toggle" aria-expanded="true" aria-label="${escapeHtml(`${name}, ${summary}`)}"></button>` +
    `${keyHtml}<span class="punct open" data-summary="${escapeHtml(summary)}">${open}</span>` +
    `<span class="body">${body}\n${indent}</span><span class="punct">${close}</span></span>`
  );
}

function objectChildren(entries: readonly { key: string; value: JsonNode; duplicate: boolean }[], text: PanelText): Child[] {
  const seen = new Map<string, number>();
  return entries.map(({ key, value, duplicate }) => {
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const quoted = escapeHtml(JSON.stringify(key));
    const keyHtml = duplicate
      ? `<span class="key duplicate" title="${escapeHtml(text.repeatedKey)}">${quoted}</span><span class="punct">: </span>`
      : `<span class="key">${quoted}</span><span class="punct">: </span>`;
    const segment = pointerSegment(key) + (occurrence > 1 ? `~${occurrence}` : '');
    return { segment, name: key, keyHtml, node: value };
  });
}

function renderScalar(node: Exclude<JsonNode, { kind: 'object' | 'array' }>): string {
  switch (node.kind) {
    case 'string':
      return `<span class="string">${escapeHtml(JSON.stringify(node.value))}</span>`;
    case 'number':
      return `<span class="number">${escapeHtml(node.lexeme)}</span>`;
    case 'boolean':
      return `<span class="boolean">${node.value}</span>`;
    case 'null':
      return '<span class="null">null</span>';
  }
}
