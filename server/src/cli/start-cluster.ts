// `npm run start:cluster`: the demo on two nodes behind a small local balancer, for trying several nodes
// by hand (docs/scaling.md). The nodes share one PostgreSQL schema, one Redis prefix and one data dir
// (uploaded files and the file-signing key must be the same on every node).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { NodeBalancer } from './node-balancer.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const NODES = 2;
const SCHEMA = 'conecta_cluster';
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8080);
const dataDir = resolve(process.env.DATA_DIR ?? './data/cluster');
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const redisPrefix = process.env.REDIS_PREFIX || 'conecta-cluster:';
const databaseUrl = process.env.DATABASE_URL || (await localSchemaUrl());

if (!Number.isInteger(port) || port < 0 || port > 65535 - NODES) {
  console.error(`PORT must be a port number with the next ${NODES} free for the nodes, got ${JSON.stringify(process.env.PORT)}.`);
  process.exit(1);
}
mkdirSync(dataDir, { recursive: true });

/** The local PostgreSQL of development machines, in a schema of its own (created if missing). */
async function localSchemaUrl(): Promise<string> {
  const base = 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
  } catch (error) {
    console.error(`No PostgreSQL at ${base} (${(error as Error).message}): start one, or set DATABASE_URL.`);
    process.exit(1);
  } finally {
    await admin.end().catch(() => undefined);
  }
  return `${base}?options=${encodeURIComponent(`-c search_path=${SCHEMA}`)}`;
}

/** One demo node (server/src/main.ts) on its port; resolves once it listens. */
function startNode(nodePort: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(repoRoot, 'server/src/main.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(nodePort),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      // The balancer appends the client's address: rate limits count clients, not the balancer.
      TRUSTED_PROXY_HOPS: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveStarted, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Conecta demo on')) resolveStarted(child);
    });
    child.once('exit', (code, signal) => reject(new Error(`the node on port ${nodePort} exited (${signal ?? code}) before it listened`)));
  });
}

const children: ChildProcess[] = [];
let stopping = false;
const stop = () => {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const nodePorts = Array.from({ length: NODES }, (_, index) => port + 1 + index);
try {
  // One after the other: the first migrates the schema and seeds the demo once; the next finds them done.
  for (const nodePort of nodePorts) children.push(await startNode(nodePort));
} catch (error) {
  console.error((error as Error).message);
  stop();
  process.exit(1);
}
const balancer = new NodeBalancer(nodePorts.map((nodePort) => ({ host: '127.0.0.1', port: nodePort })));
const url = await balancer.listen(port, host);
console.log(`Conecta demo on ${NODES} nodes (${nodePorts.map((p) => `:${p}`).join(', ')}) behind ${url}
  PostgreSQL ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}, Redis ${redisUrl} (prefix ${redisPrefix}), files in ${dataDir}
  agent desk ${url}/agent/ · customer site ${url}/site/ · CRM ${url}/crm/
  log in as ana@demo.conecta.dev or bruno@demo.conecta.dev, password conecta-demo; Ctrl-C stops all`);

for (const child of children) {
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`a node exited (${signal ?? code}); the balancer sends new connections to the others`);
    if (children.every((one) => one.exitCode !== null || one.signalCode !== null)) void balancer.close().then(() => process.exit(0));
  });
}
