import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { io } from 'socket.io-client';
import { createServer } from '../../server/src/app.js';
import { RedisFanOut } from '../../server/src/cluster/redis-adapter.js';
import {
  ANA,
  connectAgent,
  connectVisitor,
  delay,
  loginAgent,
  startTestServer,
  TestSocket,
  type TestServer,
  type VisitorSocket,
} from './harness.js';
import { onlyOn } from './test-database.js';
import { visitorSockets } from '../client/node-sockets.js';
import type { ServerEvents } from '../../src/protocol/index.js';
import { dropRedisPrefix, redisCommand, TEST_REDIS_URL, testRedisPrefix } from './test-redis.js';

const REDIS_URL = TEST_REDIS_URL;
const SUPORTE = 'tm-suporte';

/** The Redis connections of the nodes using this prefix (cluster/redis-adapter.ts names them). */
async function nodeConnections(prefix: string): Promise<string[]> {
  const list = await redisCommand<string>(['CLIENT', 'LIST']);
  return list
    .split('\n')
    .filter((line) => line.includes(` name=${prefix}node `))
    .map((line) => /\bid=(\d+)/.exec(line)![1]!);
}

/** What a short Redis outage does to a node: its connections drop, and Redis is there again at once. */
async function dropConnections(ids: string[]): Promise<void> {
  for (const id of ids) await redisCommand(['CLIENT', 'KILL', 'ID', id]);
}

