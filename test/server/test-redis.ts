import { randomUUID } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { createClient, type RedisClientType } from 'redis';

/** The Redis of the scale-out tests: CI's and development machines' local one, unless set. */
export const TEST_REDIS_URL = process.env.CONECTA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A prefix of its own for one test's nodes: parallel runs share one Redis. */
export const testRedisPrefix = (): string => `conecta-test:${randomUUID().slice(0, 8)}:`;

/** A connection to the test Redis; fails loudly, rather than skip, when none answers: the scale-out path is what these tests are for. */
async function connectTestRedis(): Promise<RedisClientType> {
  const client: RedisClientType = createClient({ url: TEST_REDIS_URL, socket: { connectTimeout: 5_000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `No Redis answers at ${TEST_REDIS_URL} (${(error as Error).message}). Start one (CI has it on 127.0.0.1:6379), or set CONECTA_TEST_REDIS_URL.`,
      { cause: error },
    );
  }
  return client;
}

async function withRedis<T>(use: (client: RedisClientType) => Promise<T>): Promise<T> {
  const client = await connectTestRedis();
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

/** Fails, naming the URL, when no Redis answers. */
export function assertRedisAnswers(): Promise<void> {
  return withRedis(async () => undefined);
}

/** Runs one Redis command, e.g. CLIENT LIST. */
export function redisCommand<T>(args: string[]): Promise<T> {
  return withRedis((client) => client.sendCommand<T>(args));
}

/** Deletes what a test's nodes left under its prefix (the socket.io stream, recovery sessions). */
export function dropRedisPrefix(prefix: string): Promise<void> {
  return withRedis(async (client) => {
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) keys.push(...batch);
    if (keys.length > 0) await client.del(keys);
  });
}

/**
 * Redis for one test: connected clients (one per pretend node) and a key prefix of its own, so
 * parallel test files never share a key; `close` deletes the prefix's keys and disconnects. A Redis
 * that does not answer fails the test, loudly, instead of passing.
 */
export class TestRedis {
  readonly prefix = `test:${randomUUID()}:`;
  readonly #clients: RedisClientType[] = [];

  /** A new connection, as each node of a cluster has its own. */
  async client(): Promise<RedisClientType> {
    const client = await connectTestRedis();
    this.#clients.push(client);
    return client;
  }

  async close(): Promise<void> {
    const cleaner = await this.client();
    for await (const keys of cleaner.scanIterator({ MATCH: `${this.prefix}*`, COUNT: 1000 })) if (keys.length > 0) await cleaner.del(keys);
    await Promise.all(this.#clients.filter((client) => client.isOpen).map((client) => client.close()));
  }
}

/**
 * A client of the test Redis through a proxy the test cuts, as a network failure would: what is sent
 * meanwhile is never answered, the slowest failure to notice. The client retries as production's would,
 * holding commands meanwhile. Its keys are the test's to clean (TestRedis.close with the same prefix).
 */
export class CuttableRedis {
  readonly #sockets = new Set<Socket>();
  readonly #proxy: Server = createServer((socket) => this.#accept(socket));
  readonly #target = new URL(TEST_REDIS_URL);
  #open = true;
  #client: RedisClientType | undefined;

  static async connect(): Promise<CuttableRedis> {
    const link = new CuttableRedis();
    await new Promise<void>((resolve) => link.#proxy.listen(0, '127.0.0.1', resolve));
    const { port } = link.#proxy.address() as { port: number };
    link.#client = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: 20 } });
    link.#client.on('error', () => undefined);
    await link.#client.connect();
    return link;
  }

  get client(): RedisClientType {
    return this.#client!;
  }

  cut(): void {
    this.#open = false;
    this.#dropAll();
  }

  /** The connection held unanswered fails, and the client connects anew. */
  mend(): void {
    this.#open = true;
    this.#dropAll();
  }

  close(): void {
    this.#client?.destroy();
    this.#dropAll();
    this.#proxy.close();
  }

  #accept(socket: Socket): void {
    this.#sockets.add(socket.on('error', () => undefined));
    if (!this.#open) return;
    const upstream = createConnection(Number(this.#target.port || 6379), this.#target.hostname);
    const drop = () => {
      socket.destroy();
      upstream.destroy();
    };
    this.#sockets.add(upstream);
    for (const end of [socket, upstream]) end.on('error', drop).on('close', drop);
    socket.pipe(upstream).pipe(socket);
  }

  #dropAll(): void {
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
  }
}
