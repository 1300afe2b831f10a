// `bench:load --nodes=2`: the Conecta server as two nodes of one cluster, each in a child process of its
// own, on a PostgreSQL schema and a Redis prefix made for the run and removed after it. Visitors connect
// to the first node and agents to the second, so every message crosses Redis on its way to its agent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createClient } from 'redis';
import type { Target } from './load.js';

const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

type Node = Target & { pid?: number; stop(): Promise<void> };

/** Starts the two nodes through `startNode` (given each node's environment), the first one alone (it seeds). */
export async function startCluster(startNode: (env: Record<string, string>) => Promise<Node>): Promise<Node> {
  const schema = `bench_load_${process.pid}_${Date.now()}`;
  const redisPrefix = `bench-load:${process.pid}:${Date.now()}:`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'conecta-bench-cluster-'));
  const env = { BENCH_DATABASE_URL: url.toString(), BENCH_REDIS_URL: REDIS_URL, BENCH_REDIS_PREFIX: redisPrefix, BENCH_DATA_DIR: dataDir };
  const first = await startNode({ ...env, BENCH_FIRST_NODE: '1' });
  const second = await startNode(env);
  return {
    url: first.url,
    agentUrl: second.url,
    pid: first.pid,
    // Visitors' sockets are the first node's: its memory is what a visitor costs.
    memory: () => first.memory(),
    async persisted() {
      const [a, b] = await Promise.all([first.persisted(), second.persisted()]);
      return { count: a.count, cpuMs: a.cpuMs + b.cpuMs };
    },
    async stop() {
      await second.stop();
      await first.stop();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
      const redis = createClient({ url: REDIS_URL });
      await redis.connect();
      for await (const keys of redis.scanIterator({ MATCH: `${redisPrefix}*`, COUNT: 1000 })) if (keys.length > 0) await redis.del(keys);
      await redis.close();
    },
  };
}
