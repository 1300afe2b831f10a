import { once } from 'node:events';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface NodeAddress {
  host: string;
  port: number;
}

// A node that refused a connection is skipped this long before it is tried again.
const DOWN_FOR_MS = 2_000;
// socket.io polling sessions remembered for stickiness; the oldest are forgotten past this.
const MAX_STICKY_SESSIONS = 50_000;

/**
 * A small load balancer for trying several nodes by hand (`npm run start:cluster`), not for
 * production: each new connection goes to the next node that answers (round robin), WebSocket
 * upgrades included; socket.io's long-polling requests stick to the node that opened their session
 * (by the `sid` of the handshake), as a production balancer must do (docs/scaling.md). Appends the
 * client's address to X-Forwarded-For: run the nodes with TRUSTED_PROXY_HOPS=1.
 */
export class NodeBalancer {
  readonly #server: Server;
  readonly #downUntil = new Map<NodeAddress, number>();
  readonly #sessions = new Map<string, NodeAddress>();
  readonly #open = new Set<Socket | Duplex>();
  #next = 0;

  constructor(readonly nodes: readonly NodeAddress[]) {
    this.#server = createServer((req, res) => this.#forward(req, res, this.#candidates(req)));
    this.#server.on('upgrade', (req, socket, head) => this.#tunnel(req, socket, head, this.#candidates(req)));
    this.#server.on('connection', (socket) => this.#track(socket));
  }

  async listen(port: number, host: string): Promise<string> {
    this.#server.listen(port, host);
    await once(this.#server, 'listening');
    const address = this.#server.address() as { port: number };
    return `http://${host}:${address.port}`;
  }

  /** Stops listening and cuts every connection, as a balancer's restart would. */
  async close(): Promise<void> {
    const closed = once(this.#server, 'close');
    this.#server.close();
    for (const socket of this.#open) socket.destroy();
    await closed;
  }

  /** The node a socket.io session sticks to, then the others from the next in turn. */
  #candidates(req: IncomingMessage): NodeAddress[] {
    const sid = new URL(req.url ?? '/', 'http://balancer').searchParams.get('sid');
    const sticky = sid ? this.#sessions.get(sid) : undefined;
    // A session lives on its node only: when that node is gone, the client must start a new one.
    if (sticky) return [sticky];
    const start = this.#next++ % this.nodes.length;
    const inTurn = [...this.nodes.slice(start), ...this.nodes.slice(0, start)];
    const now = Date.now();
    const up = inTurn.filter((node) => (this.#downUntil.get(node) ?? 0) <= now);
    return up.length > 0 ? up : inTurn;
  }

  #forward(req: IncomingMessage, res: ServerResponse, candidates: NodeAddress[]): void {
    const [node, ...others] = candidates;
    if (!node) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('no node answers\n');
      return;
    }
    const upstream = request({ host: node.host, port: node.port, method: req.method, path: req.url, headers: forwardedHeaders(req) });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      if (isPollingHandshake(req)) this.#rememberSession(answer, node);
      answer.pipe(res);
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      // Refused before any byte was sent: the request can go to another node. Past that, it is lost.
      if (error.code === 'ECONNREFUSED' && !res.headersSent && others.length > 0 && !hasBody(req)) {
        this.#downUntil.set(node, Date.now() + DOWN_FOR_MS);
        this.#forward(req, res, others);
      } else if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end(`node ${node.port}: ${error.code}\n`);
      else res.destroy();
    });
    // A request without a body may be tried again at another node, after `req` has ended.
    if (hasBody(req)) req.pipe(upstream);
    else upstream.end();
  }

  #tunnel(req: IncomingMessage, client: Duplex, head: Buffer, candidates: NodeAddress[]): void {
    const [node, ...others] = candidates;
    if (!node) return void client.destroy();
    const upstream = connect(node.port, node.host);
    upstream.once('connect', () => {
      this.#track(client);
      this.#track(upstream);
      const headers = forwardedHeaders(req);
      const lines = Object.entries(headers).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((one) => `${name}: ${one}`),
      );
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
      client.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      // Refused: the upgrade has not started, another node can take it. Past that, the connection is lost.
      if (error.code === 'ECONNREFUSED' && others.length > 0) {
        this.#downUntil.set(node, Date.now() + DOWN_FOR_MS);
        this.#tunnel(req, client, head, others);
      } else client.destroy();
    });
  }

  /** Reads the sid from a polling handshake's answer (`0{"sid":"…",…}`) as it passes. */
  #rememberSession(answer: IncomingMessage, node: NodeAddress): void {
    let start = '';
    answer.on('data', (chunk: Buffer) => {
      if (start.length > 200) return;
      start += chunk.toString('latin1');
      const sid = /"sid":"([^"]+)"/.exec(start)?.[1];
      if (!sid) return;
      start = 'x'.repeat(201);
      this.#sessions.set(sid, node);
      if (this.#sessions.size > MAX_STICKY_SESSIONS) this.#sessions.delete(this.#sessions.keys().next().value!);
    });
  }

  #track(socket: Socket | Duplex): void {
    this.#open.add(socket);
    socket.once('close', () => this.#open.delete(socket));
  }
}

function isPollingHandshake(req: IncomingMessage): boolean {
  const url = new URL(req.url ?? '/', 'http://balancer');
  return url.pathname.endsWith('/socket.io/') && url.searchParams.get('transport') === 'polling' && !url.searchParams.has('sid');
}

function hasBody(req: IncomingMessage): boolean {
  return req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
}

/** The request's headers, with the client's address appended to X-Forwarded-For. */
function forwardedHeaders(req: IncomingMessage): IncomingHttpHeaders {
  const client = req.socket.remoteAddress ?? 'unknown';
  const before = req.headers['x-forwarded-for'];
  return { ...req.headers, 'x-forwarded-for': before ? `${String(before)}, ${client}` : client };
}
