import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { NodeBalancer } from '../../server/src/cli/node-balancer.js';
import { COMMAND_EVENT, type Ack } from '../../src/protocol/index.js';
import { ANA, loginAgent, startTestServer, type TestServer } from './harness.js';

const portOf = (url: string) => Number(new URL(url).port);

/**
 * The balancer of `npm run start:cluster` (server/src/cli/node-balancer.ts): requests to each node in
 * turn, WebSocket upgrades passed through, socket.io's long polling kept on the node that opened its
 * session, a node that refuses connections skipped.
 */
describe('the local balancer in front of two nodes', () => {
  let nodeA: TestServer;
  let nodeB: TestServer;
  let balancer: NodeBalancer;
  let url: string;
  let token: string;
  const sockets: Socket[] = [];
  before(async () => {
    // Two servers on one database, without Redis: each knows the token, but not the other's socket.io sessions.
    nodeA = await startTestServer();
    nodeB = await startTestServer({ dataDir: nodeA.dataDir });
    balancer = new NodeBalancer([nodeA, nodeB].map((node) => ({ host: '127.0.0.1', port: portOf(node.url) })));
    url = await balancer.listen(0, '127.0.0.1');
    token = await loginAgent(url, ANA);
  });
  after(async () => {
    for (const socket of sockets) socket.disconnect();
    await balancer?.close();
    await nodeB?.close();
    await nodeA?.close();
  });

  const connectThrough = async (transports: ('polling' | 'websocket')[]): Promise<Socket> => {
    const socket = io(url, { auth: { token }, transports, forceNew: true, reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  };
  const catalog = async (socket: Socket) => {
    const ack: Ack<unknown> = await socket.timeout(3000).emitWithAck(COMMAND_EVENT, 'agent.catalog', {});
    assert.ok(ack.ok, JSON.stringify(ack));
  };

  it('keeps every request of a long-polling session on the node that opened it', async () => {
    const socket = await connectThrough(['polling']);
    // Each command and each poll is an HTTP request of its own: at the other node, "Session ID unknown".
    for (let i = 0; i < 6; i++) await catalog(socket);
    assert.equal(socket.io.engine.transport.name, 'polling');
    assert.ok(socket.connected);
  });

  it('passes WebSocket upgrades through', async () => {
    const socket = await connectThrough(['websocket']);
    await catalog(socket);
    // Polling first, then the upgrade request, which carries the session's sid.
    const upgrading = await connectThrough(['polling', 'websocket']);
    for (let waited = 0; upgrading.io.engine.transport.name !== 'websocket'; waited += 20) {
      assert.ok(waited < 5_000, 'never upgraded to WebSocket');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await catalog(upgrading);
  });

  it('sends new connections and requests past a node that refuses them', async () => {
    await nodeB.server.close();
    for (let i = 0; i < 4; i++) assert.equal((await fetch(`${url}/health`)).status, 200);
    for (let i = 0; i < 2; i++) await catalog(await connectThrough(['websocket']));
  });
});
