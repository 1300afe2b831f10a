/**
 * Credentials of the socket.io handshake: an object, or a function asked again on every
 * (re)connection (a visitor's token changes with `setUser` and `reset`).
 */
export type SocketAuth = Record<string, unknown> | ((send: (data: object) => void) => void);

/**
 * The part of socket.io-client's `Socket` that `ConectaClient` uses. socket.io-client's sockets and
 * `liteSocket` both satisfy it, so the client works with either.
 */
// Listeners take `any` as socket.io-client's do: each event has its own payload type, and a listener
// typed for it must be accepted (with `unknown[]` strict function types would refuse it).
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface ConectaSocket {
  /** Connected to the server: commands can be sent. */
  readonly connected: boolean;
  /** Connected or trying to (it reconnects by itself); false after `disconnect()`, a server disconnect or a refused handshake. */
  readonly active: boolean;
  /** Read at each (re)connection. */
  auth: SocketAuth;
  /** Reserved events: `connect`, `connect_error` (an `Error`), `disconnect` (a reason); any other is the server's. */
  on(event: string, listener: (...args: any[]) => void): this;
  off(event: string, listener?: (...args: any[]) => void): this;
  connect(): this;
  disconnect(): this;
  /** `emitWithAck` resolves with the acknowledgement's first argument, or rejects after `ms`. */
  timeout(ms: number): { emitWithAck(event: string, ...args: any[]): Promise<any> };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Makes a socket the way `io(url, options)` does; the socket connects at once. */
export type SocketFactory = (url: string, options: { auth: SocketAuth; reconnectionDelayMax?: number }) => ConectaSocket;
