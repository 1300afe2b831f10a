import type { ChannelRecord, ChannelRepository } from '../repository.js';
import { toChannel } from './rows.js';
import type { SqlRunner } from './statements.js';

/** Channels with a webhook and their inbound messages. */
export function sqliteChannelStore(sql: SqlRunner): ChannelRepository {
  return {
    async insertChannel(c: ChannelRecord, createdAt: number): Promise<void> {
      await sql.exec(
        'INSERT INTO channels (key, kind, name, default_team_id, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        c.key,
        c.kind,
        c.name,
        c.defaultTeamId,
        c.secret,
        createdAt,
      );
    },
    async getChannel(key: string): Promise<ChannelRecord | null> {
      const row = await sql.get('SELECT * FROM channels WHERE key = ?', key);
      return row ? toChannel(row) : null;
    },
    async listChannels(): Promise<ChannelRecord[]> {
      return (await sql.all('SELECT * FROM channels ORDER BY name, key')).map(toChannel);
    },
    async findInbound(channelKey: string, externalId: string): Promise<{ sessionId: string; messageId: string } | null> {
      const row = await sql.get('SELECT * FROM channel_inbound WHERE channel_key = ? AND external_id = ?', channelKey, externalId);
      return row ? { sessionId: String(row.session_id), messageId: String(row.message_id) } : null;
    },
    async insertInbound(channelKey: string, externalId: string, sessionId: string, messageId: string): Promise<void> {
      await sql.exec(
        'INSERT INTO channel_inbound (channel_key, external_id, session_id, message_id) VALUES (?, ?, ?, ?)',
        channelKey,
        externalId,
        sessionId,
        messageId,
      );
    },
  };
}
