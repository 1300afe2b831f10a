// The Conecta server as the benchmark runs it, in a child process of bench/load/run.ts. Alone: one node on
// SQLite in a fresh data directory. With BENCH_DATABASE_URL and BENCH_REDIS_URL: one node of a cluster on
// PostgreSQL and Redis, sharing BENCH_DATA_DIR with the others; the first node (BENCH_FIRST_NODE=1) seeds.
// Either way: the demo company plus `--agents` agents in the demo's support team, rate limits lifted (the
// benchmark measures the server's work, not its limits).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '../../server/src/app.js';
import { openSqlite } from '../../server/src/db/sqlite.js';
import { DEMO_PASSWORD } from '../../server/src/demo-company.js';
import { hashPassword } from '../../server/src/domain/secrets.js';
import { NO_PERMISSIONS } from '../../server/src/domain/roles.js';
import { benchAgentEmail, BENCH_TEAM_ID } from './bench-company.js';
import { serveParent } from './target-process.js';

const agents = Number(process.argv[2] ?? 10);
const synchronous = process.argv[3] === 'full' ? 'full' : 'normal';
const databaseUrl = process.env.BENCH_DATABASE_URL;
const clustered = databaseUrl !== undefined;
const firstNode = !clustered || process.env.BENCH_FIRST_NODE === '1';
const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'conecta-bench-load-'));
const LIFTED = { perSecond: 1e9, burst: 1e9 };
const server = await createServer({
  dataDir,
  databaseUrl,
  redisUrl: process.env.BENCH_REDIS_URL,
  redisPrefix: process.env.BENCH_REDIS_PREFIX,
  seed: firstNode,
  sqliteSynchronous: synchronous,
  rateLimits: {
    commands: LIFTED,
    visitorTokens: { perAddress: LIFTED, perChannel: LIFTED },
    sessions: { perVisitor: LIFTED, perAddress: LIFTED, perChannel: LIFTED },
    messages: { perVisitor: LIFTED, perAddress: LIFTED, perChannel: LIFTED },
  },
});
if (firstNode) {
  const { hash, salt } = await hashPassword(DEMO_PASSWORD);
  for (let i = 0; i < agents; i++) {
    await server.repo.insertAgent(
      {
        id: `ag-carga-${i}`,
        name: `Agente ${i}`,
        email: benchAgentEmail(i),
        nickname: null,
        extension: null,
        teamIds: [BENCH_TEAM_ID],
        role: 'agent',
        permissions: NO_PERMISSIONS,
        passwordHash: hash,
        passwordSalt: salt,
      },
      Date.now(),
    );
  }
}
const url = await server.listen(0, '127.0.0.1');
if (clustered) {
  // PostgreSQL answers a count on the node's own pool: what the cluster stored, whichever node stored it.
  serveParent(
    url,
    async () => Number((await server.database.sql.get('SELECT COUNT(*) AS n FROM messages'))?.n ?? 0),
    () => server.close(),
  );
} else {
  // A second connection: what the benchmark counts is what reached the database.
  const reader = openSqlite(dataDir);
  const countMessages = reader.prepare('SELECT COUNT(*) AS n FROM messages');
  serveParent(
    url,
    () => (countMessages.get() as { n: number }).n,
    async () => {
      reader.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  );
}
