import type { Contact } from '../../../../src/protocol/index.js';
import { foldForSearch } from '../../../../src/protocol/contact-rules.js';
import type { ContactRepository, ContactSearch, ContactSearchField } from '../repository.js';
import type { SqliteDatabase } from '../sqlite.js';
import { toContact } from './rows.js';
import { IN_LIST, listed, type SqliteStatements } from './statements.js';

/** The column of each field a code-like query matches (one line per searchable field). */
const SEARCH_COLUMNS: Record<ContactSearchField, string> = {
  document: 'c.document',
  phone: 'c.phone',
  email: 'c.email',
};

/** Channel kinds whose address is the contact's phone: a contact with a phone can be reached there. */
const PHONE_CHANNELS = ['whatsapp'];

/** Above every character a prefix can be followed by: `column >= prefix AND column < prefix + END` uses the index. */
const AFTER_PREFIX = '\u{10FFFF}';

/** Escapes LIKE's wildcards in user text. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Folds the names of contacts written before migration 015 (or by a store that did not fold them). */
export function foldUnfoldedContactNames(db: SqliteDatabase): void {
  const rows = db.prepare('SELECT id, name FROM contacts WHERE search_name IS NULL').all() as { id: string; name: string }[];
  if (rows.length === 0) return;
  const fold = db.prepare('UPDATE contacts SET search_name = ? WHERE id = ?');
  db.transaction(() => rows.forEach((row) => fold.run(foldForSearch(row.name), row.id)))();
}

/** Contacts. */
export function sqliteContactStore(sql: SqliteStatements): ContactRepository {
  return {
    async getContact(id: string): Promise<Contact | null> {
      const row = await sql.get('SELECT * FROM contacts WHERE id = ?', id);
      return row ? toContact(row) : null;
    },
    async getContacts(ids: readonly string[]): Promise<Contact[]> {
      if (ids.length === 0) return [];
      return (await sql.all(`SELECT * FROM contacts WHERE id ${IN_LIST}`, listed(ids))).map(toContact);
    },
    async findContactByEmail(email: string): Promise<Contact | null> {
      const row = await sql.get('SELECT * FROM contacts WHERE email = ?', email);
      return row ? toContact(row) : null;
    },
    async findContactByPhone(phone: string): Promise<Contact | null> {
      const row = await sql.get('SELECT * FROM contacts WHERE phone = ? ORDER BY created_at LIMIT 1', phone);
      return row ? toContact(row) : null;
    },
    async insertContact(c: Contact): Promise<void> {
      await sql.exec(
        'INSERT INTO contacts (id, name, search_name, email, phone, document, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        c.id,
        c.name,
        foldForSearch(c.name),
        c.email,
        c.phone,
        c.document,
        c.createdAt,
        c.updatedAt,
        c.version,
      );
    },
    async updateContact(c: Contact, expectedVersion: number): Promise<boolean> {
      const changes = await sql.exec(
        `UPDATE contacts SET name = ?, search_name = ?, email = ?, phone = ?, document = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?`,
        c.name,
        foldForSearch(c.name),
        c.email,
        c.phone,
        c.document,
        c.updatedAt,
        c.version,
        c.id,
        expectedVersion,
      );
      return changes === 1;
    },
    async searchContacts(q: ContactSearch): Promise<Contact[]> {
      const where: string[] = [];
      const params: unknown[] = [];
      if (q.name !== null) {
        // Contains, so "silva" finds "Ana Silva"; walking the (search_name, id) index stops at the page's end.
        if (q.name !== '') {
          where.push(`c.search_name LIKE ? ESCAPE '\\'`);
          params.push(`%${escapeLike(q.name)}%`);
        }
      } else {
        if (q.keys.length === 0) return [];
        // Each key is a range or an equality on its own index; SQLite reads them as a union of index lookups.
        const matches = q.keys.map((key) => {
          const column = SEARCH_COLUMNS[key.field];
          if (key.match === 'exact') {
            params.push(key.value);
            return `${column} = ?`;
          }
          params.push(key.value, key.value + AFTER_PREFIX);
          return `(${column} >= ? AND ${column} < ?)`;
        });
        where.push(`(${matches.join(' OR ')})`);
      }
      if (q.channel !== null) {
        where.push(
          `(EXISTS (SELECT 1 FROM sessions s WHERE s.contact_id = c.id AND s.channel = ?) OR (c.phone IS NOT NULL AND ? IN (${PHONE_CHANNELS.map(() => '?').join(', ')})))`,
        );
        params.push(q.channel, q.channel, ...PHONE_CHANNELS);
      }
      if (q.after !== null) {
        where.push('(c.search_name > ? OR (c.search_name = ? AND c.id > ?))');
        params.push(q.after.searchName, q.after.searchName, q.after.id);
      }
      const rows = await sql.all(
        `SELECT c.* FROM contacts c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.search_name, c.id LIMIT ?`,
        ...params,
        q.limit,
      );
      return rows.map(toContact);
    },
  };
}
