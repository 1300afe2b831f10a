import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { coalesceWrites } from '../../server/src/socket/coalesced-writes.js';

type Handle = Socket & { _write(...args: unknown[]): void; _writev(...args: unknown[]): void };

/** A loopback pair whose server side coalesces; `calls` lists what reached the socket's handle, one entry a system call. */
async function pair() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const accepted = once(server, 'connection');
  const client = connect((server.address() as { port: number }).port, '127.0.0.1');
  const [socket] = (await accepted) as [Handle];
  coalesceWrites(socket);
  const calls: string[] = [];
  const write = socket._write.bind(socket);
  const writev = socket._writev.bind(socket);
  socket._write = (...args: unknown[]) => (calls.push('write'), write(...args));
  socket._writev = (...args: unknown[]) => (calls.push(`writev ${(args[0] as unknown[]).length}`), writev(...args));
  let received = '';
  client.on('data', (chunk) => (received += chunk));
  const close = () => {
    client.destroy();
    socket.destroy();
    server.close();
  };
  return { socket, calls, received: () => received, close };
}
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const until = async (test: () => boolean) => {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('coalesced WebSocket writes', { timeout: 10_000 }, () => {
  let p: Awaited<ReturnType<typeof pair>>;
  before(async () => (p = await pair()));
  after(() => p.close());

  it('sends what one turn writes in one system call, in order', async () => {
    p.socket.write('a');
    p.socket.write('b');
    p.socket.write('c');
    await nextTurn();
    await until(() => p.received() === 'abc');
    assert.deepEqual(p.calls, ['writev 3']);
  });

  it('sends each later turn’s writes in its turn, never holding them', async () => {
    p.calls.length = 0;
    p.socket.write('d');
    await until(() => p.received() === 'abcd');
    p.socket.write('e');
    p.socket.write('f');
    await until(() => p.received() === 'abcdef');
    assert.deepEqual(p.calls, ['write', 'writev 2']);
  });

  it('answers a write within its turn, so what the writer sends next (engine.io after its callback) leaves with it', async () => {
    p.calls.length = 0;
    p.socket.write('g', () => p.socket.write('h'));
    await until(() => p.received() === 'abcdefgh');
    assert.deepEqual(p.calls, ['writev 2']);
  });
});
