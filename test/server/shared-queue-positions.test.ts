import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { QueuePosition } from '../../src/protocol/index.js';
import { RedisQueueTold } from '../../server/src/cluster/redis-queue-told.js';
import type { QueueEstimator } from '../../server/src/domain/queue.js';
import { QueueNotifier } from '../../server/src/socket/queue-notifier.js';
import { CuttableRedis, TestRedis } from './test-redis.js';

const TEAM = 'tm-suporte';

/** The team's queue as the database would count it: one webchat session, at `position`. */
class FakeQueue {
  position = 1;
  /** How long a count takes after reading the queue (a slow query). */
  readDelayMs = 0;
  estimator(): QueueEstimator {
    return {
      standings: async () => {
        const standing = { sessionId: 's1', contactId: 'c1', channel: 'webchat' as const, position: this.position, etaMs: null };
        await sleep(this.readDelayMs);
        return [standing];
      },
    } as unknown as QueueEstimator;
  }
}

describe('the queue positions told to visitors, with two nodes (Redis)', () => {
  let redis: TestRedis;
  let queue: FakeQueue;
  /** What the visitor heard, in order, and from which node (through the adapter, any node reaches it). */
  let told: (QueuePosition & { node: string })[];
  let nodes: Record<'a' | 'b', QueueNotifier>;

  before(() => (redis = new TestRedis()));
  after(() => redis.close());

  async function twoNodes(prefix: string) {
    queue = new FakeQueue();
    told = [];
    const node = async (name: string) =>
      new QueueNotifier(
        queue.estimator(),
        (_contactId, position) => void told.push({ node: name, ...position }),
        (error) => assert.fail(String(error)),
        new RedisQueueTold(await redis.client(), `${redis.prefix}${prefix}:`),
      );
    nodes = { a: await node('a'), b: await node('b') };
  }
  const changeOn = async (name: 'a' | 'b', position: number) => {
    queue.position = position;
    nodes[name].teamChanged(TEAM);
    await nodes[name].idle();
  };
  const positions = () => told.map((t) => `${t.node}:${t.position}`);

  it('tells a change made on another node, though it matches what this node last told', async () => {
    await twoNodes('back');
    await changeOn('b', 2);
    await changeOn('a', 1);
    // Back to 2: node B last said 2, but the visitor was told 1 since.
    await changeOn('b', 2);
    assert.deepEqual(positions(), ['b:2', 'a:1', 'b:2']);
  });

  it('tells a position once, whichever node recounts it', async () => {
    await twoNodes('once');
    await changeOn('a', 3);
    await changeOn('b', 3);
    nodes.a.teamChanged(TEAM);
    nodes.b.teamChanged(TEAM);
    await Promise.all([nodes.a.idle(), nodes.b.idle()]);
    assert.deepEqual(positions(), ['a:3']);
  });

  it('gives up a recount while Redis does not answer, logged, so a closing server is not held', async () => {
    const link = await CuttableRedis.connect();
    try {
      queue = new FakeQueue();
      const errors: unknown[] = [];
      const notifier = new QueueNotifier(
        queue.estimator(),
        () => assert.fail('nothing can be told without Redis'),
        (error) => void errors.push(error),
        new RedisQueueTold(link.client, `${redis.prefix}cut:`),
      );
      link.cut();
      notifier.teamChanged(TEAM);
      await new Promise(setImmediate);
      const closing = performance.now();
      await notifier.close();
      assert.ok(performance.now() - closing < 3_000, `closed in ${Math.round(performance.now() - closing)} ms`);
      assert.equal(errors.length, 1);
    } finally {
      link.close();
    }
  });

  it('never tells an older count after a newer one: recounts of a team take turns across nodes', async () => {
    await twoNodes('order');
    await changeOn('a', 4);
    // Node A reads "3" and is slow to finish; meanwhile the queue moves to 2 and node B recounts.
    queue.readDelayMs = 100;
    queue.position = 3;
    nodes.a.teamChanged(TEAM);
    await sleep(20);
    queue.readDelayMs = 0;
    queue.position = 2;
    nodes.b.teamChanged(TEAM);
    await Promise.all([nodes.a.idle(), nodes.b.idle()]);
    assert.equal(told.at(-1)?.position, 2, positions().join(' '));
  });
});
