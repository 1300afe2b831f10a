/**
 * A token bucket: `burst` commands at once, refilled at `perSecond`. Uses the monotonic clock, not
 * the injectable one, so a frozen test clock does not freeze the refill.
 */
export class TokenBucket {
  #tokens: number;
  #last = performance.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.#tokens = burst;
  }

  take(): boolean {
    const now = performance.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.perSecond);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

export interface RateLimit {
  perSecond: number;
  burst: number;
}
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 20, burst: 40 };
