// The API's per-token rate limit: so many requests in a sliding window, then 429 with how many
// seconds to wait.
export class RateLimit {
  private readonly sentByToken = new Map<string, number[]>();

  /** `limit` requests per `windowMs` for each token; a limit of 0 turns it off. */
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a request sent at `now`, or, over the limit, counts nothing and gives the seconds to wait. */
  retryAfter(token: string, now: number): number | undefined {
    if (this.limit <= 0) return undefined;
    const sent = (this.sentByToken.get(token) ?? []).filter((time) => time > now - this.windowMs);
    this.sentByToken.set(token, sent);
    if (sent.length >= this.limit) return Math.max(1, Math.ceil((sent[0]! + this.windowMs - now) / 1000));
    sent.push(now);
    return undefined;
  }

  clear(): void {
    this.sentByToken.clear();
  }
}
