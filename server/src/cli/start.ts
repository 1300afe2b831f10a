import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ServerOptions } from '../app.js';
import { loadSettings, type Settings } from '../config.js';
import { openDatabase } from '../db/database.js';
import { findDemoLeaks } from '../domain/demo-leaks.js';
import { closeOnSignals } from './shutdown.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// Human messages go to stderr: stdout carries the JSON logs, for whatever collects them.
const say = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `conecta-server start`: the production server. Settings from the environment (.env.example); never
 * seeds, serves no demo page: only server/public/ at `/` and the built elements at `/dist/`.
 */
export async function run(_args: string[]): Promise<number> {
  const loaded = loadSettings(process.env);
  if (!loaded.ok) {
    say(`conecta-server cannot start; fix these settings (see .env.example):\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  const { settings } = loaded;

  const leaks = await demoLeaksIn(settings);
  if (leaks.length > 0) {
    say(
      `conecta-server refuses to start: the database in ${settings.dataDir} holds the demo's public secrets:\n` +
        leaks.map((leak) => `  - ${leak}`).join('\n') +
        `\nA demo database is not for production: start with an empty DATA_DIR, or give those channels new secrets` +
        ` and those agents new passwords (administration API or conecta-server apply) first.`,
    );
    return 1;
  }

  const server = await createServer(productionOptions(settings));
  let url: string;
  try {
    url = await server.listen(settings.port, settings.host);
  } catch (error) {
    // Most often the port is taken (EADDRINUSE) or below 1024 without the right (EACCES).
    say(`conecta-server cannot listen on ${settings.host}:${settings.port}: ${(error as Error).message}`);
    await server.close();
    return 1;
  }
  say(`Conecta listening on ${url}, public address ${settings.publicUrl} (data in ${settings.dataDir})`);
  if (!settings.smtpUrl) say('SMTP_URL is not set: invitation and password e-mails are not sent.');
  const agents = await server.repo.listAgents();
  if (!agents.some((agent) => agent.role === 'owner')) {
    say(
      `No owner yet. Create one, with a link to set the password:\n  conecta-server owner create --email you@example.com --name "Your Name"`,
    );
  }
  closeOnSignals(server, say);
  return 0;
}

export function productionOptions(settings: Settings): ServerOptions {
  return {
    dataDir: settings.dataDir,
    seed: false,
    trustedProxyHops: settings.trustedProxyHops,
    tokenTtlMs: settings.tokenTtlMs,
    signOnTokenTtlMs: settings.signOnTokenTtlMs,
    publicUrl: settings.publicUrl,
    smtpUrl: settings.smtpUrl,
    mailFrom: settings.mailFrom,
    logger: { level: settings.logLevel },
    strictPages: true,
    metricsToken: settings.metricsToken,
    sqliteSynchronous: settings.sqliteSynchronous,
    databaseUrl: settings.databaseUrl,
    databasePoolSize: settings.databasePoolSize,
    redisUrl: settings.redisUrl,
    redisPrefix: settings.redisPrefix,
    whatsappGraph: { baseUrl: settings.whatsappGraphUrl, version: settings.whatsappGraphVersion },
    staticRoots: [
      { prefix: '/', root: resolve(repoRoot, 'server/public') },
      { prefix: '/dist/cdn/', root: resolve(repoRoot, 'dist/cdn') },
      { prefix: '/dist/esm/', root: resolve(repoRoot, 'dist/esm') },
    ],
  };
}

async function demoLeaksIn(settings: Settings): Promise<string[]> {
  const database = await openDatabase(settings);
  try {
    return await findDemoLeaks(database.sql);
  } finally {
    await database.close();
  }
}
