import type { AgentLoginRepository, AuthTokenRecord } from '../repository.js';
import { str } from './rows.js';
import type { SqlRunner } from './statements.js';

/** Agent login: tokens, and failed logins per account and address (the throttle). */
export function sqliteAgentLoginStore(sql: SqlRunner): AgentLoginRepository {
  return {
    async insertAuthToken(token: AuthTokenRecord): Promise<void> {
      await sql.exec(
        'INSERT INTO auth_tokens (token_hash, agent_id, created_at, expires_at, api_key_id) VALUES (?, ?, ?, ?, ?)',
        token.tokenHash,
        token.agentId,
        token.createdAt,
        token.expiresAt,
        token.apiKeyId,
      );
    },
    async findAuthToken(tokenHash: string): Promise<(AuthTokenRecord & { agentActive: boolean }) | null> {
      const row = await sql.get(
        `SELECT t.*, a.active FROM auth_tokens t JOIN agents a ON a.id = t.agent_id WHERE t.token_hash = ?`,
        tokenHash,
      );
      if (!row) return null;
      return {
        tokenHash,
        agentId: String(row.agent_id),
        createdAt: Number(row.created_at),
        expiresAt: Number(row.expires_at),
        apiKeyId: str(row.api_key_id),
        agentActive: Boolean(row.active),
      };
    },
    async deleteAuthToken(tokenHash: string): Promise<boolean> {
      return (await sql.exec('DELETE FROM auth_tokens WHERE token_hash = ?', tokenHash)) > 0;
    },
    async deleteAgentAuthTokens(agentId: string, exceptTokenHash?: string): Promise<string[]> {
      const rows = await sql.all(
        'DELETE FROM auth_tokens WHERE agent_id = ? AND token_hash IS NOT ? RETURNING token_hash',
        agentId,
        exceptTokenHash ?? null,
      );
      return rows.map((row) => String(row.token_hash));
    },
    async deleteApiKeyAuthTokens(apiKeyId: string): Promise<string[]> {
      const rows = await sql.all('DELETE FROM auth_tokens WHERE api_key_id = ? RETURNING token_hash', apiKeyId);
      return rows.map((row) => String(row.token_hash));
    },
    async deleteExpiredAuthTokens(at: number): Promise<number> {
      return sql.exec('DELETE FROM auth_tokens WHERE expires_at <= ?', at);
    },
    async getLoginFailures(email: string, address: string): Promise<{ count: number; lastAt: number } | null> {
      const row = await sql.get('SELECT failures, last_failed_at FROM login_throttle WHERE email = ? AND address = ?', email, address);
      return row ? { count: Number(row.failures), lastAt: Number(row.last_failed_at) } : null;
    },
    async recordLoginFailure(email: string, address: string, at: number, forgetBefore: number): Promise<void> {
      await sql.exec(
        `INSERT INTO login_throttle (email, address, failures, last_failed_at) VALUES (?, ?, 1, ?)
         ON CONFLICT (email, address) DO UPDATE SET failures = login_throttle.failures + 1, last_failed_at = excluded.last_failed_at`,
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
