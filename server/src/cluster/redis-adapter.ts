import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient, type RedisClientType } from 'redis';
import type { Server } from 'socket.io';
import { DEFAULT_REDIS_PREFIX } from './several-nodes.js';

/**
 * How long a disconnected socket's state (its rooms, the events it missed) is kept, in Redis, for it
 * to recover on any node. Past it, the client resyncs from the database as after any reconnection.
 */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

// Redis answers a new connection in well under a second on a LAN: past this, the node does not start.
const CONNECT_TIMEOUT_MS = 5_000;
// Between reconnection attempts during an outage: short enough that a restart of Redis costs a second or two.
const RECONNECT_DELAY_MAX_MS = 1_000;
// A blocking XREAD returns at least this often, so a closing node waits for its reader no longer.
const STREAM_BLOCK_MS = 1_000;

export interface RedisFanOutOptions {
  /** `redis://host:6379/0` (or `rediss://`). */
  url: string;
  /** Prefix of the stream, channels and session keys, so several deployments (or test runs) can share one Redis. */
  prefix?: string;
  log: (level: 'info' | 'error', message: string, error?: unknown) => void;
}

/**
 * Nodes share socket.io's broadcasts through one Redis stream (docs/scaling.md): an event emitted on
 * any node reaches the sockets of every node, and a socket cut off from one node recovers its rooms
 * and missed events on another. One client of ours; the adapter duplicates it for its blocking
 * reader and its pub/sub subscription, and we keep those duplicates to close them with the node.
 */
export class RedisFanOut {
  readonly client: RedisClientType;
  readonly #duplicates: Array<{ destroy(): void; isOpen: boolean }> = [];
  #outageSince: number | undefined;
  #connected = false;

  private constructor(
    client: RedisClientType,
    readonly prefix: string,
  ) {
    this.client = client;
  }

  /** Connects (failing after a few seconds when Redis does not answer, so a misconfigured node does not start). */
  static async connect(options: RedisFanOutOptions): Promise<RedisFanOut> {
    const prefix = options.prefix ?? DEFAULT_REDIS_PREFIX;
    const client: RedisClientType = createClient({
      url: options.url,
      // Names the node's connections in CLIENT LIST; the adapter's duplicates inherit it.
      name: `${prefix.replace(/[^\w:.-]/g, '_')}node`,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, RECONNECT_DELAY_MAX_MS),
      },
    });
    const fanOut = new RedisFanOut(client, prefix);
    fanOut.#watchOutages(options.log);
    // The first connection must succeed: reconnecting forever would hide a wrong REDIS_URL.
    const firstAttempt = new AbortController();
    const refused = new Promise<never>((_, reject) => {
      client.once('error', (error: unknown) => !firstAttempt.signal.aborted && reject(error));
    });
    refused.catch(() => undefined); // settled by whichever comes first; the other must not go unhandled
    try {
      await Promise.race([client.connect(), refused]);
    } catch (error) {
      client.destroy();
      throw new Error(`cannot connect to Redis at ${redactedUrl(options.url)}: ${(error as Error).message}`, { cause: error });
    } finally {
      firstAttempt.abort();
    }
    fanOut.#connected = true;
    const duplicate = client.duplicate.bind(client);
    client.duplicate = ((...args: Parameters<typeof duplicate>) => {
      const copy = duplicate(...args);
      fanOut.#duplicates.push(copy);
      return copy;
    }) as typeof client.duplicate;
    return fanOut;
  }

  /** Gives the socket.io server the Redis Streams adapter. */
  attach(io: Server): void {
    io.adapter(
      createAdapter(this.client, {
        streamName: `${this.prefix}socket.io`,
        channelPrefix: `${this.prefix}socket.io`,
        sessionKeyPrefix: `${this.prefix}sio:session:`,
        blockTimeInMs: STREAM_BLOCK_MS,
        // Our events are JSON; skipping the binary search saves a walk of every payload.
        onlyPlaintext: true,
      }),
    );
  }

  /** Logs an outage once, when it starts, and once more when Redis answers again (node-redis retries in between). */
  #watchOutages(log: RedisFanOutOptions['log']): void {
    this.client.on('error', (error: unknown) => {
      // Before the first connection, `connect` reports; during an outage, every failed retry errs again.
      if (!this.#connected || this.#outageSince !== undefined) return;
      this.#outageSince = Date.now();
      log('error', 'lost the connection to Redis; events from other nodes wait until it is back (reconnecting)', error);
    });
    this.client.on('ready', () => {
      if (this.#outageSince === undefined) return;
      log('info', `Redis answers again after ${Date.now() - this.#outageSince} ms; the socket.io stream resumes where it stopped`);
      this.#outageSince = undefined;
    });
  }

  /** After the socket.io server closed: drops the adapter's reader at once (it may be blocked in XREAD) and quits ours. */
  async close(): Promise<void> {
    for (const copy of this.#duplicates) if (copy.isOpen) copy.destroy();
    if (this.client.isOpen) await this.client.close().catch(() => this.client.destroy());
  }
}

/** The URL without its password, for messages. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an invalid URL)';
  }
}
