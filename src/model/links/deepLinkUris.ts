// Links into the extension (`<scheme>://opencx.opencx-sessions/session/<id>`, `…/search?q=<text>`),
// read and written in one place. Plain TypeScript: the URI's path and query come in as text.
import { parseSessionId } from '../../api/ids';
import { capSearchText } from '../search/searchText';

export type DeepLink = { kind: 'session'; id: string } | { kind: 'search'; query: string } | { kind: 'invalid'; reason: string };

/** What a link asks for. Only a session id (a UUID) can open a session; anything else says why not. */
export function parseDeepLink(path: string, query: string): DeepLink {
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'session') {
    const id = parts.length === 2 ? parseSessionId(safeDecode(parts[1]!)) : undefined;
    return id ? { kind: 'session', id } : { kind: 'invalid', reason: 'the link does not end in a session ID (a UUID)' };
  }
  if (parts[0] === 'search' && parts.length === 1) {
    // However long the link, the text is a search's at most: a link becomes no huge request or log line.
    return { kind: 'search', query: capSearchText(new URLSearchParams(query).get('q') ?? '') };
  }
  return { kind: 'invalid', reason: 'the link is neither /session/<id> nor /search?q=<text>' };
}

/** The link to a session, for `scheme` (vscode, vscode-insiders, …) and the extension's id. */
export function sessionLink(scheme: string, extensionId: string, id: string): string {
  return `${scheme}://${extensionId}/session/${encodeURIComponent(id)}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
