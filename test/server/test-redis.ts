import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';

/** The Redis of the scale-out tests: CI's and development machines' local one, unless set. */
export const TEST_REDIS_URL = process.env.CONECTA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A prefix of its own for one test's nodes: parallel runs share one Redis. */
export const testRedisPrefix = (): string => `conecta-test:${randomUUID().slice(0, 8)}:`;

type Client = ReturnType<typeof createClient>;

async function withRedis<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const client: Client = createClient({ url: TEST_REDIS_URL, socket: { connectTimeout: 3_000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    // Loudly, rather than skip: the scale-out path is what these tests are for.
    throw new Error(`no Redis answers at ${TEST_REDIS_URL} (${(error as Error).message}): start one, or set CONECTA_TEST_REDIS_URL`, {
      cause: error,
    });
  }
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
