import type { Holiday, RecordStore, TeamRecord, WorkingHours } from '../../repository.js';
import type { Row, SqlRunner } from '../statements.js';

function toTeamRecord(row: Row, memberIds: string[], holidays: Holiday[]): TeamRecord {
  return {
    id: String(row.id),
    name: String(row.name),
    memberIds,
    waitingTimeoutMs: row.waiting_timeout_ms === null ? null : Number(row.waiting_timeout_ms),
    workingHours: row.working_hours ? (JSON.parse(String(row.working_hours)) as WorkingHours) : null,
    holidays,
  };
}

/** Teams as administered: members, waiting timeout, working hours and holidays. */
export function sqliteTeamRecords(sql: SqlRunner): RecordStore<TeamRecord> {
  const toHoliday = (row: Row): Holiday => ({ date: String(row.date), name: String(row.name) });
  return {
    async list() {
      const [rows, members, holidays] = await Promise.all([
        sql.all('SELECT * FROM teams ORDER BY id'),
        sql.all('SELECT team_id, agent_id FROM team_members ORDER BY agent_id'),
        sql.all('SELECT * FROM team_holidays ORDER BY date'),
      ]);
      return rows.map((row) =>
        toTeamRecord(
          row,
          members.filter((m) => m.team_id === row.id).map((m) => String(m.agent_id)),
          holidays.filter((h) => h.team_id === row.id).map(toHoliday),
        ),
      );
    },
    async get(id) {
      const row = await sql.get('SELECT * FROM teams WHERE id = ?', id);
      if (!row) return null;
      const members = await sql.all('SELECT agent_id FROM team_members WHERE team_id = ? ORDER BY agent_id', id);
      const holidays = await sql.all('SELECT * FROM team_holidays WHERE team_id = ? ORDER BY date', id);
      return toTeamRecord(
        row,
        members.map((m) => String(m.agent_id)),
        holidays.map(toHoliday),
      );
    },
    async put(t) {
      await sql.exec(
        `INSERT INTO teams (id, name, waiting_timeout_ms, working_hours, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, waiting_timeout_ms = excluded.waiting_timeout_ms,
           working_hours = excluded.working_hours`,
        t.id,
        t.name,
        t.waitingTimeoutMs,
        t.workingHours === null ? null : JSON.stringify(t.workingHours),
        Date.now(),
      );
      await sql.exec('DELETE FROM team_members WHERE team_id = ?', t.id);
      for (const agentId of t.memberIds) await sql.exec('INSERT INTO team_members (team_id, agent_id) VALUES (?, ?)', t.id, agentId);
      await sql.exec('DELETE FROM team_holidays WHERE team_id = ?', t.id);
      for (const h of t.holidays) await sql.exec('INSERT INTO team_holidays (team_id, date, name) VALUES (?, ?, ?)', t.id, h.date, h.name);
    },
    async remove(id) {
      return (await sql.exec('DELETE FROM teams WHERE id = ?', id)) > 0;
    },
  };
}
