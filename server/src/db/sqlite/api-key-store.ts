import type { ApiKeyRecord, ApiKeyRepository } from '../repository.js';
import { str } from './rows.js';
import type { Row, SqlRunner } from './statements.js';

const KEY_COLUMNS = 'id, name, prefix, may_create_agents, team_ids, created_by, created_at, last_used_at, revoked_at';

function toApiKey(row: Row): ApiKeyRecord {
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    id: String(row.id),
    name: String(row.name),
    prefix: String(row.prefix),
    scope: {
      mayCreateAgents: Boolean(row.may_create_agents),
      teamIds: row.team_ids === null || row.team_ids === undefined ? null : (JSON.parse(String(row.team_ids)) as string[]),
    },
    createdBy: str(row.created_by),
    createdAt: Number(row.created_at),
    lastUsedAt: num(row.last_used_at),
    revokedAt: num(row.revoked_at),
  };
}

/** CRMs' API keys; the secret's sha256 is written here and never read back out. */
export function sqliteApiKeyStore(sql: SqlRunner): ApiKeyRepository {
  return {
    async insertApiKey(key: ApiKeyRecord, secretHash: string): Promise<void> {
      await sql.exec(
        `INSERT INTO api_keys (id, name, secret_hash, prefix, may_create_agents, team_ids, created_by, created_at, last_used_at, revoked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        key.id,
        key.name,
        secretHash,
        key.prefix,
        key.scope.mayCreateAgents ? 1 : 0,
        key.scope.teamIds === null ? null : JSON.stringify(key.scope.teamIds),
        key.createdBy,
        key.createdAt,
        key.lastUsedAt,
        key.revokedAt,
      );
    },
    async listApiKeys(): Promise<ApiKeyRecord[]> {
      return (await sql.all(`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY created_at DESC, id`)).map(toApiKey);
    },
    async getApiKey(id: string): Promise<ApiKeyRecord | null> {
      const row = await sql.get(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = ?`, id);
      return row ? toApiKey(row) : null;
    },
    async findApiKeyBySecretHash(secretHash: string): Promise<ApiKeyRecord | null> {
      const row = await sql.get(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE secret_hash = ?`, secretHash);
      return row ? toApiKey(row) : null;
    },
    async markApiKeyUsed(id: string, at: number): Promise<void> {
      await sql.exec('UPDATE api_keys SET last_used_at = ? WHERE id = ?', at, id);
    },
    async revokeApiKey(id: string, at: number): Promise<boolean> {
      return (await sql.exec('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', at, id)) > 0;
    },
  };
}
