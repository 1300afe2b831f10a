import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Socket } from 'socket.io-client';
import { ClientCore } from '../../src/client/client-core.js';
import { ConectaClient, type ConectaClientOptions } from '../../src/client/client.js';
import { liteSocket } from '../../src/client/socket/lite-socket.js';
import type { SocketFactory } from '../../src/client/socket/types.js';

/** Says which socket a client would make when its options do not say (it connects nothing). */
const defaultSocketOf = (Client: typeof ClientCore, options: ConectaClientOptions) =>
  (new Client(options) as unknown as { defaultSocketFactory(): SocketFactory | Promise<SocketFactory> }).defaultSocketFactory();

describe('the default socket', () => {
  const server = 'https://chat.example.com';

  it('is socket.io-client for an agent’s ConectaClient, WebSocket first, and the lite socket for a visitor’s', async () => {
    const agentFactory = await defaultSocketOf(ConectaClient, { server, token: 't' });
    // Not connected (no server here): socket.io-client would connect at once, so autoConnect is added.
    const socket = agentFactory(server, { auth: { token: 't' }, autoConnect: false } as Parameters<SocketFactory>[1]) as unknown as Socket;
    try {
      assert.ok(socket instanceof Socket, 'a socket.io-client socket');
      // Several nodes need a sticky balancer only for the polling fallback (docs/scaling.md).
      assert.deepEqual(socket.io.opts.transports, ['websocket', 'polling']);
      assert.equal(socket.io.opts.tryAllTransports, true);
    } finally {
      socket.close();
    }
    assert.equal(await defaultSocketOf(ConectaClient, { server, channel: 'demo' }), liteSocket);
  });

  it('is always the lite socket for the webchat’s ClientCore', async () => {
    assert.equal(await defaultSocketOf(ClientCore, { server, channel: 'demo' }), liteSocket);
  });
});
