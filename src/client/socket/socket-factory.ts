import { liteSocket } from './lite-socket.js';
import type { SocketFactory } from './types.js';

/**
 * Visitors speak through the lite socket (WebSocket only, ~1 KB gzip): the webchat must stay small.
 * Agents use socket.io-client, whose long-polling fallback gets through proxies that block
 * WebSockets (call centres often sit behind one). `ConectaClient` chooses here; the webchat's
 * `ClientCore` knows only the lite socket, so its bundle does not even name socket.io-client. It is
 * imported on demand, so a visitor's `ConectaClient` does not load it either.
 */
export async function socketFactoryFor(identity: 'agent' | 'visitor'): Promise<SocketFactory> {
  if (identity === 'visitor') return liteSocket;
  const { io } = await import('socket.io-client');
  return io as SocketFactory;
}
