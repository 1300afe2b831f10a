/**
 * Issue 10, the internal chat between agents: messages of a pair of agents, numbered per pair,
 * their attachments (uploaded files, by id) and the recipient's read mark.
 */
export const internalChatSchema = `
CREATE TABLE chat_messages (
  id TEXT PRIMARY KEY,
  -- The two agents' ids, sorted and joined by a space: one conversation whoever writes.
  pair_key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  from_agent_id TEXT NOT NULL REFERENCES agents(id),
  to_agent_id TEXT NOT NULL REFERENCES agents(id),
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  read_at INTEGER,
  UNIQUE (pair_key, seq)
);
-- Unread counts: a recipient's messages not read yet.
CREATE INDEX chat_messages_unread ON chat_messages(to_agent_id, from_agent_id) WHERE read_at IS NULL;
CREATE INDEX chat_messages_by_sender ON chat_messages(from_agent_id);
CREATE INDEX chat_messages_by_recipient ON chat_messages(to_agent_id);

CREATE TABLE chat_attachments (
  message_id TEXT NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
  file_id TEXT NOT NULL REFERENCES files(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (message_id, file_id)
);
`;
