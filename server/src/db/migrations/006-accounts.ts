/**
 * Issue 9, accounts for a real company: roles, the manuals' per-agent permissions, deactivation, the
 * CRM's own id of an agent, the agent's photo, and the audit log of every administrative change.
 */
export const accountsSchema = `
-- owner > admin > supervisor > agent (server/src/domain/roles.ts).
ALTER TABLE agents ADD COLUMN role TEXT NOT NULL DEFAULT 'agent' CHECK (role IN ('owner', 'admin', 'supervisor', 'agent'));
-- A deactivated agent cannot log in; its sessions went back to their teams.
ALTER TABLE agents ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
-- The agent's id in the company's CRM, for sign-on through an API key.
ALTER TABLE agents ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX agents_by_external_id ON agents(external_id) WHERE external_id IS NOT NULL;
ALTER TABLE agents ADD COLUMN photo_file_id TEXT REFERENCES files(id);
ALTER TABLE agents ADD COLUMN perm_statistics INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agents ADD COLUMN perm_bulk_actions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agents ADD COLUMN perm_start_conversations INTEGER NOT NULL DEFAULT 0;

-- Who changed what, when: before and after as JSON (secrets never written here).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('agent', 'api-key', 'cli')),
  actor_id TEXT,
  action TEXT NOT NULL,
  resource TEXT NOT NULL,
  resource_id TEXT,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_log_by_resource ON audit_log(resource, resource_id, id);
CREATE INDEX audit_log_by_at ON audit_log(at);
`;
