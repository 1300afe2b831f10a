import type { AgentState } from '../../../../src/protocol/index.js';
import type { AgentStateRecord, AvailabilityRepository, AvailabilitySettings, PauseRecord } from '../repository.js';
import { sqliteCompanySettingsRecords } from './admin/settings-records.js';
import { marks, type Row, type SqlRunner } from './statements.js';

/** What the migration stores; also the answer when an admin removed the row. */
export const DEFAULT_AVAILABILITY_SETTINGS: AvailabilitySettings = {
  awayGraceMs: 2 * 60_000,
  sessionsOnPause: 'keep',
  sessionsOnLogout: 'keep',
  transferToUnavailable: 'refuse',
  timeZone: null,
};

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function toState(row: Row): AgentStateRecord {
  return {
    agentId: String(row.agent_id),
    state: String(row.state) as AgentState,
    pauseTypeId: row.pause_type_id === null ? null : String(row.pause_type_id),
    pauseLimitMs: num(row.pause_limit_ms),
    since: Number(row.since),
    connectedSince: num(row.connected_since),
  };
}

function toPause(row: Row): PauseRecord {
  return {
    id: String(row.id),
    agentId: String(row.agent_id),
    pauseTypeId: String(row.pause_type_id),
    pauseTypeName: String(row.pause_type_name),
    startedAt: Number(row.started_at),
    endedAt: num(row.ended_at),
    limitMs: num(row.limit_ms),
    overrunMs: num(row.overrun_ms),
  };
}

/** Agents' states, pauses and logged-in days, the availability settings, and the counters of `agent.stats`. */
export function sqliteAvailabilityStore(sql: SqlRunner): AvailabilityRepository {
  // The admin API's record (availability-settings), with the defaults for what it does not set.
  const settings = sqliteCompanySettingsRecords<Partial<AvailabilitySettings> & { id: string }>(sql, 'availability');
  return {
    async getAgentState(agentId) {
      const row = await sql.get('SELECT * FROM agent_states WHERE agent_id = ?', agentId);
      return row ? toState(row) : null;
    },
    listAgentStates: async () => (await sql.all('SELECT * FROM agent_states')).map(toState),
    async putAgentState(r) {
      await sql.exec(
        `INSERT INTO agent_states (agent_id, state, pause_type_id, pause_limit_ms, since, connected_since) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (agent_id) DO UPDATE SET state = excluded.state, pause_type_id = excluded.pause_type_id,
           pause_limit_ms = excluded.pause_limit_ms, since = excluded.since, connected_since = excluded.connected_since`,
        r.agentId,
        r.state,
        r.pauseTypeId,
        r.pauseLimitMs,
        r.since,
        r.connectedSince,
      );
    },
    async insertPause(p) {
      await sql.exec(
        `INSERT INTO agent_pauses (id, agent_id, pause_type_id, pause_type_name, started_at, limit_ms) VALUES (?, ?, ?, ?, ?, ?)`,
        p.id,
        p.agentId,
        p.pauseTypeId,
        p.pauseTypeName,
        p.startedAt,
        p.limitMs,
      );
    },
    async endOpenPause(agentId, at) {
      const row = await sql.get(
        `UPDATE agent_pauses SET ended_at = ?,
           overrun_ms = CASE WHEN limit_ms IS NULL THEN NULL WHEN ? - started_at > limit_ms THEN ? - started_at - limit_ms ELSE 0 END
         WHERE agent_id = ? AND ended_at IS NULL RETURNING *`,
        at,
        at,
        at,
        agentId,
      );
      return row ? toPause(row) : null;
    },
    async listPauses(agentId, since) {
      const rows = await sql.all(
        'SELECT * FROM agent_pauses WHERE agent_id = ? AND started_at >= ? ORDER BY started_at, rowid',
        agentId,
        since,
      );
      return rows.map(toPause);
    },
    async addLoginTime(agentId, day, ms) {
      await sql.exec(
        `INSERT INTO agent_login_days (agent_id, day, logged_in_ms) VALUES (?, ?, ?)
         ON CONFLICT (agent_id, day) DO UPDATE SET logged_in_ms = agent_login_days.logged_in_ms + excluded.logged_in_ms`,
        agentId,
        day,
        ms,
      );
    },
    async getLoginTime(agentId, day) {
      const row = await sql.get('SELECT logged_in_ms FROM agent_login_days WHERE agent_id = ? AND day = ?', agentId, day);
      return Number(row?.logged_in_ms ?? 0);
    },
    async getAvailabilitySettings() {
      const { id: _id, ...stored } = (await settings.get('availability')) ?? { id: 'availability' };
      return { ...DEFAULT_AVAILABILITY_SETTINGS, ...stored };
    },
    putAvailabilitySettings: (changed) => settings.put({ id: 'availability', ...changed }),
    async countWaitingInTeams(teamIds) {
      if (teamIds.length === 0) return 0;
      const row = await sql.get(
        `SELECT COUNT(*) AS n FROM sessions WHERE status = 'waiting' AND team_id IN (${marks(teamIds)})`,
        ...teamIds,
      );
      return Number(row?.n ?? 0);
    },
    async countInService(agentId) {
      const row = await sql.get(`SELECT COUNT(*) AS n FROM sessions WHERE agent_id = ? AND status IN ('active', 'pending')`, agentId);
      return Number(row?.n ?? 0);
    },
    async countFinishedBy(agentId, from, to) {
      const row = await sql.get(
        `SELECT COUNT(*) AS n FROM sessions WHERE agent_id = ? AND status = 'finished' AND finished_at >= ? AND finished_at < ?`,
        agentId,
        from,
        to,
      );
      return Number(row?.n ?? 0);
    },
    async updateAgentProfile(agentId, changes) {
      const columns = { nickname: 'nickname', extension: 'extension', language: 'language', photoFileId: 'photo_file_id' } as const;
      const given = (Object.keys(columns) as (keyof typeof columns)[]).filter((key) => changes[key] !== undefined);
      if (given.length === 0) return;
      await sql.exec(
        `UPDATE agents SET ${given.map((key) => `${columns[key]} = ?`).join(', ')} WHERE id = ?`,
        ...given.map((key) => changes[key]),
        agentId,
      );
    },
  };
}
