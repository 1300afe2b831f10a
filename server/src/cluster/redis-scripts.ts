import { createHash } from 'node:crypto';

/**
 * What the cluster modules need of a node-redis client: Lua scripts. Each script runs atomically
 * in Redis, so a read and the write that depends on it cannot interleave with another node's.
 */
export interface RedisScriptClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** A Lua script sent by its SHA-1 (Redis keeps it compiled), and in full once Redis answers it does not know it. */
export class RedisScript {
  readonly #sha1: string;

  constructor(private readonly source: string) {
    this.#sha1 = createHash('sha1').update(source).digest('hex');
  }

  async run(client: RedisScriptClient, keys: string[], args: (string | number)[]): Promise<unknown> {
    const options = { keys, arguments: args.map(String) };
    try {
      return await client.evalSha(this.#sha1, options);
    } catch (error) {
      // A restarted or flushed Redis forgets its scripts.
      if (!String((error as Error)?.message).startsWith('NOSCRIPT')) throw error;
      return client.eval(this.source, options);
    }
  }
}
