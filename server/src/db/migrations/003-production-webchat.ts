/**
 * Issue 4, the production webchat: per-channel configuration (pre-chat form, menu, appearance,
 * identity-verification secret), teams' working hours, verified visitors sharing one contact on
 * every device, the contact's rating of a session and the agents' rating totals.
 */
export const productionWebchatSchema = `
-- JSON documents, read and written whole by the repository.
ALTER TABLE webchat_channels ADD COLUMN prechat TEXT NOT NULL DEFAULT '{"name":"required","email":"optional","phone":"hidden"}';
ALTER TABLE webchat_channels ADD COLUMN menu TEXT NOT NULL DEFAULT '{"prompt":null,"options":[]}';
ALTER TABLE webchat_channels ADD COLUMN appearance TEXT NOT NULL DEFAULT '{"color":"#0b6bcb","position":"right","launcherIcon":"chat","greeting":null}';
-- HMAC key of identity verification; NULL: the channel verifies no one. Never sent to clients.
ALTER TABLE webchat_channels ADD COLUMN secret TEXT;

-- JSON {timeZone, days: {"0".."6": [["08:00","18:00"], …]}}; NULL: always open.
ALTER TABLE teams ADD COLUMN working_hours TEXT;

-- Several visitors (one per device) of a verified user share one contact: contact_id is no longer
-- unique. SQLite cannot drop a constraint, so the table is rebuilt (nothing references it).
CREATE TABLE visitors_new (
  id TEXT PRIMARY KEY,
  channel_key TEXT NOT NULL REFERENCES webchat_channels(key) ON DELETE CASCADE,
  contact_id TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  user_id TEXT, -- the site's user id once verified; NULL: anonymous
  created_at INTEGER NOT NULL
);
INSERT INTO visitors_new (id, channel_key, contact_id, token_hash, user_id, created_at)
  SELECT id, channel_key, contact_id, token_hash, NULL, created_at FROM visitors;
DROP TABLE visitors;
ALTER TABLE visitors_new RENAME TO visitors;
CREATE INDEX visitors_by_contact ON visitors(contact_id);
CREATE INDEX visitors_by_user ON visitors(channel_key, user_id) WHERE user_id IS NOT NULL;

-- The owner's nickname (else name) as the contact sees it, written with agent_id.
ALTER TABLE sessions ADD COLUMN agent_name TEXT;
UPDATE sessions SET agent_name = (SELECT COALESCE(NULLIF(a.nickname, ''), a.name) FROM agents a WHERE a.id = sessions.agent_id)
  WHERE agent_id IS NOT NULL;
ALTER TABLE sessions ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE sessions ADD COLUMN rating_comment TEXT;
-- The team's recent waits, for the visitors' estimated wait.
CREATE INDEX sessions_by_team_accepted ON sessions(team_id, accepted_at) WHERE accepted_at IS NOT NULL;

-- Running totals of the ratings of each agent's sessions: the average costs one row to read.
CREATE TABLE agent_ratings (
  agent_id TEXT PRIMARY KEY REFERENCES agents(id) ON DELETE CASCADE,
  rating_sum INTEGER NOT NULL,
  rating_count INTEGER NOT NULL
);
`;
