// The baseline: a bare socket.io server that relays a visitor's message to the agents of its session
// and acknowledges it, storing nothing. It answers the few HTTP routes and commands the load
// generator uses exactly as the Conecta server does, so the same clients drive both.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { COMMAND_EVENT } from '../../src/protocol/index.js';
import { serveParent } from './target-process.js';

const http = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const body = request.url === '/api/auth/login' ? { token: randomUUID() } : { visitorToken: randomUUID() };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
});
const io = new Server(http, { serveClient: false });
type Ack = (answer: unknown) => void;
io.on('connection', (socket) => {
  socket.on(COMMAND_EVENT, (name: string, payload: { sessionId: string; id?: string; text?: string }, ack: Ack) => {
    if (name === 'session.accept') void socket.join(`session:${payload.sessionId}`);
    if (name === 'message.send') {
      const message = { id: payload.id, sessionId: payload.sessionId, text: payload.text, createdAt: Date.now() };
      io.to(`session:${payload.sessionId}`).emit('message.created', { message });
      return ack({ ok: true, data: { message } });
    }
    ack({ ok: true, data: {} });
  });
});
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
serveParent(
  `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
  () => 0,
  async () => {
    await io.close();
  },
);
