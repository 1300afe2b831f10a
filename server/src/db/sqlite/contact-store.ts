import type { Contact } from '../../../../src/protocol/index.js';
import type { ContactRepository } from '../repository.js';
import { toContact } from './rows.js';
import { IN_LIST, listed, type SqlRunner } from './statements.js';

/** Contacts. */
export function sqliteContactStore(sql: SqlRunner): ContactRepository {
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
        'INSERT INTO contacts (id, name, email, phone, document, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        c.id,
        c.name,
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
        `UPDATE contacts SET name = ?, email = ?, phone = ?, document = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?`,
        c.name,
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
  };
}
