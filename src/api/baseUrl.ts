// The configured API base URL, checked before any request is built: it must be one the token can
// safely be sent to, and one the client can append its own paths and queries to.
import { ApiError } from './errors';

export const DEFAULT_BASE_URL = 'https://api.open.cx';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Parses the configured base URL. A token is a password: it is never sent in clear text over
 * the network, so plain http is accepted only for loopback servers (local stand-ins, tunnels).
 */
export function checkBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    // Not quoted: a URL typed with a password in it may not parse, and the message is shown and logged.
    throw new ApiError('configuration', `The API base URL in the opencx.apiBaseUrl setting is not a valid URL. Use e.g. ${DEFAULT_BASE_URL}.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ApiError(
      'configuration',
      `Refusing to send the API token over plain http to ${url.host}: use https (plain http is allowed only for localhost).`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiError('configuration', `The API base URL must start with https:// (got "${url.protocol}").`);
  }
  // Request paths are appended to the base URL, so a query or fragment in it would swallow them,
  // and credentials in it would go to every request beside the token. What those parts held may be
  // a secret: the messages name the part, never its content, and offer the URL without it.
  const instead = `Use ${url.protocol}//${url.host}${url.pathname} instead.`;
  if (url.username || url.password) {
    throw new ApiError(
      'configuration',
      `The API base URL must not contain a user name or password (the part before "@"): the API key is set with the command "open.cx: Set API Token". ${instead}`,
    );
  }
  // `search` and `hash` are empty for a bare "?" or "#", which would still break every path.
  if (url.search || url.href.includes('?')) {
    throw new ApiError('configuration', `The API base URL must not contain a query (the part from "?"): the extension adds its own to each request. ${instead}`);
  }
  if (url.hash || url.href.includes('#')) {
    throw new ApiError('configuration', `The API base URL must not contain a fragment (the part from "#"). ${instead}`);
  }
  return url;
}
