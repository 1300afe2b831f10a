import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RedisTokenBuckets } from '../../server/src/cluster/redis-token-buckets.js';
import { RateLimiter, rateLimitsWith } from '../../server/src/limits/rate-limits.js';
import type { BucketKey } from '../../server/src/limits/token-buckets.js';
import { CuttableRedis, TestRedis } from './test-redis.js';

/** A rule that never refills within a test: exactly `burst` pass. */
const only = (burst: number) => ({ perSecond: 0.001, burst });
const limitedOrNot = (charging: Promise<void>) =>
  charging.then(
    () => 'ok',
    (error: { code?: string }) => error.code ?? String(error),
  );

describe('rate limits shared by the nodes of a cluster (Redis)', () => {
  let redis: TestRedis;
  /** Two nodes' limiters, each with its own Redis connection, on one key prefix. */
  let nodes: RateLimiter[];

  before(async () => {
    redis = new TestRedis();
    nodes = await Promise.all(
      [0, 1].map(async () => new RateLimiter(rateLimitsWith(), new RedisTokenBuckets(await redis.client(), redis.prefix), 0)),
    );
  });
  after(() => redis.close());

  it('counts one budget across two nodes: a burst of 5 lets 5 pass in all, not 5 each', async () => {
    const bucket: BucketKey[] = [{ key: 'messages:visitor:v1', rule: only(5) }];
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await limitedOrNot(nodes[i % 2]!.charge(bucket)));
    assert.deepEqual(answers, [...Array(5).fill('ok'), ...Array(5).fill('RATE_LIMITED')]);
  });

  it('takes atomically: 40 charges at once from both nodes on a burst of 10 let exactly 10 pass', async () => {
    const bucket: BucketKey[] = [{ key: 'sessions:address:203.0.113.7', rule: only(10) }];
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => limitedOrNot(nodes[i % 2]!.charge(bucket))));
    assert.equal(answers.filter((answer) => answer === 'ok').length, 10);
    assert.equal(answers.filter((answer) => answer === 'RATE_LIMITED').length, 30);
  });

  it('takes all or none: a charge refused for its address leaves its channel bucket untouched, on the other node too', async () => {
    const address = { key: 'sessions:address:198.51.100.1', rule: only(1) };
    const channel = { key: 'sessions:channel:c1', rule: only(3) };
    assert.equal(await limitedOrNot(nodes[0]!.charge([address, channel])), 'ok');
    assert.equal(await limitedOrNot(nodes[1]!.charge([address, channel])), 'RATE_LIMITED');
    assert.equal(await limitedOrNot(nodes[1]!.charge([channel])), 'ok');
    assert.equal(await limitedOrNot(nodes[0]!.charge([channel])), 'ok');
    assert.equal(await limitedOrNot(nodes[1]!.charge([channel])), 'RATE_LIMITED');
  });

  it('refills at the rule’s rate and says how long to wait', async () => {
    const bucket: BucketKey[] = [{ key: 'commands:agent:a1', rule: { perSecond: 10, burst: 1 } }];
    await nodes[0]!.charge(bucket);
    const refused = await nodes[1]!.charge(bucket).then(
      () => null,
      (error: { retryAfterMs?: number }) => error,
    );
    assert.ok(refused && refused.retryAfterMs! > 0 && refused.retryAfterMs! <= 100, `retry after ${refused?.retryAfterMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.equal(await limitedOrNot(nodes[1]!.charge(bucket)), 'ok');
  });

  it('forgets a bucket once it would be full again, so idle addresses cost Redis nothing', async () => {
    const client = await redis.client();
    await nodes[0]!.charge([{ key: 'passwordSets:address:192.0.2.9', rule: { perSecond: 20, burst: 2 } }]);
    const ttl = await client.pTTL(`${redis.prefix}rate:passwordSets:address:192.0.2.9`);
    // One token short of 2 at 20 a second: full again in 50 ms.
    assert.ok(ttl > 0 && ttl <= 50, `expires in ${ttl} ms`);
  });
});

describe('rate limits while Redis is away', () => {
  let redis: TestRedis;
  let link: CuttableRedis | undefined;
  before(() => (redis = new TestRedis()));
  after(async () => {
    link?.close();
    await redis.close();
  });

  it('counts in the node’s memory, promptly, until Redis answers again; the outage is logged once', { timeout: 10_000 }, async () => {
    link = await CuttableRedis.connect();
    const errors: unknown[] = [];
    const limiter = new RateLimiter(rateLimitsWith(), new RedisTokenBuckets(link.client, redis.prefix, (e) => void errors.push(e), 100), 0);
    // Refills slowly enough to hold within the test, fast enough that its key is gone from Redis 20 s later.
    const bucket: BucketKey[] = [{ key: 'messages:visitor:v9', rule: { perSecond: 0.1, burst: 2 } }];
    assert.equal(await limitedOrNot(limiter.charge(bucket)), 'ok');

    link.cut();
    const started = performance.now();
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await limitedOrNot(limiter.charge(bucket)));
    // Each within the 100 ms wait (and a little), not held until Redis is back.
    assert.ok(performance.now() - started < 3 * 100 + 200, `${Math.round(performance.now() - started)} ms for 3 charges`);
    // Still limited: this node's memory starts a full bucket of 2.
    assert.deepEqual(answers, ['ok', 'ok', 'RATE_LIMITED']);
    assert.equal(errors.length, 1);

    link.mend();
    while (!link.client.isReady) await new Promise((resolve) => setTimeout(resolve, 10));
    const fresh: BucketKey[] = [{ key: 'messages:visitor:v10', rule: only(1) }];
    assert.equal(await limitedOrNot(limiter.charge(fresh)), 'ok');
    // Counted in Redis again: another node sees the bucket empty.
    const other = new RateLimiter(rateLimitsWith(), new RedisTokenBuckets(await redis.client(), redis.prefix), 0);
    assert.equal(await limitedOrNot(other.charge(fresh)), 'RATE_LIMITED');
  });
});
