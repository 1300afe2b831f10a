import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from './app.js';
import { closeOnSignals } from './cli/shutdown.js';
import { demoStaticRoots } from './demo-static-roots.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.DATA_DIR ?? './data');
// Reverse proxies in front that append to X-Forwarded-For; 0: the socket address is the client's.
const trustedProxyHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}.`);
  process.exit(1);
}
if (!Number.isInteger(trustedProxyHops) || trustedProxyHops < 0) {
  console.error(`TRUSTED_PROXY_HOPS must be a whole number of proxies, got ${JSON.stringify(process.env.TRUSTED_PROXY_HOPS)}.`);
  process.exit(1);
}
mkdirSync(dataDir, { recursive: true });

// The demo on PostgreSQL too (docs/scaling.md): DATABASE_URL=postgres://… npm start.
const databaseUrl = process.env.DATABASE_URL || undefined;
// One of several demo nodes (npm run start:cluster): REDIS_URL=redis://… beside DATABASE_URL.
const redisUrl = process.env.REDIS_URL || undefined;
const server = await createServer({
  dataDir,
  databaseUrl,
  redisUrl,
  redisPrefix: process.env.REDIS_PREFIX || undefined,
  seed: true,
  trustedProxyHops,
  // Request logs only on demand: a newcomer running `npm start` wants the URL, not a JSON stream.
  logger: process.env.LOG_REQUESTS === '1',
  staticRoots: demoStaticRoots(repoRoot),
});
const url = await server.listen(port, host);
console.log(`Conecta demo on ${url}  (data in ${databaseUrl ? `PostgreSQL, files in ${dataDir}` : dataDir})
  agent desk ${url}/agent/ · customer site ${url}/site/ · CRM ${url}/crm/ · Storybook ${url}/storybook/
  log in as ana@demo.conecta.dev or bruno@demo.conecta.dev, password conecta-demo`);

closeOnSignals(server);
