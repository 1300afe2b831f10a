import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { QueueTold, QueueToldStore } from '../socket/queue-told.js';
import { RedisScript, type RedisScriptClient } from './redis-scripts.js';

/**
 * Replaces a team's hash of told values (session id → "position:eta") and answers the ids whose
 * value is new or changed. KEYS: the hash; ARGV: its lifetime in ms, then id and value pairs.
 */
const EXCHANGE = new RedisScript(`
local before = {}
local saved = redis.call('HGETALL', KEYS[1])
for i = 1, #saved, 2 do before[saved[i]] = saved[i + 1] end
redis.call('DEL', KEYS[1])
local changed = {}
for i = 2, #ARGV, 2 do
  if before[ARGV[i]] ~= ARGV[i + 1] then changed[#changed + 1] = ARGV[i] end
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
if #ARGV > 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return changed
`);

const LOCK = new RedisScript(`return redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0`);
const UNLOCK = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** Longer than any recount (two indexed queries); a node that dies holding the lock holds it no longer. */
const LOCK_MS = 10_000;
const RETRY_MS = 5;
/**
 * A team idle this long forgets what its visitors were told: at its next change they are told again,
 * which repeats what they show (harmless), never skips a change.
 */
const TOLD_MEMORY_MS = 24 * 60 * 60_000;

/**
 * What waiting visitors were told, shared by the nodes. A per-node memory would be wrong, not only
 * wasteful: node B, last to tell a visitor "2", then node A telling it "1", B's next recount finding
 * "2" again would match B's memory and say nothing, leaving the visitor at 1. And recounts of a team
 * take a lock, so that a node's older count never overwrites (and is never told after) a newer one.
 */
export class RedisQueueTold implements QueueToldStore {
  constructor(
    private readonly client: RedisScriptClient,
    /** Before every key, e.g. `conecta:`; `<prefix>queue:told:<team>` and `<prefix>queue:lock:<team>`. */
    private readonly keyPrefix: string,
  ) {}

  async alone<T>(teamId: string, recount: () => Promise<T>): Promise<T> {
    const lock = `${this.keyPrefix}queue:lock:${teamId}`;
    const holder = randomUUID();
    const giveUpAt = Date.now() + LOCK_MS;
    while (Number(await LOCK.run(this.client, [lock], [holder, LOCK_MS])) !== 1) {
      if (Date.now() > giveUpAt) throw new Error(`the queue of team ${teamId} stayed locked for ${LOCK_MS} ms`);
      await sleep(RETRY_MS);
    }
    try {
      return await recount();
    } finally {
      await UNLOCK.run(this.client, [lock], [holder]);
    }
  }

  async exchange(teamId: string, now: ReadonlyMap<string, QueueTold>): Promise<string[]> {
    const pairs = [...now].flatMap(([sessionId, { position, etaMs }]) => [sessionId, `${position}:${etaMs ?? ''}`]);
    const changed = await EXCHANGE.run(this.client, [`${this.keyPrefix}queue:told:${teamId}`], [TOLD_MEMORY_MS, ...pairs]);
    return (changed as unknown[]).map(String);
  }
}
