/**
 * Issue 3, the agent's whole session workflow: permissions, waiting timeouts, targeted/invited/tagged
 * sessions, message kinds and receipts, files, tags, notes, templates, canned responses, and
 * channels with a webhook secret (the simulated WhatsApp adapter).
 */
export const sessionWorkflowSchema = `
ALTER TABLE contacts ADD COLUMN document TEXT;
CREATE INDEX contacts_by_document ON contacts(document) WHERE document IS NOT NULL;
CREATE INDEX contacts_by_phone ON contacts(phone) WHERE phone IS NOT NULL;

ALTER TABLE agents ADD COLUMN perm_history INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agents ADD COLUMN perm_internal_chat INTEGER NOT NULL DEFAULT 0;

-- NULL: waiting sessions of the team never expire.
ALTER TABLE teams ADD COLUMN waiting_timeout_ms INTEGER;

ALTER TABLE sessions ADD COLUMN target_agent_id TEXT REFERENCES agents(id);
ALTER TABLE sessions ADD COLUMN invited_agent_ids TEXT NOT NULL DEFAULT '[]'; -- JSON array
ALTER TABLE sessions ADD COLUMN tag_ids TEXT NOT NULL DEFAULT '[]'; -- JSON array
-- When the session last started waiting (created, transferred): the team's timeout counts from it.
ALTER TABLE sessions ADD COLUMN waiting_since INTEGER;
UPDATE sessions SET waiting_since = created_at;
CREATE INDEX sessions_by_status_waiting_since ON sessions(status, waiting_since);
CREATE INDEX sessions_by_target ON sessions(target_agent_id) WHERE target_agent_id IS NOT NULL;

ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'template', 'system'));
ALTER TABLE messages ADD COLUMN template_id TEXT;
ALTER TABLE messages ADD COLUMN system TEXT; -- JSON SystemEvent
ALTER TABLE messages ADD COLUMN delivered_at INTEGER;
ALTER TABLE messages ADD COLUMN read_at INTEGER;

-- Uploaded files; the bytes are in <DATA_DIR>/files/<id>, outside any web root.
CREATE TABLE files (
  id TEXT PRIMARY KEY,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('agent', 'contact', 'system')),
  owner_id TEXT,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  mime TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('image', 'audio', 'video', 'file')),
  created_at INTEGER NOT NULL
);

CREATE TABLE message_attachments (
  message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  file_id TEXT NOT NULL REFERENCES files(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (message_id, file_id)
);
CREATE INDEX message_attachments_by_file ON message_attachments(file_id);

CREATE TABLE tags (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  color TEXT NOT NULL
);
CREATE INDEX tags_by_team ON tags(team_id);

CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX notes_by_contact ON notes(contact_id, created_at);

CREATE TABLE templates (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  language TEXT NOT NULL,
  body TEXT NOT NULL,
  variables TEXT NOT NULL DEFAULT '[]' -- JSON array
);
CREATE INDEX templates_by_team ON templates(team_id);

CREATE TABLE canned_responses (
  id TEXT PRIMARY KEY,
  team_id TEXT REFERENCES teams(id) ON DELETE CASCADE, -- NULL: every team
  shortcut TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL
);

CREATE TABLE canned_response_attachments (
  canned_response_id TEXT NOT NULL REFERENCES canned_responses(id) ON DELETE CASCADE,
  file_id TEXT NOT NULL REFERENCES files(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (canned_response_id, file_id)
);

-- Channels reached through an adapter's webhook (e.g. WhatsApp), signed with the channel's secret.
CREATE TABLE channels (
  key TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  default_team_id TEXT NOT NULL REFERENCES teams(id),
  secret TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- One row per inbound message id of a channel: a webhook delivered twice stores one message.
CREATE TABLE channel_inbound (
  channel_key TEXT NOT NULL REFERENCES channels(key) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  PRIMARY KEY (channel_key, external_id)
);
`;
