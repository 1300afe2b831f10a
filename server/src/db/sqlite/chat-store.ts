import type { Attachment, ChatConversation, ChatMessage } from '../../../../src/protocol/index.js';
import type { ChatRepository, FileRepository } from '../repository.js';
import { toChatMessage, toFile } from './rows.js';
import { IN_LIST, listed, type Row, type SqlRunner } from './statements.js';

/** The internal chat's messages, their attachments and read marks. */
export function sqliteChatStore(sql: SqlRunner, toAttachment: FileRepository['toAttachment']): ChatRepository {
  async function withAttachments(rows: Row[]): Promise<ChatMessage[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => String(row.id));
    const files = await sql.all(
      `SELECT a.message_id, f.* FROM chat_attachments a JOIN files f ON f.id = a.file_id
       WHERE a.message_id ${IN_LIST} ORDER BY a.position`,
      listed(ids),
    );
    const byMessage = new Map<string, Attachment[]>();
    for (const file of files) {
      const list = byMessage.get(String(file.message_id)) ?? [];
      list.push(toAttachment(toFile(file)));
      byMessage.set(String(file.message_id), list);
    }
    return rows.map((row) => toChatMessage(row, byMessage.get(String(row.id)) ?? []));
  }
  return {
    async getChatMessage(id: string): Promise<ChatMessage | null> {
      const row = await sql.get('SELECT * FROM chat_messages WHERE id = ?', id);
      return row ? (await withAttachments([row]))[0]! : null;
    },
    async lastChatSeq(pairKey: string): Promise<number> {
      const row = await sql.get('SELECT MAX(seq) AS seq FROM chat_messages WHERE pair_key = ?', pairKey);
      return Number(row?.seq ?? 0);
    },
    async insertChatMessage(pairKey: string, m: ChatMessage): Promise<void> {
      await sql.exec(
        `INSERT INTO chat_messages (id, pair_key, seq, from_agent_id, to_agent_id, text, created_at, read_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        m.id,
        pairKey,
        m.seq,
        m.fromAgentId,
        m.toAgentId,
        m.text,
        m.createdAt,
        m.readAt,
      );
      for (const [position, attachment] of m.attachments.entries()) {
        await sql.exec('INSERT INTO chat_attachments (message_id, file_id, position) VALUES (?, ?, ?)', m.id, attachment.id, position);
      }
    },
    async listChatMessagesBefore(pairKey: string, beforeSeq: number | null, limit: number): Promise<ChatMessage[]> {
      const rows = await sql.all(
        'SELECT * FROM chat_messages WHERE pair_key = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
        pairKey,
        beforeSeq ?? Number.MAX_SAFE_INTEGER,
        limit,
      );
      return withAttachments(rows.reverse());
    },
    async listChatConversations(agentId: string): Promise<ChatConversation[]> {
      // The last message of each pair the agent is in (UNIQUE(pair_key, seq) indexes the lookup).
      const rows = await sql.all(
        `SELECT m.*, (SELECT COUNT(*) FROM chat_messages u
                       WHERE u.pair_key = m.pair_key AND u.to_agent_id = ? AND u.read_at IS NULL) AS unread
         FROM chat_messages m
         WHERE m.id IN (
           SELECT (SELECT x.id FROM chat_messages x WHERE x.pair_key = p.pair_key ORDER BY x.seq DESC LIMIT 1)
           FROM (SELECT DISTINCT pair_key FROM chat_messages WHERE from_agent_id = ? OR to_agent_id = ?) p)
         ORDER BY m.created_at DESC, m.id`,
        agentId,
        agentId,
        agentId,
      );
      const messages = await withAttachments(rows);
      return messages.map((lastMessage, index) => ({
        withAgentId: lastMessage.fromAgentId === agentId ? lastMessage.toAgentId : lastMessage.fromAgentId,
        lastMessage,
        unread: Number(rows[index]!.unread),
      }));
    },
    async markChatRead(pairKey: string, readerId: string, upToSeq: number, at: number): Promise<ChatMessage[]> {
      const rows = await sql.all(
        'SELECT * FROM chat_messages WHERE pair_key = ? AND to_agent_id = ? AND seq <= ? AND read_at IS NULL ORDER BY seq',
        pairKey,
        readerId,
        upToSeq,
      );
      if (rows.length === 0) return [];
      await sql.exec(
        'UPDATE chat_messages SET read_at = ? WHERE pair_key = ? AND to_agent_id = ? AND seq <= ? AND read_at IS NULL',
        at,
        pairKey,
        readerId,
        upToSeq,
      );
      return withAttachments(rows.map((row) => ({ ...row, read_at: at })));
    },
  };
}
