import type { Contact, ContactAddress } from '../../../../src/protocol/index.js';
import { foldForSearch } from '../../../../src/protocol/contact-rules.js';
import type { ContactRepository, ContactSearch, ContactSearchField, ContactUniqueField } from '../repository.js';
import { toContact, toContactAddress } from './rows.js';
import { IN_LIST, listed, type Row, type SqlRunner } from './statements.js';

/** The column of each field a code-like query matches (one line per searchable field). */
const SEARCH_COLUMNS: Record<ContactSearchField, string> = {
  document: 'c.document',
  phone: 'c.phone',
  email: 'c.email',
  registration: 'c.registration',
};

/** Channel kinds whose address is the contact's phone: a contact with a phone can be reached there. */
const PHONE_CHANNELS = ['whatsapp'];

/** Above every character a prefix can be followed by: `column >= prefix AND column < prefix + END` uses the index. */
const AFTER_PREFIX = '\u{10FFFF}';

/** Escapes LIKE's wildcards in user text. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The columns of a contact's own row, in the order `contactRow` gives their values. */
const COLUMNS = [
  'name', 'search_name', 'email', 'phone', 'document', 'mother_name', 'phone2', 'active', 'account_id', 'classification', 'rg',
  'registration', 'birth_date', 'assigned_agent_id', 'extra1', 'extra2', 'extra3', 'photo_file_id', 'updated_at', 'version',
] as const; // prettier-ignore
const ADDRESS_COLUMNS =
  'contact_id, id, position, type, cep, street, number, complement, neighbourhood, city, reference, location, house_type, uf';

/** The column each unique-by-company field is stored in. */
const UNIQUE_COLUMN: Record<ContactUniqueField, string> = { phone: 'phone', email: 'email', document: 'document' };

