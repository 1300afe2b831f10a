import type { Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Every WebSocket connection's frames of one event-loop turn leave in one system call. ws writes each
 * frame on its own (a `writev` each), and a batch of messages committed together sends an agent one
 * frame per message and per change: the socket is corked at its first write of a turn and uncorked
 * once the turn's I/O is done (setImmediate), so they go out together, at no added wait.
 */
export function coalesceWebSocketWrites(httpServer: HttpServer): void {
  httpServer.on('upgrade', (_request, socket: Duplex) => coalesceWrites(socket));
}

export function coalesceWrites(socket: Duplex): void {
  const write = socket.write;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = function (this: Duplex, ...args: Parameters<Duplex['write']>) {
    if (!corked) {
      corked = true;
      socket.cork();
      setImmediate(uncork);
    }
    return write.apply(this, args);
  } as Duplex['write'];
}
