import type { Attachment, GalleryItem } from '../../../../src/protocol/index.js';
import type { FileRecord, FileRepository, FileUrl, SessionScope } from '../repository.js';
import { toFile } from './rows.js';
import { sessionScope } from './session-store.js';
import type { SqlRunner } from './statements.js';

/** Files' metadata and the contact's gallery. */
export function sqliteFileStore(sql: SqlRunner, fileUrl: FileUrl): FileRepository {
  const toAttachment = (file: FileRecord): Attachment => ({
    id: file.id,
    name: file.name,
    size: file.size,
    mime: file.mime,
    kind: file.kind,
    url: fileUrl(file),
  });
  return {
    async insertFile(f: FileRecord): Promise<void> {
      await sql.exec(
        'INSERT INTO files (id, owner_kind, owner_id, name, size, mime, kind, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        f.id,
        f.ownerKind,
        f.ownerId,
        f.name,
        f.size,
        f.mime,
        f.kind,
        f.createdAt,
      );
    },
    async getFile(id: string): Promise<FileRecord | null> {
      const row = await sql.get('SELECT * FROM files WHERE id = ?', id);
      return row ? toFile(row) : null;
    },
    toAttachment,
    async listGallery(contactId: string, scope: SessionScope, limit: number): Promise<GalleryItem[]> {
      const where = sessionScope(scope);
      const rows = await sql.all(
        `SELECT f.*, m.id AS message_id, m.session_id, m.created_at AS sent_at
         FROM sessions s JOIN messages m ON m.session_id = s.id
           JOIN message_attachments a ON a.message_id = m.id JOIN files f ON f.id = a.file_id
         WHERE s.contact_id = ? AND ${where.sql}
         ORDER BY m.created_at DESC, m.seq DESC, a.position LIMIT ?`,
        contactId,
        ...where.params,
        limit,
      );
      return rows.map((row) => ({
        ...toAttachment(toFile(row)),
        sessionId: String(row.session_id),
        messageId: String(row.message_id),
        createdAt: Number(row.sent_at),
      }));
    },
  };
}
