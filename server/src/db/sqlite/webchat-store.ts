import {
  WEBCHAT_CHANNEL_DEFAULTS,
  type NewWebchatChannel,
  type VisitorRecord,
  type WebchatChannelRecord,
  type WebchatRepository,
} from '../repository.js';
import { toVisitor, toWebchatChannel } from './rows.js';
import type { SqlRunner } from './statements.js';

/** Webchat channels and their visitors. */
export function sqliteWebchatStore(sql: SqlRunner): WebchatRepository {
  async function setChannelTeams(key: string, teamIds: readonly string[]): Promise<void> {
    await sql.exec('DELETE FROM webchat_channel_teams WHERE channel_key = ?', key);
    for (const [position, teamId] of teamIds.entries()) {
      await sql.exec('INSERT INTO webchat_channel_teams (channel_key, team_id, position) VALUES (?, ?, ?)', key, teamId, position);
    }
  }
  return {
    async insertWebchatChannel(input: NewWebchatChannel, createdAt: number): Promise<void> {
      const channel: WebchatChannelRecord = { ...WEBCHAT_CHANNEL_DEFAULTS, ...input };
      await sql.exec(
        `INSERT INTO webchat_channels (key, name, allowed_origins, prechat, menu, appearance, default_language, secret, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        channel.key,
        channel.name,
        JSON.stringify(channel.allowedOrigins),
        JSON.stringify(channel.prechat),
        JSON.stringify(channel.menu),
        JSON.stringify(channel.appearance),
        channel.defaultLanguage,
        channel.secret,
        createdAt,
      );
      await setChannelTeams(channel.key, channel.teamIds);
    },
    async getWebchatChannel(key: string): Promise<WebchatChannelRecord | null> {
      const row = await sql.get('SELECT * FROM webchat_channels WHERE key = ?', key);
      if (!row) return null;
      const teams = await sql.all('SELECT team_id FROM webchat_channel_teams WHERE channel_key = ? ORDER BY position', key);
      return toWebchatChannel(
        row,
        teams.map((team) => String(team.team_id)),
      );
    },
    async updateWebchatChannel(key: string, changes: Partial<Omit<WebchatChannelRecord, 'key'>>): Promise<void> {
      const columns: [string, unknown][] = [];
      if (changes.name !== undefined) columns.push(['name', changes.name]);
      if (changes.allowedOrigins !== undefined) columns.push(['allowed_origins', JSON.stringify(changes.allowedOrigins)]);
      if (changes.prechat !== undefined) columns.push(['prechat', JSON.stringify(changes.prechat)]);
      if (changes.menu !== undefined) columns.push(['menu', JSON.stringify(changes.menu)]);
      if (changes.appearance !== undefined) columns.push(['appearance', JSON.stringify(changes.appearance)]);
      if (changes.defaultLanguage !== undefined) columns.push(['default_language', changes.defaultLanguage]);
      if (changes.secret !== undefined) columns.push(['secret', changes.secret]);
      if (columns.length > 0) {
        await sql.exec(
          `UPDATE webchat_channels SET ${columns.map(([column]) => `${column} = ?`).join(', ')} WHERE key = ?`,
          ...columns.map(([, value]) => value),
          key,
        );
      }
      if (changes.teamIds !== undefined) await setChannelTeams(key, changes.teamIds);
    },
    async insertVisitor(visitor: VisitorRecord, tokenHash: string): Promise<void> {
      await sql.exec(
        'INSERT INTO visitors (id, channel_key, contact_id, token_hash, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        visitor.id,
        visitor.channelKey,
        visitor.contactId,
        tokenHash,
        visitor.userId,
        visitor.createdAt,
      );
    },
    async findVisitorByTokenHash(tokenHash: string): Promise<VisitorRecord | null> {
      const row = await sql.get('SELECT * FROM visitors WHERE token_hash = ?', tokenHash);
      return row ? toVisitor(row) : null;
    },
    async findUserContactId(channelKey: string, userId: string): Promise<string | null> {
      const row = await sql.get(
        'SELECT contact_id FROM visitors WHERE channel_key = ? AND user_id = ? ORDER BY created_at, rowid LIMIT 1',
        channelKey,
        userId,
      );
      return row ? String(row.contact_id) : null;
    },
    async adoptVisitor(visitorId: string, userId: string, tokenHash: string): Promise<void> {
      await sql.exec('UPDATE visitors SET user_id = ?, token_hash = ? WHERE id = ?', userId, tokenHash, visitorId);
    },
  };
}
