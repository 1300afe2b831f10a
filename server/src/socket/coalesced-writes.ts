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

type WriteCallback = (error?: Error | null) => void;

/**
 * One function shared by every socket (a closure each would cost every idle socket memory).
 *
 * A write's callback is called once the chunk is queued, on the next tick, not once the kernel took
 * it: engine.io sends a socket's next packets only after its previous write's callback, which a
 * corked socket gives only after the turn, so an acknowledgement and the events after it left in two
 * system calls (two `writev` a visitor's message in the load benchmark). What the socket still holds
 * is bounded by a turn's writes; a failed write destroys the socket, which ws and engine.io see as a
 * close, so no callback needs its error.
 */
function coalescedWrite(this: Duplex, chunk: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = undefined;
  }
  const write = (Object.getPrototypeOf(this) as Duplex).write;
  // A socket that can no longer write tells its callback so itself.
  if (this.destroyed || this.writableEnded) return write.call(this, chunk, encoding as BufferEncoding, callback);
  if (!corked.has(this)) {
    if (corked.size === 0) setImmediate(uncorkAll);
    corked.add(this);
    this.cork();
  }
  const ok = write.call(this, chunk, encoding as BufferEncoding);
  if (callback) process.nextTick(callback);
  return ok;
}

export function coalesceWrites(socket: Duplex): void {
  socket.write = coalescedWrite as Duplex['write'];
}
