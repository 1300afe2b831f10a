import type { Note } from '../../../../src/protocol/index.js';
import type { NoteRepository } from '../repository.js';
import { toNote } from './rows.js';
import type { SqlRunner } from './statements.js';

/** Notes on contacts. */
export function sqliteNoteStore(sql: SqlRunner): NoteRepository {
  return {
    async getNote(id: string): Promise<Note | null> {
      const row = await sql.get('SELECT * FROM notes WHERE id = ?', id);
      return row ? toNote(row) : null;
    },
    async listNotes(contactId: string): Promise<Note[]> {
      return (await sql.all('SELECT * FROM notes WHERE contact_id = ? ORDER BY created_at DESC, rowid DESC', contactId)).map(toNote);
    },
    async insertNote(n: Note): Promise<void> {
      await sql.exec(
        `INSERT INTO notes (id, contact_id, text, author_id, author_name, created_at, updated_at, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        n.id,
        n.contactId,
        n.text,
        n.authorId,
        n.authorName,
        n.createdAt,
        n.updatedAt,
        n.version,
      );
    },
    async updateNote(n: Note, expectedVersion: number): Promise<boolean> {
      const changes = await sql.exec(
        'UPDATE notes SET text = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?',
        n.text,
        n.updatedAt,
        n.version,
        n.id,
        expectedVersion,
      );
      return changes === 1;
    },
    async deleteNote(id: string): Promise<boolean> {
      return (await sql.exec('DELETE FROM notes WHERE id = ?', id)) > 0;
    },
  };
}
