import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from './app.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.DATA_DIR ?? './data');

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env.PORT)}.`);
  process.exit(1);
}
mkdirSync(dataDir, { recursive: true });

const server = await createServer({
  dataDir,
  seed: true,
  logger: true,
  staticRoots: [
    { prefix: '/', root: resolve(repoRoot, 'demo') },
    { prefix: '/dist/', root: resolve(repoRoot, 'dist') },
  ],
});
const url = await server.listen(port, host);
server.http.log.info(`Conecta server on ${url} (data in ${dataDir}); demo login ana@demo.conecta.dev / conecta-demo`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.http.log.info(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
