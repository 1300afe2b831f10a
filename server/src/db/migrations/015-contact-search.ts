/**
 * Issue 12, the contact directory: each contact's name folded for search (no accents, lower case:
 * `foldForSearch`), kept by the contact store, and ordered with the id so pages never skip or
 * repeat a contact. The rows that exist get their folded name in JavaScript when the database opens
 * (SQL has no portable way to drop accents), by openSqlite after the migrations: until then `search_name` is NULL.
 * E-mails are stored in lower case already, so their own index serves prefix searches; the
 * matrícula (migration 014) gets one too.
 */
export const contactSearchSchema = `
ALTER TABLE contacts ADD COLUMN search_name TEXT;
CREATE INDEX contacts_by_search_name ON contacts(search_name, id);
CREATE INDEX contacts_by_email ON contacts(email) WHERE email IS NOT NULL;
CREATE INDEX contacts_by_registration ON contacts(registration) WHERE registration IS NOT NULL;
`;
