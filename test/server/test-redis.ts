import { randomUUID } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';

const REDIS_URL = process.env.CONECTA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

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
    const client: RedisClientType = createClient({ url: REDIS_URL, socket: { connectTimeout: 5_000, reconnectStrategy: false } });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      throw new Error(
        `No Redis answers at ${REDIS_URL} (${(error as Error).message}). Start one (CI has it on 127.0.0.1:6379), or set CONECTA_TEST_REDIS_URL.`,
        { cause: error },
      );
    }
    this.#clients.push(client);
    return client;
  }

  async close(): Promise<void> {
    const cleaner = await this.client();
    for await (const keys of cleaner.scanIterator({ MATCH: `${this.prefix}*`, COUNT: 1000 })) if (keys.length > 0) await cleaner.del(keys);
    await Promise.all(this.#clients.filter((client) => client.isOpen).map((client) => client.close()));
  }
}
