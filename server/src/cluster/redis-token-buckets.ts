import { MemoryTokenBuckets, type BucketKey, type TokenBucketStore } from '../limits/token-buckets.js';
import { RedisScript, type RedisScriptClient } from './redis-scripts.js';

/**
 * MemoryTokenBuckets' arithmetic in one Lua script, so that a take is all or none across its
 * buckets and atomic against every other node's. The clock is Redis's (TIME), one for all nodes,
 * whose own clocks may disagree. Each bucket is a hash {t: tokens, a: at ms} that expires when it
 * would be full again: an idle address costs nothing, as the memory store's sweep ensures.
 * KEYS: the buckets; ARGV: perSecond and burst of each, in order. Answers the ms to wait (0: taken).
 */
const TAKE = new RedisScript(`
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local levels = {}
local wait = 0
for i, key in ipairs(KEYS) do
  local rate, burst = tonumber(ARGV[2 * i - 1]), tonumber(ARGV[2 * i])
  local saved = redis.call('HMGET', key, 't', 'a')
  local level = burst
  if saved[1] then
    level = math.min(burst, tonumber(saved[1]) + math.max(0, now - tonumber(saved[2])) / 1000 * rate)
  end
  levels[i] = level
  wait = math.max(wait, math.ceil((1 - level) / rate * 1000))
end
local taken = 0
if wait <= 0 then
  taken, wait = 1, 0
end
for i, key in ipairs(KEYS) do
  local rate, burst = tonumber(ARGV[2 * i - 1]), tonumber(ARGV[2 * i])
  local tokens = levels[i] - taken
  redis.call('HSET', key, 't', tostring(tokens), 'a', tostring(now))
  redis.call('PEXPIRE', key, math.max(1, math.ceil((burst - tokens) / rate * 1000)))
end
return wait
`);

/**
 * A charge that Redis has not answered by then is counted in this node's memory instead: node-redis
 * holds commands while it reconnects, and a Redis outage must not stall every command of every node.
 */
const REDIS_WAIT_MS = 250;
/** An outage is logged once per this much time, not once per charge. */
const ERROR_LOG_EVERY_MS = 10_000;

/**
 * Rate-limit buckets in Redis, shared by every node that uses the same Redis and key prefix. While
 * Redis fails or is slow to answer, each node counts in its own memory: limits stay, per node, and
 * commands keep flowing.
 */
export class RedisTokenBuckets implements TokenBucketStore {
  readonly #fallback = new MemoryTokenBuckets();
  #errorLoggedAt = -Infinity;

  constructor(
    private readonly client: RedisScriptClient,
    /** Before every key, e.g. `conecta:`; the buckets are `<prefix>rate:<bucket>`. */
    private readonly keyPrefix: string,
    private readonly onRedisError: (error: unknown) => void = () => undefined,
    private readonly waitMs = REDIS_WAIT_MS,
  ) {}

  async take(buckets: readonly BucketKey[]): Promise<number> {
    if (buckets.length === 0) return 0;
    const keys = buckets.map(({ key }) => `${this.keyPrefix}rate:${key}`);
    const args = buckets.flatMap(({ rule }) => [rule.perSecond, rule.burst]);
    try {
      return Number(await TAKE.run(this.client, keys, args, this.waitMs));
    } catch (error) {
      const at = performance.now();
      if (at - this.#errorLoggedAt >= ERROR_LOG_EVERY_MS) {
        this.#errorLoggedAt = at;
        this.onRedisError(error);
      }
      return this.#fallback.take(buckets);
    }
  }
}
