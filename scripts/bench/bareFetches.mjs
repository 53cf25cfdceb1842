// The network's share of perceived.mjs's figures: the requests behind its clicks (a)–(d), from Node.
import { median } from './repo.mjs';

/**
 * The same requests from Node with nothing around them; the median of three of each.
 * @param {import('../vscode/vscode-server.mjs').StandIn} standIn
 */
export async function timeBareFetches(standIn) {
  const headers = { authorization: `Bearer ${standIn.token}`, accept: 'application/json' };
  /**
   * @param {string} path
   * @param {Record<string, string>} [query]
   */
  const get = async (path, query = {}) => {
    const response = await fetch(`${standIn.url}${path}?${new URLSearchParams(query)}`, { headers });
    if (!response.ok) throw new Error(`bare fetch of ${path}: HTTP ${response.status}`);
    return JSON.parse(await response.text());
  };
  const web = { status: 'open', channel_type: 'web' };
  const email = { status: 'open', channel_type: 'email' };
  const first = await get('/chat/sessions', web);
  const requests = {
    a: () => get('/chat/sessions', web),
    b: () => get('/chat/sessions', { ...web, cursor: first.next }),
    c: () => get(`/chat/sessions/${first.items[0].id}/history`),
    c2: () => get(`/chat/sessions/${first.items[1].id}/history`),
    d: () => Promise.all([get('/chat/sessions', web), get('/chat/sessions', email)]),
  };
  /** @type {Record<string, number>} */
  const times = {};
  for (const [key, request] of Object.entries(requests)) {
    /** @type {number[]} */
    const samples = [];
    for (let index = 0; index < 3; index++) {
      const started = performance.now();
      await request();
      samples.push(performance.now() - started);
    }
    times[key] = median(samples);
  }
  return times;
}
