import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServer, type ConectaServer } from '../../server/src/app.js';
import { ConectaClient } from '../../src/client/client.js';
import type { SocketFactory } from '../../src/client/socket/types.js';
import type { Message } from '../../src/protocol/index.js';
import { agentSockets, visitorSockets } from './node-sockets.js';
import { demoVisitor } from './demo-visitor.js';
import { until, written } from './support.js';
import { ANA, DEMO_PASSWORD } from '../server/harness.js';

/**
 * Sockets that lose the first `message.created` event `lose` picks before the client sees it, as a
 * lossy path between server and client would (socket.io alone delivers at most once).
 */
function losingSockets(factory: SocketFactory, lose: (message: Message) => boolean): SocketFactory & { lost: Message[] } {
  const lost: Message[] = [];
  const make: SocketFactory = (url, options) => {
    const socket = factory(url, options);
    const on = socket.on.bind(socket);
    socket.on = (event, listener) =>
      on(
        event,
        event !== 'message.created'
          ? listener
          : (payload: { message: Message }, ...rest: unknown[]) => {
              if (lost.length === 0 && lose(payload.message)) lost.push(payload.message);
              else listener(payload, ...rest);
            },
      );
    return socket;
  };
  return Object.assign(make, { lost });
}

describe('a client that misses a message event', () => {
  let dataDir: string;
  let server: ConectaServer;
  let url: string;
  const clients: ConectaClient[] = [];

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'conecta-gap-'));
    server = await createServer({ dataDir, seed: true, expireEveryMs: 0 });
    url = await server.listen(0, '127.0.0.1');
  });

  after(async () => {
    for (const client of clients) client.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sees the gap in sequence numbers at the next message and fetches what it missed, in order', async () => {
    const sockets = losingSockets(visitorSockets, (message) => message.text === 'segunda');
    const visitor = demoVisitor(url, { socketFactory: sockets });
    const { token } = await ConectaClient.login(url, ANA, DEMO_PASSWORD);
    const ana = new ConectaClient({ server: url, token, commandTimeoutMs: 2_000, socketFactory: agentSockets });
    clients.push(visitor, ana);

    const teamId = (await visitor.fetchChannel()).teams.find((team) => team.name === 'Suporte')!.id;
    const sessionId = await visitor.startWebchat({ name: 'Carla', email: null, teamId });
    await ana.command('session.accept', { sessionId });
    await ana.openSession(sessionId);

    ana.sendMessage(sessionId, 'primeira');
    await until(visitor, (state) => written(state, sessionId).length === 1);
    ana.sendMessage(sessionId, 'segunda');
    ana.sendMessage(sessionId, 'terceira');

    await until(visitor, (state) => written(state, sessionId).length === 3);
    assert.deepEqual(
      sockets.lost.map((message) => message.text),
      ['segunda'],
      'the event of the second message never reached the visitor',
    );
    const held = written(visitor.store.state, sessionId);
    assert.deepEqual(
      held.map((message) => message.text),
      ['primeira', 'segunda', 'terceira'],
    );
    assert.deepEqual(
      held.map((message) => message.seq),
      [...held.map((message) => message.seq)].sort((a, b) => a - b),
    );
    assert.equal(held[2]!.seq, held[1]!.seq + 1, 'the missed message keeps its place between its neighbours');
  });
});