describe('a node given REDIS_URL, at start', () => {
  it('does not start when Redis does not answer, naming the URL without its password', async () => {
    const started = Date.now();
    await assert.rejects(
      RedisFanOut.connect({ url: 'redis://:secret@127.0.0.1:1', log: () => undefined }),
      (error: Error) =>
        error.message.startsWith('cannot connect to Redis at redis://:***@127.0.0.1:1') && !error.message.includes('secret'),
    );
    assert.ok(Date.now() - started < 6_000);
  });

  it('refuses REDIS_URL without DATABASE_URL, before touching the data dir', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'conecta-redis-sqlite-'));
    try {
      await assert.rejects(createServer({ dataDir, redisUrl: REDIS_URL }), /REDIS_URL is set but DATABASE_URL is not/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

/**
 * Two nodes on one database and one Redis (REDIS_URL): what happens on one reaches the sockets of the
 * other, through the socket.io Redis Streams adapter; a node rides out a dropped Redis connection;
 * closing a node quits its Redis connections.
 */
describe('two nodes through Redis', { skip: onlyOn('postgres', 'several nodes share one PostgreSQL database') }, () => {
  const prefix = testRedisPrefix();
  let nodeA: TestServer;
  let nodeB: TestServer;
  let visitor: VisitorSocket; // on A
  let ana: TestSocket; // on B
  let sessionId: string;
  const logged: string[] = [];
  const originalConsoleError = console.error;

  before(async () => {
    // The nodes log without a logger through console.error: keep what they say about Redis.
    console.error = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('Redis')) logged.push(args[0]);
      else originalConsoleError(...args);
    };
    const more = { redisUrl: REDIS_URL, redisPrefix: prefix };
    nodeA = await startTestServer({ more });
    nodeB = await startTestServer({ dataDir: nodeA.dataDir, more });
    visitor = await connectVisitor(nodeA.url);
    ana = await connectAgent(nodeB.url, await loginAgent(nodeB.url, ANA));
    sessionId = randomUUID();
    await visitor.ok('webchat.start', { sessionId, name: 'Maria', teamId: SUPORTE });
    await ana.ok('session.accept', { sessionId });
  });
  after(async () => {
    console.error = originalConsoleError;
    visitor?.close();
    ana?.close();
    await nodeB?.close();
    await nodeA?.close();
    await dropRedisPrefix(prefix);
  });

  it('delivers a message sent on one node to the sockets of the other, both ways', async () => {
    const fromVisitor = await visitor.ok('message.send', { id: randomUUID(), sessionId, text: 'Oi, do nó A' });
    await ana.waitFor('message.created', (e) => e.message.id === fromVisitor.message.id);
    const fromAna = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'Olá, do nó B' });
    await visitor.waitFor('message.created', (e) => e.message.id === fromAna.message.id);
  });

  it('reaches the webchat’s lite socket on the other node, whose events now carry an offset after the payload', async () => {
    const lite = visitorSockets(nodeA.url, { auth: { visitorToken: visitor.visitorToken } });
    const texts: string[] = [];
    const extras: unknown[] = [];
    lite.on('message.created', (event: ServerEvents['message.created'], ...more: unknown[]) => {
      texts.push(event.message.text);
      extras.push(...more);
    });
    try {
      await new Promise<void>((resolve) => lite.on('connect', () => resolve()));
      const sent = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'para o widget' });
      for (let waited = 0; !texts.includes(sent.message.text); waited += 10) {
        assert.ok(waited < 3_000, 'the lite socket never received it');
        await delay(10);
      }
      assert.match(String(extras[0]), /^\d+-\d+$/, 'the stream offset, for connection-state recovery');
    } finally {
      lite.disconnect();
    }
  });

  it('rides out a dropped Redis connection, logging the outage and the return', async () => {
    const connections = await nodeConnections(prefix);
    // Each node: its own client, the adapter's stream reader and its pub/sub subscriber.
    assert.equal(connections.length, 6, `connections named ${prefix}node`);
    await dropConnections(connections);
    // Sent while the nodes reconnect: published once they are back, read from where the stream stopped.
    const during = await visitor.ok('message.send', { id: randomUUID(), sessionId, text: 'durante a queda' });
    await ana.waitFor('message.created', (e) => e.message.id === during.message.id, 10_000);
    assert.ok(
      logged.some((line) => line.includes('lost the connection to Redis')),
      logged.join('\n'),
    );
    for (let waited = 0; !logged.some((line) => line.includes('Redis answers again')); waited += 50) {
      assert.ok(waited < 5_000, `no "answers again" in ${JSON.stringify(logged)}`);
      await delay(50);
    }
    const after = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'depois da queda' });
    await visitor.waitFor('message.created', (e) => e.message.id === after.message.id, 10_000);
  });

  it('recovers a socket cut off from one node on the other, with the events it missed, once each', async () => {
    const socket = io(nodeA.url, {
      auth: { visitorToken: visitor.visitorToken },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 300,
      reconnectionDelayMax: 300,
    });
    const roaming = new TestSocket(socket);
    try {
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      // An event through the stream first, so the socket holds an offset to recover from.
      const before = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'antes do corte' });
      await roaming.waitFor('message.created', (e) => e.message.id === before.message.id);

      // Its next connection goes to node B (as through a load balancer after a network cut).
      (socket.io as unknown as { uri: string }).uri = nodeB.url;
      const reconnected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.io.engine.close();
      const missed = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'durante o corte' });
      await reconnected;
      assert.equal(socket.recovered, true, 'the connection state was recovered on the other node');
      await roaming.waitFor('message.created', (e) => e.message.id === missed.message.id);
      const afterCut = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'depois do corte' });
      await roaming.waitFor('message.created', (e) => e.message.id === afterCut.message.id);
      await delay(100);
      const seen = roaming.received('message.created').map((e) => e.message.text);
      assert.deepEqual(seen, ['antes do corte', 'durante o corte', 'depois do corte']);
    } finally {
      socket.disconnect();
    }
  });

  it('re-authenticates a recovering socket: a token revoked meanwhile is refused and sent nothing it missed', async () => {
    const token = await loginAgent(nodeA.url, ANA);
    const socket = io(nodeA.url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnectionDelay: 800 });
    const eventsAfterCut: unknown[] = [];
    let cut = false;
    // Raw packets, as they come off the wire: socket.io-client would buffer an event that precedes the refusal and hide it.
    socket.io.on('packet', (packet: { type: number; data?: unknown }) => cut && packet.type === 2 && eventsAfterCut.push(packet.data));
    try {
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      const before = await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'antes da revogação' });
      await new Promise<void>((resolve) =>
        socket.on('message.created', (e: { message: { id: string } }) => e.message.id === before.message.id && resolve()),
      );
      (socket.io as unknown as { uri: string }).uri = nodeB.url;
      cut = true;
      const refused = new Promise<Error>((resolve) => socket.once('connect_error', resolve));
      socket.io.engine.close();
      await delay(100);
      const logout = await fetch(`${nodeA.url}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      assert.equal(logout.status, 200);
      await ana.ok('message.send', { id: randomUUID(), sessionId, text: 'depois da revogação' });
      assert.equal((await refused).message, 'UNAUTHENTICATED');
      assert.deepEqual(eventsAfterCut, []);
    } finally {
      socket.disconnect();
    }
  });

  it('quits its Redis connections when it closes', async () => {
    await nodeB.close();
    const left = await nodeConnections(prefix);
    assert.equal(left.length, 3, 'only node A’s three connections remain');
    await nodeA.close();
    assert.deepEqual(await nodeConnections(prefix), []);
  });
});
