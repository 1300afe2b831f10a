import type { AgentLoginRepository } from '../repository.js';
import type { SqliteStatements } from './statements.js';

/** Agent login: tokens, failures and locks. */
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
    async recordLoginFailure(email: string, at: number): Promise<void> {
      await sql.exec('INSERT INTO login_failures (email, failed_at) VALUES (?, ?)', email, at);
    },
    async countLoginFailuresSince(email: string, since: number): Promise<number> {
      const row = await sql.get('SELECT COUNT(*) AS n FROM login_failures WHERE email = ? AND failed_at > ?', email, since);
      return Number(row?.n ?? 0);
    },
    async clearLoginFailures(email: string): Promise<void> {
      await sql.exec('DELETE FROM login_failures WHERE email = ?', email);
    },
    async getLoginLockedUntil(email: string): Promise<number | null> {
      const row = await sql.get('SELECT locked_until FROM login_locks WHERE email = ?', email);
      return row ? Number(row.locked_until) : null;
    },
    async setLoginLockedUntil(email: string, until: number): Promise<void> {
      await sql.exec(
        `INSERT INTO login_locks (email, locked_until) VALUES (?, ?)
         ON CONFLICT (email) DO UPDATE SET locked_until = excluded.locked_until`,
        email, until,
      );
    },
  };
}
