/** The first schema: identities, teams, contacts, webchat, sessions and messages. */
export const initialSchema = `
CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE agents (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  nickname TEXT,
  extension TEXT,
  password_hash TEXT NOT NULL,
  password_salt TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE team_members (
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, agent_id)
);
CREATE INDEX team_members_by_agent ON team_members(agent_id);

-- Only the sha256 of a token is stored: a leaked database does not leak usable tokens.
CREATE TABLE auth_tokens (
  token_hash TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL
);

CREATE TABLE login_failures (
  email TEXT NOT NULL,
  failed_at INTEGER NOT NULL
);
CREATE INDEX login_failures_by_email ON login_failures(email, failed_at);

CREATE TABLE login_locks (
  email TEXT PRIMARY KEY,
  locked_until INTEGER NOT NULL
);

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL
);
CREATE UNIQUE INDEX contacts_email_unique ON contacts(email) WHERE email IS NOT NULL;

CREATE TABLE webchat_channels (
  key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  allowed_origins TEXT NOT NULL DEFAULT '[]', -- JSON array; empty = any origin
  created_at INTEGER NOT NULL
);

CREATE TABLE webchat_channel_teams (
  channel_key TEXT NOT NULL REFERENCES webchat_channels(key) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (channel_key, team_id)
);

-- contact_id is reserved when the visitor is created; the contact row appears at its first start.
CREATE TABLE visitors (
  id TEXT PRIMARY KEY,
  channel_key TEXT NOT NULL REFERENCES webchat_channels(key) ON DELETE CASCADE,
  contact_id TEXT NOT NULL UNIQUE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  protocol TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('waiting', 'active', 'pending', 'finished')),
  channel TEXT NOT NULL,
  channel_key TEXT NOT NULL,
  team_id TEXT NOT NULL REFERENCES teams(id),
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  agent_id TEXT REFERENCES agents(id),
  created_at INTEGER NOT NULL,
  accepted_at INTEGER,
  finished_at INTEGER,
  last_seq INTEGER NOT NULL DEFAULT 0,
  last_message_at INTEGER,
  last_message_text TEXT,
  last_inbound_at INTEGER,
  version INTEGER NOT NULL
);
CREATE INDEX sessions_by_team_status ON sessions(team_id, status);
CREATE INDEX sessions_by_agent_status ON sessions(agent_id, status);
CREATE INDEX sessions_by_contact ON sessions(contact_id, created_at);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  author_kind TEXT NOT NULL CHECK (author_kind IN ('contact', 'agent', 'system')),
  author_id TEXT,
  author_name TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (session_id, seq)
);

-- Named counters (e.g. the protocol number), incremented inside the writing transaction.
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
`;
