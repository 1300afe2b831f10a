import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { liteSocket } from '../../src/client/socket/lite-socket.js';
import type { ConectaSocket } from '../../src/client/socket/types.js';

/** A WebSocket the test plays the server of: it sees what the client sends and says what the server would. */
class ScriptedWebSocket {
  static opened: ScriptedWebSocket[] = [];
  readonly sent: string[] = [];
  closed = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: (() => void) | null = null;

  constructor(readonly url: string) {
    ScriptedWebSocket.opened.push(this);
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(): void {
    this.closed = true;
  }

  serverSends(data: string): void {
    this.onmessage?.({ data });
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lite socket whose server pings every 50 ms and allows 100 ms more: a missing ping is noticed after 150 ms. */
function connectedSocket(): { socket: ConectaSocket; ws: ScriptedWebSocket; disconnects: string[] } {
  const socket = liteSocket('https://chat.example.com', {
    auth: { visitorToken: 'v1' },
    WebSocket: ScriptedWebSocket as unknown as typeof WebSocket,
    reconnectionDelayMax: 100,
  });
  const disconnects: string[] = [];
  socket.on('disconnect', (reason: string) => disconnects.push(reason));
  const ws = ScriptedWebSocket.opened.at(-1)!;
  ws.serverSends('0{"sid":"e1","upgrades":[],"pingInterval":50,"pingTimeout":100,"maxPayload":1000000}');
  ws.serverSends('40{"sid":"s1"}');
  return { socket, ws, disconnects };
}

describe('liteSocket when the server falls silent', () => {
  const sockets: ConectaSocket[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    ScriptedWebSocket.opened = [];
  });
  const open = () => {
    const opened = connectedSocket();
    sockets.push(opened.socket);
    return opened;
  };

  it("speaks Engine.IO v4 over WebSocket at the server's socket.io path, with the auth in the CONNECT packet", () => {
    const { socket, ws } = open();
    assert.equal(ws.url, 'wss://chat.example.com/socket.io/?EIO=4&transport=websocket');
    assert.deepEqual(ws.sent, ['40{"visitorToken":"v1"}']);
    assert.equal(socket.connected, true);
  });

  it('answers each ping with a pong', () => {
    const { ws } = open();
    ws.serverSends('2');
    ws.serverSends('2');
    assert.deepEqual(ws.sent.slice(1), ['3', '3']);
  });

  it('stays connected while pings keep coming', async () => {
    const { socket, ws, disconnects } = open();
    for (let ping = 0; ping < 5; ping++) {
      await delay(50);
      ws.serverSends('2');
    }
    assert.deepEqual(disconnects, []);
    assert.equal(socket.connected, true);
  });

  it('drops a connection whose pings stopped, and tries again', async () => {
    const { socket, ws, disconnects } = open();
    await delay(200);
    assert.deepEqual(disconnects, ['ping timeout']);
    assert.equal(ws.closed, true);
    assert.equal(socket.connected, false);
    assert.equal(socket.active, true);
    // The retry waits at most reconnectionDelayMax (100 ms here).
    await delay(150);
    assert.equal(ScriptedWebSocket.opened.length, 2);
  });

  it('gives up on a connection attempt the server never answers, and tries again', async () => {
    const socket = liteSocket('https://chat.example.com', {
      auth: {},
      WebSocket: ScriptedWebSocket as unknown as typeof WebSocket,
      timeout: 100,
      reconnectionDelayMax: 100,
    });
    sockets.push(socket);
    const errors: string[] = [];
    socket.on('connect_error', (error: Error) => errors.push(error.message));
    // Given up at 100 ms, tried again by 200 ms, given up again at 300 ms.
    await delay(150);
    assert.deepEqual(errors, ['timeout']);
    assert.equal(ScriptedWebSocket.opened[0]!.closed, true);
    await delay(100);
    assert.equal(ScriptedWebSocket.opened.length, 2);
    assert.equal(socket.active, true);
  });
});
