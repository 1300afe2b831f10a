/**
 * Issue 10, the agent's workday: each agent's availability (online, paused with a type, away,
 * offline) that routing obeys, every pause recorded against its type's limit, the time logged in
 * per day, the agent's UI language, and the company's availability settings.
 */
export const availabilitySchema = `
-- One row per agent once it first connected. connected_since: when its current stretch with a socket
-- open began (NULL: none open), added to agent_login_days when it ends.
CREATE TABLE agent_states (
  agent_id TEXT PRIMARY KEY REFERENCES agents(id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('online', 'paused', 'away', 'offline')),
  pause_type_id TEXT,
  pause_limit_ms INTEGER,
  since INTEGER NOT NULL,
  connected_since INTEGER
);

-- Every pause: its type as it was (name and limit kept, the type may be renamed or removed later),
-- start, end (NULL while it lasts), and how far past the limit it ended (0 within it; NULL: no limit).
CREATE TABLE agent_pauses (
  id TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  pause_type_id TEXT NOT NULL,
  pause_type_name TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  limit_ms INTEGER,
  overrun_ms INTEGER
);
CREATE INDEX agent_pauses_by_agent ON agent_pauses (agent_id, started_at);
-- At most one open pause per agent.
CREATE UNIQUE INDEX agent_pauses_open ON agent_pauses (agent_id) WHERE ended_at IS NULL;

-- Time with a socket open, per agent and day (YYYY-MM-DD in the company's time zone, else UTC).
CREATE TABLE agent_login_days (
  agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  logged_in_ms INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (agent_id, day)
);

-- The UI language the agent chose (BCP 47); NULL: the page's.
ALTER TABLE agents ADD COLUMN language TEXT;

-- The availability settings are company_settings' 'availability' document (admin API:
-- availability-settings). Without one, the manuals' defaults apply (DEFAULT_AVAILABILITY_SETTINGS):
-- 2 minutes before an agent without a socket is away; active sessions stay the agent's on pause and
-- logout; a transfer to an agent not online is refused; "today" in UTC.
`;
