import type { PasswordAccount, PasswordTokenPurpose, PasswordTokenRecord, PasswordTokenRepository } from '../repository.js';
import type { Row, SqlRunner } from './statements.js';

function toPasswordAccount(row: Row): PasswordAccount {
  return {
    id: String(row.id),
    name: String(row.name),
    email: String(row.email),
    role: String(row.role) as PasswordAccount['role'],
    active: Boolean(row.active),
    hasPassword: String(row.password_hash) !== '',
  };
}

function toPasswordToken(row: Row): PasswordTokenRecord {
  return {
    tokenHash: String(row.token_hash),
    agentId: String(row.agent_id),
    purpose: String(row.purpose) as PasswordTokenPurpose,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    usedAt: row.used_at === null ? null : Number(row.used_at),
  };
}

const ACCOUNT_SELECT = 'SELECT id, name, email, role, active, password_hash FROM agents';

/** One-time password links (invite, reset), and what setting a password changes. */
export function sqlitePasswordTokenStore(sql: SqlRunner): PasswordTokenRepository {
  return {
    async findPasswordAccount(by: { id: string } | { email: string }): Promise<PasswordAccount | null> {
      const row =
        'id' in by ? await sql.get(`${ACCOUNT_SELECT} WHERE id = ?`, by.id) : await sql.get(`${ACCOUNT_SELECT} WHERE email = ?`, by.email);
      return row ? toPasswordAccount(row) : null;
    },
    async insertPasswordToken(token: Omit<PasswordTokenRecord, 'usedAt'>): Promise<void> {
      await sql.transaction(async (tx) => {
        await tx.exec('UPDATE password_tokens SET used_at = ? WHERE agent_id = ? AND used_at IS NULL', token.createdAt, token.agentId);
        await tx.exec(
          'INSERT INTO password_tokens (token_hash, agent_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
          token.tokenHash,
          token.agentId,
          token.purpose,
          token.createdAt,
          token.expiresAt,
        );
      });
    },
    async getPasswordToken(tokenHash: string): Promise<PasswordTokenRecord | null> {
      const row = await sql.get('SELECT * FROM password_tokens WHERE token_hash = ?', tokenHash);
      return row ? toPasswordToken(row) : null;
    },
    async countPasswordTokensSince(agentId: string, purpose: PasswordTokenPurpose, since: number): Promise<number> {
      const row = await sql.get(
        'SELECT COUNT(*) AS n FROM password_tokens WHERE agent_id = ? AND purpose = ? AND created_at > ?',
        agentId,
        purpose,
        since,
      );
      return Number(row?.n ?? 0);
    },
    async usePasswordToken(tokenHash: string, at: number): Promise<boolean> {
      return (await sql.exec('UPDATE password_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL', at, tokenHash)) > 0;
    },
  };
}
