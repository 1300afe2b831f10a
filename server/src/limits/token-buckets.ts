/** A token bucket's rule: `burst` at once, refilled at `perSecond`. */
export interface RateRule {
  perSecond: number;
  burst: number;
}

/**
 * Where the buckets live. This one is in memory, for one server process; a Redis-backed store can
 * implement the same interface so that several nodes share their counts.
 */
export interface TokenBucketStore {
  /**
   * Takes one token from each bucket (full when new) if every one has a token, and answers 0; else
   * takes none and answers the ms until all will have one. All or none: a request refused for its
   * address must not drain its channel's bucket, or one abuser would starve everyone on the channel.
   */
  take(buckets: readonly BucketKey[]): Promise<number>;
}

/** A bucket by name (`sessions:address:203.0.113.7`) and its rule. */
export interface BucketKey {
  key: string;
  rule: RateRule;
}

interface Bucket {
  tokens: number;
  at: number;
  /** When the bucket will be full again: past that, forgetting it changes nothing. */
  fullAt: number;
}

/** Buckets refill by the monotonic clock, not the injectable one, so a frozen test clock does not freeze them. */
export class MemoryTokenBuckets implements TokenBucketStore {
  readonly #buckets = new Map<string, Bucket>();
  #takesSinceSweep = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  async take(buckets: readonly BucketKey[]): Promise<number> {
    const at = this.now();
    this.#sweep(at);
    const levels = buckets.map(({ key, rule }) => {
      const bucket = this.#buckets.get(key);
      return bucket ? Math.min(rule.burst, bucket.tokens + ((at - bucket.at) / 1000) * rule.perSecond) : rule.burst;
    });
    const wait = Math.max(0, ...buckets.map(({ rule }, i) => Math.ceil(((1 - levels[i]!) / rule.perSecond) * 1000)));
    const taken = wait > 0 ? 0 : 1;
    buckets.forEach(({ key, rule }, i) => {
      const tokens = levels[i]! - taken;
      this.#buckets.set(key, { tokens, at, fullAt: at + ((rule.burst - tokens) / rule.perSecond) * 1000 });
    });
    return wait;
  }

  /** Every so many takes, drops the buckets that are full again (idle addresses and visitors). */
  #sweep(at: number): void {
    if (++this.#takesSinceSweep < 1000) return;
    this.#takesSinceSweep = 0;
    for (const [key, bucket] of this.#buckets) if (bucket.fullAt <= at) this.#buckets.delete(key);
  }
}
