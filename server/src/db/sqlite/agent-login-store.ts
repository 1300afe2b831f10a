import type { AgentLoginRepository } from '../repository.js';
import type { SqliteStatements } from './statements.js';

/** Agent login: tokens, and failed logins per account and address (the throttle). */
export function sqliteAgentLoginStore(sql: SqliteStatements): AgentLoginRepository {
  return {
    async insertAuthToken(tokenHash: string, agentId: string, createdAt: number): Promise<void> {
      await sql.exec('INSERT INTO auth_tokens (token_hash, agent_id, created_at) VALUES (?, ?, ?)', tokenHash, agentId, createdAt);
    },
    async findAgentIdByTokenHash(tokenHash: string): Promise<string | null> {
      const row = await sql.get('SELECT agent_id FROM auth_tokens WHERE token_hash = ?', tokenHash);
      return row ? String(row.agent_id) : null;
    },
    async deleteAuthToken(tokenHash: string): Promise<boolean> {
      return (await sql.exec('DELETE FROM auth_tokens WHERE token_hash = ?', tokenHash)) > 0;
    },
    async getLoginFailures(email: string, address: string): Promise<{ count: number; lastAt: number } | null> {
      const row = await sql.get('SELECT failures, last_failed_at FROM login_throttle WHERE email = ? AND address = ?', email, address);
      return row ? { count: Number(row.failures), lastAt: Number(row.last_failed_at) } : null;
    },
    async recordLoginFailure(email: string, address: string, at: number, forgetBefore: number): Promise<void> {
      await sql.exec(
        `INSERT INTO login_throttle (email, address, failures, last_failed_at) VALUES (?, ?, 1, ?)
         ON CONFLICT (email, address) DO UPDATE SET failures = failures + 1, last_failed_at = excluded.last_failed_at`,
        email,
        address,
        at,
      );
      await sql.exec('DELETE FROM login_address_failures WHERE address = ? AND failed_at < ?', address, forgetBefore);
      await sql.exec('INSERT INTO login_address_failures (address, failed_at) VALUES (?, ?)', address, at);
    },
    async addressLoginFailuresSince(address: string, since: number): Promise<{ count: number; oldestAt: number | null }> {
      const row = await sql.get(
        'SELECT COUNT(*) AS n, MIN(failed_at) AS oldest FROM login_address_failures WHERE address = ? AND failed_at >= ?',
        address,
        since,
      );
      return { count: Number(row?.n ?? 0), oldestAt: row?.oldest == null ? null : Number(row.oldest) };
    },
    async clearLoginFailures(email: string, address: string): Promise<void> {
      await sql.exec('DELETE FROM login_throttle WHERE email = ? AND address = ?', email, address);
    },
    async setAgentPassword(agentId: string, hash: string, salt: string): Promise<void> {
      await sql.exec('UPDATE agents SET password_hash = ?, password_salt = ? WHERE id = ?', hash, salt, agentId);
    },
  };
}
