import type { Attachment, AuthorKind, Message } from '../../../../src/protocol/index.js';
import type { FileRepository, MessageRepository } from '../repository.js';
import { toFile, toMessage } from './rows.js';
import { IN_LIST, listed, marks, type Row, type SqlRunner } from './statements.js';

/** Messages and their attachments. */
export function sqliteMessageStore(sql: SqlRunner, toAttachment: FileRepository['toAttachment']): MessageRepository {
  async function withAttachments(rows: Row[]): Promise<Message[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => String(row.id));
    const files = await sql.all(
      `SELECT a.message_id, f.* FROM message_attachments a JOIN files f ON f.id = a.file_id
       WHERE a.message_id ${IN_LIST} ORDER BY a.position`,
      listed(ids),
    );
    const byMessage = new Map<string, Attachment[]>();
    for (const file of files) {
      const list = byMessage.get(String(file.message_id)) ?? [];
      list.push(toAttachment(toFile(file)));
      byMessage.set(String(file.message_id), list);
    }
    return rows.map((row) => toMessage(row, byMessage.get(String(row.id)) ?? []));
  }
  return {
    async getMessage(id: string): Promise<Message | null> {
      const row = await sql.get('SELECT * FROM messages WHERE id = ?', id);
      return row ? (await withAttachments([row]))[0]! : null;
    },
    async insertMessage(m: Message): Promise<void> {
      await sql.exec(
        `INSERT INTO messages (id, session_id, seq, author_kind, author_id, author_name, text, created_at,
           kind, template_id, system, delivered_at, read_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        m.id,
        m.sessionId,
        m.seq,
        m.authorKind,
        m.authorId,
        m.authorName,
        m.text,
        m.createdAt,
        m.kind,
        m.templateId,
        m.system === null ? null : JSON.stringify(m.system),
        m.deliveredAt,
        m.readAt,
      );
      for (const [position, attachment] of m.attachments.entries()) {
        await sql.exec('INSERT INTO message_attachments (message_id, file_id, position) VALUES (?, ?, ?)', m.id, attachment.id, position);
      }
    },
    async listMessagesAfter(sessionId: string, afterSeq: number, limit = -1): Promise<Message[]> {
      const rows = await sql.all(
        'SELECT * FROM messages WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?',
        sessionId,
        afterSeq,
        limit,
      );
      return withAttachments(rows);
    },
    async listMessagesBefore(sessionId: string, beforeSeq: number | null, limit: number): Promise<Message[]> {
      const rows = await sql.all(
        'SELECT * FROM messages WHERE session_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
        sessionId,
        beforeSeq ?? Number.MAX_SAFE_INTEGER,
        limit,
      );
      return withAttachments(rows.reverse());
    },
    async countMessages(sessionId: string): Promise<number> {
      const row = await sql.get('SELECT COUNT(*) AS n FROM messages WHERE session_id = ?', sessionId);
      return Number(row?.n ?? 0);
    },
    async markMessages(
      sessionId: string,
      upToSeq: number,
      authorKinds: readonly AuthorKind[],
      status: 'delivered' | 'read',
      at: number,
    ): Promise<number> {
      if (authorKinds.length === 0) return 0;
      const kinds = marks(authorKinds);
      return status === 'delivered'
        ? sql.exec(
            `UPDATE messages SET delivered_at = ? WHERE session_id = ? AND seq <= ? AND author_kind IN (${kinds}) AND delivered_at IS NULL`,
            at,
            sessionId,
            upToSeq,
            ...authorKinds,
          )
        : sql.exec(
            `UPDATE messages SET delivered_at = COALESCE(delivered_at, ?), read_at = ?
             WHERE session_id = ? AND seq <= ? AND author_kind IN (${kinds}) AND read_at IS NULL`,
            at,
            at,
            sessionId,
            upToSeq,
            ...authorKinds,
          );
    },
  };
}
