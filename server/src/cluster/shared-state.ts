import { MemoryTokenBuckets, type TokenBucketStore } from '../limits/token-buckets.js';
import { MemoryQueueTold, type QueueToldStore } from '../socket/queue-told.js';
import { LeasedJobs } from './job-leases.js';
import { LocalJobs, type JobScheduler } from './jobs.js';
import { RedisQueueTold } from './redis-queue-told.js';
import type { RedisScriptClient } from './redis-scripts.js';
import { RedisTokenBuckets } from './redis-token-buckets.js';

/** What would be wrong kept per process once there are several nodes (docs/scaling.md, "What nodes share"). */
export interface SharedState {
  rateLimitStore: TokenBucketStore;
  jobs: JobScheduler;
  queueTold: QueueToldStore;
}

/** In Redis when the server has a client of it (several nodes), else in this process's memory. */
export function sharedState(
  redis: { client: RedisScriptClient; keyPrefix: string } | undefined,
  logError: (error: unknown, context: Record<string, unknown>) => void,
): SharedState {
  if (!redis) return { rateLimitStore: new MemoryTokenBuckets(), jobs: new LocalJobs(logError), queueTold: new MemoryQueueTold() };
  return {
    rateLimitStore: new RedisTokenBuckets(redis.client, redis.keyPrefix, (error) =>
      logError(error, { during: 'a rate-limit charge: counted in this node until Redis answers' }),
    ),
    jobs: new LeasedJobs(redis.client, redis.keyPrefix, logError),
    queueTold: new RedisQueueTold(redis.client, redis.keyPrefix),
  };
}