/** Contacts, with their tags and addresses (child rows replaced whole on every write). `photoUrl` signs the photo's file id. */
export function sqliteContactStore(sql: SqlRunner, photoUrl: (fileId: string) => string = (id) => `/api/files/${id}`): ContactRepository {
  /** Rows → contacts with their tags and addresses, two queries for any number of contacts. */
  async function withChildren(rows: Row[]): Promise<Contact[]> {
    if (rows.length === 0) return [];
    const ids = listed(rows.map((row) => String(row.id)));
    const tags = new Map<string, string[]>();
    for (const row of await sql.all(`SELECT contact_id, tag_id FROM contact_tags WHERE contact_id ${IN_LIST} ORDER BY position`, ids)) {
      const list = tags.get(String(row.contact_id)) ?? [];
      list.push(String(row.tag_id));
      tags.set(String(row.contact_id), list);
    }
    const addresses = new Map<string, ContactAddress[]>();
    for (const row of await sql.all(`SELECT * FROM contact_addresses WHERE contact_id ${IN_LIST} ORDER BY position`, ids)) {
      const list = addresses.get(String(row.contact_id)) ?? [];
      list.push(toContactAddress(row));
      addresses.set(String(row.contact_id), list);
    }
    return rows.map((row) =>
      toContact(row, { tagIds: tags.get(String(row.id)) ?? [], addresses: addresses.get(String(row.id)) ?? [] }, photoUrl),
    );
  }
  /**
   * One row → its contact, with `contact_id = ?`: a visitor's every message reads its contact, and
   * json_each's list (for any number of contacts) costs more than the two lookups themselves.
   */
  async function one(row: Row | undefined): Promise<Contact | null> {
    if (!row) return null;
    const id = String(row.id);
    const tagRows = await sql.all('SELECT tag_id FROM contact_tags WHERE contact_id = ? ORDER BY position', id);
    const addressRows = await sql.all('SELECT * FROM contact_addresses WHERE contact_id = ? ORDER BY position', id);
    return toContact(row, { tagIds: tagRows.map((tag) => String(tag.tag_id)), addresses: addressRows.map(toContactAddress) }, photoUrl);
  }

  async function writeChildren(c: Contact): Promise<void> {
    await sql.exec('DELETE FROM contact_tags WHERE contact_id = ?', c.id);
    for (const [position, tagId] of c.tagIds.entries()) {
      await sql.exec('INSERT INTO contact_tags (contact_id, tag_id, position) VALUES (?, ?, ?)', c.id, tagId, position);
    }
    await sql.exec('DELETE FROM contact_addresses WHERE contact_id = ?', c.id);
    for (const [position, a] of c.addresses.entries()) {
      await sql.exec(
        `INSERT INTO contact_addresses (${ADDRESS_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        c.id, a.id, position, a.type, a.cep, a.street, a.number, a.complement, a.neighbourhood, a.city, a.reference,
        a.location, a.houseType, a.uf,
      ); // prettier-ignore
    }
  }

  return {
    async getContact(id: string): Promise<Contact | null> {
      return one(await sql.get('SELECT * FROM contacts WHERE id = ?', id));
    },
    async getContacts(ids: readonly string[]): Promise<Contact[]> {
      if (ids.length === 0) return [];
      return withChildren(await sql.all(`SELECT * FROM contacts WHERE id ${IN_LIST}`, listed(ids)));
    },
    async findContactByEmail(email: string): Promise<Contact | null> {
      return one(await sql.get('SELECT * FROM contacts WHERE email = ?', email));
    },
    async findContactByPhone(phone: string): Promise<Contact | null> {
      return one(await sql.get('SELECT * FROM contacts WHERE phone = ? ORDER BY created_at LIMIT 1', phone));
    },
    async findOtherContactWith(field: ContactUniqueField, value: string, exceptId: string): Promise<{ id: string; name: string } | null> {
      const row = await sql.get(
        `SELECT id, name FROM contacts WHERE ${UNIQUE_COLUMN[field]} = ? AND id <> ? ORDER BY created_at LIMIT 1`,
        value,
        exceptId,
      );
      return row ? { id: String(row.id), name: String(row.name) } : null;
    },
    async insertContact(c: Contact): Promise<void> {
      await sql.exec(
        `INSERT INTO contacts (id, created_at, ${COLUMNS.join(', ')}) VALUES (?, ?, ${COLUMNS.map(() => '?').join(', ')})`,
        c.id,
        c.createdAt,
        ...contactRow(c),
      );
      await writeChildren(c);
    },
    async updateContact(c: Contact, expectedVersion: number): Promise<boolean> {
      const changes = await sql.exec(
        `UPDATE contacts SET ${COLUMNS.map((column) => `${column} = ?`).join(', ')} WHERE id = ? AND version = ?`,
        ...contactRow(c),
        c.id,
        expectedVersion,
      );
      if (changes !== 1) return false;
      await writeChildren(c);
      return true;
    },
    async searchContacts(q: ContactSearch): Promise<Contact[]> {
      const where: string[] = [];
      const params: unknown[] = [];
      const matches: string[] = [];
      if (q.name) {
        // Contains, so "silva" finds "Ana Silva"; walking the (search_name, id) index stops at the page's end.
        matches.push(`c.search_name LIKE ? ESCAPE '\\'`);
        params.push(`%${escapeLike(q.name)}%`);
      }
      // Each key is a range or an equality on its own index. Alone, SQLite reads them as a union of index
      // lookups; beside a name, as a list of ids found first, so the name's scan stays on its index
      // (which holds the id) instead of reading every row for the key's column.
      for (const key of q.keys) {
        const column = SEARCH_COLUMNS[key.field];
        const condition = key.match === 'exact' ? `${column} = ?` : `(${column} >= ? AND ${column} < ?)`;
        params.push(...(key.match === 'exact' ? [key.value] : [key.value, key.value + AFTER_PREFIX]));
        matches.push(q.name ? `c.id IN (SELECT c.id FROM contacts c WHERE ${condition})` : condition);
      }
      // An empty query lists everyone; a query that can match nothing (too few digits) finds no one.
      if (matches.length) where.push(`(${matches.join(' OR ')})`);
      else if (q.name === null) return [];
      if (q.channel !== null) {
        where.push(
          `(EXISTS (SELECT 1 FROM sessions s WHERE s.contact_id = c.id AND s.channel = ?) OR (c.phone IS NOT NULL AND ? IN (${PHONE_CHANNELS.map(() => '?').join(', ')})))`,
        );
        params.push(q.channel, q.channel, ...PHONE_CHANNELS);
      }
      if (q.accountId !== null) {
        where.push('c.account_id = ?');
        params.push(q.accountId);
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
      return withChildren(rows);
    },
  };
}

/** The values of `COLUMNS`, in order. */
function contactRow(c: Contact): (string | number | null)[] {
  return [
    c.name, foldForSearch(c.name), c.email, c.phone, c.document, c.motherName, c.phone2, c.active ? 1 : 0, c.accountId, c.classification, c.rg,
    c.registration, c.birthDate, c.assignedAgentId, c.extra1, c.extra2, c.extra3, c.photo?.fileId ?? null, c.updatedAt, c.version,
  ]; // prettier-ignore
}
