import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { io } from 'socket.io-client';
import { createServer, type ConectaServer } from '../../server/src/app.js';
import type { ConectaSocket, SocketAuth, SocketFactory } from '../../src/client/socket/types.js';
import { delay, DEMO_CHANNEL_KEY, postJson } from '../server/harness.js';
import { visitorSockets } from './node-sockets.js';

/**
 * The small client (over `ws`, as Node has no global WebSocket), and socket.io-client as the reference
 * it must behave like, on the same transport.
 */
const implementations: Record<string, SocketFactory> = {
  liteSocket: visitorSockets,
  'socket.io-client': (url, options) => io(url, { ...options, transports: ['websocket'], forceNew: true }),
};

/** Resolves with the arguments of the next `event` (fails after `ms`). */
function next(socket: ConectaSocket, event: string, ms = 5_000): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    const listener = (...args: any[]) => {
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(args);
    };
    socket.on(event, listener);
  });
}

/** Every `event` the socket emits from now on. */
function record(socket: ConectaSocket, event: string): any[][] {
  const seen: any[][] = [];
  socket.on(event, (...args: any[]) => seen.push(args));
  return seen;
}

for (const [name, makeSocket] of Object.entries(implementations)) {
  describe(`${name} against the real server`, () => {
    let dataDir: string;
    let server: ConectaServer;
    let url: string;
    let port = 0;
    const sockets: ConectaSocket[] = [];

    // The same data dir and port across restarts: visitor tokens stay valid and sockets find the server again.
    const start = async () => {
      server = await createServer({ dataDir, seed: true, expireEveryMs: 0 });
      url = await server.listen(port, '127.0.0.1');
      port = Number(new URL(url).port);
    };

    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'conecta-lite-socket-'));
      await start();
    });

    after(async () => {
      for (const socket of sockets) socket.disconnect();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    const visitorToken = async (): Promise<string> => {
      const { status, body } = await postJson(`${url}/api/webchat/${DEMO_CHANNEL_KEY}/visitors`, {});
      assert.equal(status, 200);
      return body.visitorToken;
    };

    /** A socket (short reconnection delays, so tests are quick), connected unless `connected: false`. */
    const open = async (auth: SocketAuth, { connected = true } = {}) => {
      const socket = makeSocket(url, { auth, reconnectionDelayMax: 1_000 });
      sockets.push(socket);
      if (connected) await next(socket, 'connect');
      return socket;
    };

    /** The server's side of the connected sockets, by the visitor token they authenticated with. */
    const serverSocketsOf = (token: string) =>
      [...server.io.of('/').sockets.values()].filter((held) => (held.handshake.auth as { visitorToken?: string }).visitorToken === token);

    it('connects with a visitor token', async () => {
      const token = await visitorToken();
      const socket = await open({ visitorToken: token });
      assert.equal(socket.connected, true);
      assert.equal(socket.active, true);
      assert.equal(serverSocketsOf(token).length, 1);
    });

    it('answers a command through its acknowledgement', async () => {
      const socket = await open({ visitorToken: await visitorToken() });
      const ack = await socket.timeout(5_000).emitWithAck('command', 'webchat.sessions', {});
      assert.equal(ack.ok, true);
      assert.deepEqual(ack.data.sessions, []);
    });

    it('pairs each acknowledgement with its own command', async () => {
      const socket = await open({ visitorToken: await visitorToken() });
      const [refused, answered] = await Promise.all([
        socket.timeout(5_000).emitWithAck('command', 'no.such.command', {}),
        socket.timeout(5_000).emitWithAck('command', 'webchat.sessions', {}),
      ]);
      assert.equal(refused.error.code, 'UNKNOWN_COMMAND');
      assert.equal(answered.ok, true);
    });

    it("delivers the server's events to listeners", async () => {
      const socket = await open({ visitorToken: await visitorToken() });
      const sessionId = randomUUID();
      const updated = next(socket, 'session.updated');
      const ack = await socket.timeout(5_000).emitWithAck('command', 'webchat.start', { sessionId, name: 'Maria', teamId: 'tm-suporte' });
      assert.equal(ack.ok, true, JSON.stringify(ack));
      const [event] = await updated;
      assert.equal(event.session.id, sessionId);
      assert.equal(event.contact.name, 'Maria');
    });

    it('stops listening after off()', async () => {
      const socket = await open({ visitorToken: await visitorToken() });
      const heard: unknown[] = [];
      const listener = (event: unknown) => heard.push(event);
      socket.on('session.updated', listener);
      socket.off('session.updated', listener);
      const still = next(socket, 'session.updated');
      await socket.timeout(5_000).emitWithAck('command', 'webchat.start', { sessionId: randomUUID(), name: 'Ana', teamId: 'tm-suporte' });
      await still;
      assert.deepEqual(heard, []);
    });

    it('is refused with UNAUTHENTICATED for a bad token, and stays inactive until connect() with better auth', async () => {
      const socket = await open({ visitorToken: 'not-a-token' }, { connected: false });
      const [error] = await next(socket, 'connect_error');
      assert.ok(error instanceof Error);
      assert.equal(error.message, 'UNAUTHENTICATED');
      assert.equal(socket.active, false);
      assert.equal(socket.connected, false);

      const token = await visitorToken();
      socket.auth = { visitorToken: token };
      const connected = next(socket, 'connect');
      assert.equal(socket.connect(), socket);
      await connected;
      assert.equal(socket.connected, true);
      assert.equal(serverSocketsOf(token).length, 1);
    });

    it('rejects a command whose acknowledgement does not come in time', async () => {
      const socket = await open({ visitorToken: await visitorToken() });
      // The server has no handler for this event, so it never acknowledges it.
      await assert.rejects(socket.timeout(100).emitWithAck('nobody.listens', {}), { message: 'operation has timed out' });
      assert.equal(socket.connected, true);
    });

    it('reconnects by itself after the server went away, asking auth again', async () => {
      const token = await visitorToken();
      let asked = 0;
      const socket = await open((send) => {
        asked++;
        send({ visitorToken: token });
      });
      const disconnects = record(socket, 'disconnect');
      const pending = socket.timeout(30_000).emitWithAck('nobody.listens', {});
      pending.catch(() => {});
      const lost = next(socket, 'disconnect');

      // Connections cut without socket.io's goodbye, as when the server process dies.
      server.io.engine.close();
      await server.close();
      assert.equal((await lost)[0], 'transport close');
      assert.equal(socket.active, true);
      assert.equal(socket.connected, false);
      await assert.rejects(pending, { message: 'socket has been disconnected' });

      // Attempts while the server is down fail, and are tried again.
      await next(socket, 'connect_error');
      const reconnected = next(socket, 'connect', 8_000);
      await start();
      await reconnected;
      assert.equal(socket.connected, true);
      assert.equal(asked, 2);
      assert.equal(disconnects.length, 1);
      const ack = await socket.timeout(5_000).emitWithAck('command', 'webchat.sessions', {});
      assert.equal(ack.ok, true);
    });

    it('does not reconnect after the server disconnected it', async () => {
      const token = await visitorToken();
      const socket = await open({ visitorToken: token });
      const connects = record(socket, 'connect');
      const lost = next(socket, 'disconnect');
      for (const held of serverSocketsOf(token)) held.disconnect(true);
      assert.equal((await lost)[0], 'io server disconnect');
      assert.equal(socket.active, false);
      // Longer than the longest reconnection delay (1 s here).
      await delay(1_500);
      assert.equal(connects.length, 0);
      assert.equal(serverSocketsOf(token).length, 0);
    });

    it('disconnects when told to, says goodbye to the server, and does not reconnect', async () => {
      const token = await visitorToken();
      const socket = await open({ visitorToken: token });
      const connects = record(socket, 'connect');
      const disconnects = record(socket, 'disconnect');
      const [held] = serverSocketsOf(token);
      const serverSaw = new Promise((resolve) => held!.once('disconnect', resolve));

      assert.equal(socket.disconnect(), socket);
      assert.deepEqual(
        disconnects.map(([reason]) => reason),
        ['io client disconnect'],
      );
      assert.equal(socket.active, false);
      assert.equal(socket.connected, false);
      // The server learns it was a client's choice (a '41' packet), not a broken connection.
      assert.equal(await serverSaw, 'client namespace disconnect');
      await delay(1_500);
      assert.equal(connects.length, 0);
    });

    it('connects again on connect() after disconnect()', async () => {
      const socket = await open({ visitorToken: await visitorToken() });
      socket.disconnect();
      const token = await visitorToken();
      socket.auth = { visitorToken: token };
      const connected = next(socket, 'connect');
      socket.connect();
      await connected;
      assert.equal(serverSocketsOf(token).length, 1);
    });
  });
}

describe('liteSocket when not connected', () => {
  it('rejects a command at once instead of holding it', async () => {
    // Nothing listens on port 9 of this host: the socket stays disconnected.
    const socket = visitorSockets('http://127.0.0.1:9', { auth: {} });
    try {
      await assert.rejects(socket.timeout(5_000).emitWithAck('command', 'webchat.sessions', {}), { message: 'socket is not connected' });
      const [error] = await next(socket, 'connect_error');
      assert.ok(error instanceof Error);
      assert.equal(socket.active, true);
    } finally {
      socket.disconnect();
    }
  });
});
