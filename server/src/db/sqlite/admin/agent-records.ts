import type { AgentRecord, RecordStore } from '../../repository.js';
import { str } from '../rows.js';
import type { Row, SqlRunner } from '../statements.js';

function toAgentRecord(row: Row, teamIds: string[]): AgentRecord {
  return {
    id: String(row.id),
    name: String(row.name),
    email: String(row.email),
    role: String(row.role) as AgentRecord['role'],
    teamIds,
    nickname: str(row.nickname),
    extension: str(row.extension),
    photoFileId: str(row.photo_file_id),
    permissions: {
      history: Boolean(row.perm_history),
      internalChat: Boolean(row.perm_internal_chat),
      statistics: Boolean(row.perm_statistics),
      bulkActions: Boolean(row.perm_bulk_actions),
      startConversations: Boolean(row.perm_start_conversations),
    },
    active: Boolean(row.active),
    externalId: str(row.external_id),
  };
}

/** Agents as administered. A new agent has no password (an empty hash matches none) until it sets one. */
export function sqliteAgentRecords(sql: SqlRunner): RecordStore<AgentRecord> {
  const teamsOf = async (agentId: string) =>
    (await sql.all('SELECT team_id FROM team_members WHERE agent_id = ? ORDER BY team_id', agentId)).map((row) => String(row.team_id));
  return {
    async list() {
      const [rows, members] = await Promise.all([
        sql.all('SELECT * FROM agents ORDER BY id'),
        sql.all('SELECT agent_id, team_id FROM team_members ORDER BY team_id'),
      ]);
      return rows.map((row) =>
        toAgentRecord(
          row,
          members.filter((m) => m.agent_id === row.id).map((m) => String(m.team_id)),
        ),
      );
    },
    async get(id) {
      const row = await sql.get('SELECT * FROM agents WHERE id = ?', id);
      return row ? toAgentRecord(row, await teamsOf(id)) : null;
    },
    async put(a) {
      const p = a.permissions;
      await sql.exec(
        `INSERT INTO agents (id, name, email, role, nickname, extension, photo_file_id, active, external_id,
           perm_history, perm_internal_chat, perm_statistics, perm_bulk_actions, perm_start_conversations,
           password_hash, password_salt, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, role = excluded.role,
           nickname = excluded.nickname, extension = excluded.extension, photo_file_id = excluded.photo_file_id,
           active = excluded.active, external_id = excluded.external_id, perm_history = excluded.perm_history,
           perm_internal_chat = excluded.perm_internal_chat, perm_statistics = excluded.perm_statistics,
           perm_bulk_actions = excluded.perm_bulk_actions, perm_start_conversations = excluded.perm_start_conversations`,
        a.id,
        a.name,
        a.email,
        a.role,
        a.nickname,
        a.extension,
        a.photoFileId,
        a.active ? 1 : 0,
        a.externalId,
        ...[p.history, p.internalChat, p.statistics, p.bulkActions, p.startConversations].map((on) => (on ? 1 : 0)),
        Date.now(),
      );
      await sql.exec('DELETE FROM team_members WHERE agent_id = ?', a.id);
      for (const teamId of a.teamIds) await sql.exec('INSERT INTO team_members (team_id, agent_id) VALUES (?, ?)', teamId, a.id);
    },
    async remove(id) {
      return (await sql.exec('DELETE FROM agents WHERE id = ?', id)) > 0;
    },
  };
}
