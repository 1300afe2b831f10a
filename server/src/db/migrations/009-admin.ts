/**
 * Issue 9, administration: what the admin API's resources hold beyond the earlier schemas — teams'
 * holidays, pause types, company settings (which contact fields are required), a WhatsApp channel's
 * credentials, and when each administered row last changed.
 */
export const adminSchema = `
-- Days a team does not attend, whatever its working hours (YYYY-MM-DD in the team's time zone).
CREATE TABLE team_holidays (
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (team_id, date)
);

-- The kinds of pause an agent picks, each with its time limit (NULL: none).
CREATE TABLE pause_types (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  time_limit_ms INTEGER
);

-- Company-wide settings, one JSON document per key (e.g. 'contact': which contact fields are required).
CREATE TABLE company_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- A WhatsApp Business (Cloud API) channel's credentials. The app secret, which signs the webhooks,
-- is the existing channels.secret column. The access token is never sent to any client.
ALTER TABLE channels ADD COLUMN phone_number_id TEXT;
ALTER TABLE channels ADD COLUMN business_account_id TEXT;
ALTER TABLE channels ADD COLUMN access_token TEXT;
ALTER TABLE channels ADD COLUMN verify_token TEXT;
`;
