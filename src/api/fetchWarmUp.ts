// VS Code's extension host wraps `fetch` to honour the user's proxy settings and certificates: on
// its first call it resolves the proxy for the URL and loads the system certificates, a noticeable
// wait before anything is sent. A fetch aborted before it starts goes through that
// set-up and stops there: no connection is opened and nothing is sent. Done once the view is on
// screen, it takes that time off the user's first click.

/** Readies `fetch` for `baseUrl` without sending anything; never throws. */
export async function prepareFetch(baseUrl: URL): Promise<void> {
  try {
    await fetch(baseUrl, { signal: AbortSignal.abort() });
  } catch {
    // The abort: what was wanted.
  }
}
