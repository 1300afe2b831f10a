import type { SqlRunner } from '../db/sql-runner.js';
import { verifyPassword } from './secrets.js';
import { DEMO_PASSWORD, DEMO_VENDAS_WEBCHAT_SECRET, DEMO_WEBCHAT_SECRET, DEMO_WHATSAPP } from '../demo-company.js';

/** Secrets printed in the docs and the repository: wherever they exist, anyone can use them. */
const DEMO_CHANNEL_SECRETS: ReadonlySet<string> = new Set([DEMO_WEBCHAT_SECRET, DEMO_VENDAS_WEBCHAT_SECRET, DEMO_WHATSAPP.secret]);

/**
 * What of the demo a database holds that must never reach production: channels whose secret is one of
 * the demo's (anyone could pose as a verified user, or post as WhatsApp), agents whose password is the
 * demo's. One sentence per leak; empty when there is none.
 *
 * Reads the tables directly: a check before the server starts, not a service the application uses.
 * Each agent's password is checked with scrypt (about 50 ms, 4 at a time): a second per ~80 agents, at start only.
 */
export async function findDemoLeaks(sql: SqlRunner): Promise<string[]> {
  const leaks: string[] = [];
  const channels = (await sql.all(`SELECT key, secret FROM webchat_channels UNION ALL SELECT key, secret FROM channels`)) as {
    key: string;
    secret: string | null;
  }[];
  for (const { key, secret } of channels) {
    if (secret !== null && DEMO_CHANNEL_SECRETS.has(secret)) leaks.push(`channel "${key}" uses a demo secret, published in the docs`);
  }
  const agents = (await sql.all(`SELECT email, password_hash AS hash, password_salt AS salt FROM agents`)) as {
    email: string;
    hash: string | null;
    salt: string | null;
  }[];
  const demoPassword = await Promise.all(
    agents.map(({ hash, salt }) => (hash && salt ? verifyPassword(DEMO_PASSWORD, hash, salt) : false)),
  );
  agents.forEach(({ email }, index) => {
    if (demoPassword[index]) leaks.push(`agent ${email} has the demo password "${DEMO_PASSWORD}"`);
  });
  return leaks;
}
