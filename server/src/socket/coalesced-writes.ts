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

/** The sockets corked in this turn, all uncorked by one callback: nothing kept per socket but its `write`. */
const corked = new Set<Duplex>();

function uncorkAll(): void {
  for (const socket of corked) socket.uncork();
  corked.clear();
}

/** One function shared by every socket (a closure each would cost every idle socket memory). */
function coalescedWrite(this: Duplex, ...args: Parameters<Duplex['write']>): boolean {
  if (!corked.has(this)) {
    if (corked.size === 0) setImmediate(uncorkAll);
    corked.add(this);
    this.cork();
  }
  return (Object.getPrototypeOf(this) as Duplex).write.apply(this, args);
}

export function coalesceWrites(socket: Duplex): void {
  socket.write = coalescedWrite as Duplex['write'];
}
