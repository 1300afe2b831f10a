/**
 * Issue 9, tokens that end: every agent token gets an expiry (tokens issued before this migration
 * expire 12 hours after they were issued, the default lifetime), and tokens a CRM obtained through an
 * API key name that key, so revoking the key revokes them. API keys are stored as their sha256 only.
 */
export const authTokensSchema = `
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  -- The first characters of the secret, shown in lists so people can tell their keys apart.
  prefix TEXT NOT NULL,
  -- Scope: whether a sign-on may create an agent it does not find, and which teams the key reaches
  -- (JSON array of team ids; NULL: every team).
  may_create_agents INTEGER NOT NULL DEFAULT 0,
  team_ids TEXT,
  created_by TEXT REFERENCES agents(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);

ALTER TABLE auth_tokens ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
UPDATE auth_tokens SET expires_at = created_at + 43200000;
ALTER TABLE auth_tokens ADD COLUMN api_key_id TEXT REFERENCES api_keys(id) ON DELETE CASCADE;
CREATE INDEX auth_tokens_by_agent ON auth_tokens(agent_id);
CREATE INDEX auth_tokens_by_api_key ON auth_tokens(api_key_id) WHERE api_key_id IS NOT NULL;
CREATE INDEX auth_tokens_by_expiry ON auth_tokens(expires_at);
`;
