import { createHash } from 'node:crypto';

/**
 * What the cluster modules need of a node-redis client: Lua scripts. Each script runs atomically
 * in Redis, so a read and the write that depends on it cannot interleave with another node's.
 */
export interface RedisScriptClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/**
 * How long a script waits for Redis by default. node-redis holds commands while it reconnects; a
 * caller told "no answer" in time can fall back, skip a run, or stop, instead of waiting for Redis.
 */
const DEFAULT_WAIT_MS = 2_000;

/** A Lua script sent by its SHA-1 (Redis keeps it compiled), and in full once Redis answers it does not know it. */
export class RedisScript {
  readonly #sha1: string;

  constructor(private readonly source: string) {
    this.#sha1 = createHash('sha1').update(source).digest('hex');
  }

  /** Rejects if Redis has not answered within `waitMs` (the script may still run later). */
  async run(client: RedisScriptClient, keys: string[], args: (string | number)[], waitMs = DEFAULT_WAIT_MS): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${waitMs} ms`)), waitMs);
    });
    try {
      return await Promise.race([this.#run(client, { keys, arguments: args.map(String) }), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #run(client: RedisScriptClient, options: { keys: string[]; arguments: string[] }): Promise<unknown> {
    try {
      return await client.evalSha(this.#sha1, options);
    } catch (error) {
      // A restarted or flushed Redis forgets its scripts.
      if (!String((error as Error)?.message).startsWith('NOSCRIPT')) throw error;
      return client.eval(this.source, options);
    }
  }
}
