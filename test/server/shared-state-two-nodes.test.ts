import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { agentRoom } from '../../server/src/socket/rooms.js';
import { DEFAULT_AVAILABILITY_SETTINGS } from '../../server/src/db/sqlite/availability-store.js';
import {
  ANA,
  BRUNO,
  DEMO_AGENTS,
  DEMO_TEAMS,
  connectAgent,
  connectVisitor,
  delay,
  loginAgent,
  postJson,
  startTestServer,
  type TestServer,
  type TestSocket,
  type VisitorSocket,
} from './harness.js';
import { TestRedis } from './test-redis.js';

const ana = DEMO_AGENTS.ana.id;

/**
 * Two nodes on one database and one Redis, as `docs/scaling.md` runs them: socket.io's Redis Streams
 * adapter carries events and `fetchSockets` between them, the server's own Redis client the rest.
 */
describe('two nodes sharing state through Redis: rate limits, jobs, presence, away timers', () => {
  let redis: TestRedis;
  let a: TestServer;
  let b: TestServer;
  let bruno: TestSocket;

  before(async () => {
    redis = new TestRedis();
    const node = async (dataDir?: string) => {
      const client = await redis.client();
      const t = await startTestServer({
        dataDir,
        rateLimits: { passwordResets: { perAddress: { perSecond: 0.001, burst: 3 } } },
        more: { redisClient: client, redisPrefix: redis.prefix },
      });
      t.server.io.adapter(createAdapter(client, { streamName: `${redis.prefix}socket.io`, channelPrefix: `${redis.prefix}socket.io` }));
      return t;
    };
    a = await node();
    b = await node(a.dataDir);
    await a.server.repo.putAvailabilitySettings({ ...DEFAULT_AVAILABILITY_SETTINGS, awayGraceMs: 150 });
    bruno = await connectAgent(a.url, await loginAgent(a.url, BRUNO));
  });
  after(async () => {
    bruno.close();
    await b.close();
    // The first node made the data dir: it removes it, once the second is done with it.
    await a.close();
    for (const t of [a, b]) t.server.io.of('/').adapter.close();
    await redis.close();
  });

  /** Polls `condition` until it holds; fails saying `what` after 5 s. */
  const until = async (what: string, condition: () => Promise<boolean>) => {
    const giveUpAt = Date.now() + 5_000;
    while (!(await condition())) {
      if (Date.now() > giveUpAt) assert.fail(`still not ${what} after 5 s`);
      await delay(10);
    }
  };
  const grace = (awayGraceMs: number) => a.server.repo.putAvailabilitySettings({ ...DEFAULT_AVAILABILITY_SETTINGS, awayGraceMs });
  const sockets = async (t: TestServer, agentId: string) => (await t.server.io.in(agentRoom(agentId)).fetchSockets()).length;
  const stateOf = async (agentId: string) => (await b.server.services.availability.of(agentId)).state;

  it('counts a client address’s requests on both nodes against one budget', async () => {
    const reset = (t: TestServer) => postJson(`${t.url}/api/auth/password-reset`, { email: 'nobody@example.com' });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await reset(i % 2 ? b : a)).status);
    assert.deepEqual(statuses, [202, 202, 202, 429, 429, 429]);
  });

  it('runs each periodic job on one node: its lease is in Redis', async () => {
    const holder = await (await redis.client()).get(`${redis.prefix}lease:away-orphans`);
    assert.match(holder ?? '', /^.+:\d+:[0-9a-f]{8}$/);
  });

  it('tells a waiting visitor on one node of a change made on the other, and records it in Redis for both', async () => {
    const first = await connectVisitor(a.url);
    const second = await connectVisitor(b.url);
    const start = (visitor: VisitorSocket) =>
      visitor.ok('webchat.start', { sessionId: randomUUID(), name: 'Maria', teamId: DEMO_TEAMS.suporte.id });
    const { session: ahead } = await start(first);
    const { session: behind } = await start(second);
    await second.waitFor('webchat.queue', (e) => e.sessionId === behind.id && e.position === 2);
    // Accepted through node A: node A recounts, and its word reaches the visitor on node B.
    await bruno.ok('session.accept', { sessionId: ahead.id });
    await second.waitFor('webchat.queue', (e) => e.sessionId === behind.id && e.position === 1);
    const told = await (await redis.client()).hGetAll(`${redis.prefix}queue:told:${DEMO_TEAMS.suporte.id}`);
    assert.match(told[behind.id] ?? '', /^1:/);
    assert.equal(told[ahead.id], undefined);
    await bruno.ok('session.finish', { sessionId: ahead.id });
    first.close();
    second.close();
  });

  it('keeps an agent online while a socket of hers is open on the other node, and says offline after her last', async () => {
    const token = await loginAgent(a.url, ANA);
    const onA = await connectAgent(a.url, token);
    const onB = await connectAgent(b.url, token);
    // Each node sees both sockets: the adapter answers for the other.
    await until('two sockets seen on each node', async () => (await sockets(a, ana)) === 2 && (await sockets(b, ana)) === 2);
    const heard = () => bruno.received('agent.presence', (p) => p.agentId === ana).map((p) => p.online);

    onA.close();
    await until('one socket left', async () => (await sockets(a, ana)) === 1);
    await delay(300);
    assert.ok(!heard().includes(false), `heard ${JSON.stringify(heard())} while a socket was open on node B`);

    onB.close();
    // Node B's word reaches Bruno on node A.
    await bruno.waitFor('agent.presence', (p) => p.agentId === ana && !p.online);
    assert.equal(heard().at(-1), false);
  });

  it('does not make an agent away early by the timer of a node she left for another', async () => {
    await until('away', async () => (await stateOf(ana)) === 'away');
    await grace(2_000);
    const token = await loginAgent(a.url, ANA);
    const onB = await connectAgent(b.url, token);
    await until('online', async () => (await stateOf(ana)) === 'online');
    // Her last socket on node B closes: node B starts her grace period.
    onB.close();
    await until('without sockets', async () => (await sockets(b, ana)) === 0);
    await delay(100);
    const leftB = Date.now();
    // Back on node A, she leaves it too before node B's period ends: her grace period starts again.
    const onA = await connectAgent(a.url, token);
    await delay(1_000);
    onA.close();
    await until('without sockets', async () => (await sockets(a, ana)) === 0);
    // Past node B's grace period, well before node A's.
    await delay(Math.max(0, leftB + 2_400 - Date.now()));
    assert.equal(await stateOf(ana), 'online', "node B's timer, stale since she came back, did not fire");
    await until('away', async () => (await stateOf(ana)) === 'away');
  });

  it('makes away an agent whose grace period was lost with its node', async () => {
    await grace(150);
    // Away after the first test's last socket closed: no timer of hers is left.
    await until('away', async () => (await stateOf(ana)) === 'away');
    const onA = await connectAgent(a.url, await loginAgent(a.url, ANA));
    await until('online', async () => (await stateOf(ana)) === 'online');
    // Node A stops with Ana's only socket, and the timer that would have made her away.
    await a.server.close();
    onA.close();
    await until('without sockets', async () => (await sockets(b, ana)) === 0);
    await delay(300);
    assert.equal(await stateOf(ana), 'online', 'no node had her timer');

    // What one node runs every minute.
    await b.server.adoptAwayOrphans();
    await until('away', async () => (await stateOf(ana)) === 'away');
  });
});
