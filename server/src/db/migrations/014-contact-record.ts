/**
 * Issue 12, the whole contact record (manual 004, items 2–4): the Contact tab's fields as columns,
 * the contact's tags and addresses as child tables (ordered by `position`, replaced whole on save).
 * Plain TEXT and INTEGER, so the same statements run on PostgreSQL.
 */
export const contactRecordSchema = `
ALTER TABLE contacts ADD COLUMN mother_name TEXT;
-- Informational only: never matched by channels (no index).
ALTER TABLE contacts ADD COLUMN phone2 TEXT;
ALTER TABLE contacts ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contacts ADD COLUMN account_id TEXT;
ALTER TABLE contacts ADD COLUMN classification TEXT;
ALTER TABLE contacts ADD COLUMN rg TEXT;
ALTER TABLE contacts ADD COLUMN registration TEXT;
-- YYYY-MM-DD
ALTER TABLE contacts ADD COLUMN birth_date TEXT;
ALTER TABLE contacts ADD COLUMN assigned_agent_id TEXT REFERENCES agents(id) ON DELETE SET NULL;
ALTER TABLE contacts ADD COLUMN extra1 TEXT;
ALTER TABLE contacts ADD COLUMN extra2 TEXT;
ALTER TABLE contacts ADD COLUMN extra3 TEXT;
ALTER TABLE contacts ADD COLUMN photo_file_id TEXT REFERENCES files(id);

CREATE TABLE contact_tags (
  contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  tag_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (contact_id, tag_id)
);

CREATE TABLE contact_addresses (
  contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  type TEXT,
  cep TEXT,
  street TEXT,
  number TEXT,
  complement TEXT,
  neighbourhood TEXT,
  city TEXT,
  reference TEXT,
  location TEXT,
  house_type TEXT,
  uf TEXT,
  PRIMARY KEY (contact_id, id)
);
`;
