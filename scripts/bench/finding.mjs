// Finding sessions: link detection over a large log (what every editor pays for the session links,
// with no request), and the server searches one typed query makes (one per pause in typing, none
// for a single character), with the real client against the stand-in and the real timers.
import { setTimeout as sleep } from 'node:timers/promises';
import { DATA, loadCompiled, median } from './repo.mjs';

const { findSessionIds } = /** @type {typeof import('../../src/model/links/sessionIds.js')} */ (loadCompiled('src/model/links/sessionIds.js'));
const { RemoteSearch, SEARCH_DELAY_MS } = /** @type {typeof import('../../src/model/search/remoteSearch.js')} */ (loadCompiled('src/model/search/remoteSearch.js'));
const { OpenCxClient } = /** @type {typeof import('../../src/api/client.js')} */ (loadCompiled('src/api/client.js'));
const { startStandIn } = /** @type {typeof import('../../test/server/server.js')} */ (loadCompiled('test/server/server.js'));

/**
 * A log of `megabytes` MB, one line in fifty naming a session, as a busy service writes them.
 * @param {number} megabytes
 */
function logText(megabytes) {
  const lines = [];
  let size = 0;
  for (let index = 0; size < megabytes * 2 ** 20; index++) {
    const session = index % 50 === 0 ? ` session=3c90c3cc-0d44-4b50-8888-${index.toString(16).padStart(12, '0')}` : '';
    const line = `2026-12-01T10:00:${String(index % 60).padStart(2, '0')}Z INFO worker-${index % 7} request ${index.toString(16).padStart(8, '0')} took ${index % 500} ms${session}\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('');
}

export function timeLinkDetection({ megabytes = 10, runs = 7 } = {}) {
  const text = logText(megabytes);
  const times = [];
  let ids = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    ids = findSessionIds(text).length;
    times.push(performance.now() - started);
  }
  return { ms: median(times), ids, megabytes: text.length / 2 ** 20 };
}

/**
 * Types `text` a character at a time, `intervalMs` apart, and waits out the pause.
 * @param {import('../../src/model/search/remoteSearch.js').RemoteSearch} search
 * @param {string} text
 * @param {number} intervalMs
 */
async function typeInto(search, text, intervalMs) {
  for (let end = 1; end <= text.length; end++) {
    search.type(text.slice(0, end));
    await sleep(intervalMs);
  }
  await sleep(SEARCH_DELAY_MS + 300);
}

export async function countSearchRequests() {
  const standIn = await startStandIn({ count: 500, ...DATA, rateLimit: 0 });
  try {
    const client = new OpenCxClient({ baseUrl: standIn.url, token: standIn.token });
    const search = new RemoteSearch({ search: (query, signal) => client.searchSessions(query, signal) }, () => {});
    const searches = () => standIn.requests.filter((request) => request.path === '/chat/sessions/search').length;
    // Typing faster than the pause: one request for the whole word.
    await typeInto(search, 'refund', 80);
    const word = searches();
    // A second query, typed after the first was answered: one more.
    await typeInto(search, 'refund please', 80);
    const another = searches() - word;
    standIn.requests.length = 0;
    search.type('');
    await typeInto(search, 'r', 80);
    const oneCharacter = searches();
    search.dispose();
    return { word, another, oneCharacter };
  } finally {
    await standIn.close();
  }
}
