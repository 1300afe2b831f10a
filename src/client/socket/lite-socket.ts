import type { ConectaSocket, SocketAuth } from './types.js';

export interface LiteSocketOptions {
  auth: SocketAuth;
  /** Longest wait between two reconnection attempts (ms). Default 5 s. */
  reconnectionDelayMax?: number;
  /** Node has no global WebSocket before v22: pass `ws`'s. */
  WebSocket?: typeof WebSocket;
  /** Where the server's socket.io listens. */
  path?: string;
  /** How long a connection attempt may take (ms). Default 20 s, as socket.io-client's. */
  timeout?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as ConectaSocket's listeners (socket/types.ts)
type Listener = (...args: any[]) => void;
type Settle = (error: Error | null, value?: unknown) => void;

/**
 * A socket.io client (Socket.IO v5 over Engine.IO v4) for the namespace '/', over WebSocket only and
 * without binary packets: what a webchat visitor needs, at a tenth of socket.io-client's size.
 * It behaves like socket.io-client's `Socket` for the `ConectaSocket` subset, and connects at once.
 *
 * Packets are text: Engine.IO's type (0 open, 1 close, 2 ping, 3 pong, 4 message) then, inside a
 * message, Socket.IO's (0 connect, 1 disconnect, 2 event, 3 ack, 4 connect error), e.g. `42["name",{…}]`.
 */
export function liteSocket(url: string, options: LiteSocketOptions): ConectaSocket {
  const WebSocketClass = options.WebSocket ?? WebSocket;
  const endpoint = new URL(options.path ?? '/socket.io/', url);
  endpoint.protocol = endpoint.protocol.replace('http', 'ws');
  endpoint.search = 'EIO=4&transport=websocket';

  const listeners = new Map<string, Set<Listener>>();
  const acks = new Map<number, Settle>();
  let nextAckId = 0;
  let current: WebSocket | null = null;
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Runs out when the server has been silent too long: while connecting, or between pings. */
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;
  /** pingInterval + pingTimeout, from the server's open packet. */
  let heartbeatMs = 0;

  const emit = (event: string, ...args: unknown[]) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(...args);
  };
  const send = (packet: string) => current?.send(packet);

  /** Nothing heard for `ms`: the connection is dead even if the WebSocket does not know it yet. */
  const watch = (ms: number, reason: string) => {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => lose(reason), ms);
  };
  const expectPing = () => watch(heartbeatMs, 'ping timeout');

  const open = () => {
    const ws = (current = new WebSocketClass(endpoint.href));
    let errored = false;
    // A socket we already dropped may still report: only the current one counts.
    ws.onmessage = ({ data }) => ws === current && receive(data);
    ws.onerror = () => (errored = true);
    ws.onclose = () => ws === current && lose(errored ? 'transport error' : 'transport close');
    // A WebSocket can hang before opening (a proxy swallowing it): give up in time and try again.
    watch(options.timeout ?? 20_000, 'timeout');
  };

  /** Stop the current WebSocket, if any, without reacting to its end. */
  const drop = () => {
    clearTimeout(silenceTimer);
    const ws = current;
    current = null;
    ws?.close();
  };

  const failAcks = () => {
    // socket.io-client waits for the timeout; failing at once lets the caller retry sooner.
    for (const settle of acks.values()) settle(new Error('socket has been disconnected'));
  };

  /** Leave the connected state, telling listeners why. */
  const disconnected = (reason: string) => {
    if (!socket.connected) return;
    socket.connected = false;
    failAcks();
    emit('disconnect', reason);
  };

  /** Stop for good (until `connect()`): a client or server disconnect, a refused handshake. */
  const stop = () => {
    socket.active = false;
    clearTimeout(retryTimer);
    drop();
  };

  /** The connection broke (or never opened): reconnect with exponential backoff and jitter, like socket.io-client. */
  const lose = (reason: string) => {
    drop();
    if (socket.connected) disconnected(reason);
    else emit('connect_error', new Error(reason));
    const delay = Math.min(options.reconnectionDelayMax ?? 5_000, 1_000 * 2 ** attempts++ * (0.5 + Math.random()));
    retryTimer = setTimeout(open, delay);
  };

  const receive = (data: unknown) => {
    if (typeof data !== 'string') return; // binary packets are not used
    const engineType = data[0];
    if (engineType === '0') {
      const { pingInterval, pingTimeout } = JSON.parse(data.slice(1));
      heartbeatMs = pingInterval + pingTimeout;
      expectPing();
      const auth = socket.auth;
      const connectWith = (credentials: object) => send(`40${JSON.stringify(credentials)}`);
      if (typeof auth === 'function') auth(connectWith);
      else connectWith(auth);
    } else if (engineType === '1') lose('transport close');
    else if (engineType === '2') {
      expectPing();
      send('3');
    } else if (engineType === '4') receivePacket(data[1], data.slice(2));
  };

  const receivePacket = (type: string, body: string) => {
    if (type === '0') {
      attempts = 0;
      socket.connected = true;
      emit('connect');
    } else if (type === '1') {
      // socket.io-client does not reconnect after the server let it go.
      stop();
      disconnected('io server disconnect');
    } else if (type === '4') {
      // The server's middleware refused (e.g. UNAUTHENTICATED): trying again would be refused too.
      stop();
      emit('connect_error', new Error(JSON.parse(body).message));
    } else if (type === '2' || type === '3') {
      const argsAt = body.indexOf('[');
      const args = JSON.parse(body.slice(argsAt));
      if (type === '2') emit(...(args as [string, ...unknown[]]));
      else acks.get(Number(body.slice(0, argsAt)))?.(null, args[0]);
    }
  };

  const emitWithAck = (ms: number, event: string, args: unknown[]) =>
    new Promise((resolve, reject) => {
      if (!socket.connected) return reject(new Error('socket is not connected'));
      const id = nextAckId++;
      const settle: Settle = (error, value) => {
        clearTimeout(timer);
        acks.delete(id);
        if (error) reject(error);
        else resolve(value);
      };
      const timer = setTimeout(() => settle(new Error('operation has timed out')), ms);
      acks.set(id, settle);
      send(`42${id}${JSON.stringify([event, ...args])}`);
    });

  const socket = {
    connected: false,
    active: false,
    auth: options.auth,
    on(event: string, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return this;
    },
    off(event: string, listener?: Listener) {
      if (listener) listeners.get(event)?.delete(listener);
      else listeners.delete(event);
      return this;
    },
    connect() {
      if (!socket.active) {
        socket.active = true;
        attempts = 0;
        open();
      }
      return this;
    },
    disconnect() {
      if (socket.connected) send('41');
      stop();
      disconnected('io client disconnect');
      return this;
    },
    timeout: (ms: number) => ({ emitWithAck: (event: string, ...args: unknown[]) => emitWithAck(ms, event, args) }),
  };
  return socket.connect();
}
