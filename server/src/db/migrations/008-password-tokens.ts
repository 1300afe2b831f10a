/**
 * Issue 9, password links: the one-time tokens of invite and reset e-mails. Only the token's sha256 is
 * kept (like agent tokens), so a copy of the database sets no one's password.
 */
export const passwordTokensSchema = `
CREATE TABLE password_tokens (
  token_hash TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  -- invite: a new agent's first password (7 days); reset: a forgotten one (1 hour).
  purpose TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  -- Set when the link sets a password, or when a newer link of the agent replaces it.
  used_at INTEGER
);
CREATE INDEX password_tokens_by_agent ON password_tokens(agent_id, created_at);
`;
