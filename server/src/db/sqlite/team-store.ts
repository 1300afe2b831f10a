import type { Agent, Team } from '../../../../src/protocol/index.js';
import type { AgentAccount, StoredAgentAccount, TeamRepository, WorkingHours } from '../repository.js';
import type { Row } from './statements.js';
import { str, toAgent, toTeam } from './rows.js';
import { marks, type SqlRunner } from './statements.js';

/** Agents with their rating totals (`rating_sum`, `rating_count`). */
const AGENT_SELECT = 'SELECT a.*, r.rating_sum, r.rating_count FROM agents a LEFT JOIN agent_ratings r ON r.agent_id = a.id';

/** Teams, agents, their memberships and rating totals. */
/** `photoUrl`: the signed url of an agent's photo file. */
export function sqliteTeamStore(sql: SqlRunner, photoUrl: (fileId: string) => string = (id) => `/api/files/${id}`): TeamRepository {
  async function teamIdsOf(agentId: string): Promise<string[]> {
    const rows = await sql.all(
      `SELECT m.team_id FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.agent_id = ? ORDER BY t.name`,
      agentId,
    );
    return rows.map((row) => String(row.team_id));
  }
  async function toAccount(row: Row): Promise<StoredAgentAccount> {
    const agent = toAgent(row, await teamIdsOf(String(row.id)), photoUrl);
    return {
      ...agent,
      passwordHash: String(row.password_hash),
      passwordSalt: String(row.password_salt),
      active: Boolean(row.active),
      externalId: str(row.external_id),
    };
  }
  const store: TeamRepository = {
    async insertTeam(team: Team, createdAt: number, waitingTimeoutMs: number | null = null): Promise<void> {
      await sql.exec(
        'INSERT INTO teams (id, name, created_at, waiting_timeout_ms) VALUES (?, ?, ?, ?)',
        team.id,
        team.name,
        createdAt,
        waitingTimeoutMs,
      );
    },
    async setTeamWaitingTimeout(teamId: string, waitingTimeoutMs: number | null): Promise<void> {
      await sql.exec('UPDATE teams SET waiting_timeout_ms = ? WHERE id = ?', waitingTimeoutMs, teamId);
    },
    async setTeamWorkingHours(teamId: string, hours: WorkingHours | null): Promise<void> {
      await sql.exec('UPDATE teams SET working_hours = ? WHERE id = ?', hours === null ? null : JSON.stringify(hours), teamId);
    },
    async getWorkingHours(teamIds: readonly string[]): Promise<Map<string, WorkingHours | null>> {
      if (teamIds.length === 0) return new Map();
      const rows = await sql.all(`SELECT id, working_hours FROM teams WHERE id IN (${marks(teamIds)})`, ...teamIds);
      const holidays = await sql.all(`SELECT team_id, date FROM team_holidays WHERE team_id IN (${marks(teamIds)})`, ...teamIds);
      return new Map(
        rows.map((row) => {
          if (!row.working_hours) return [String(row.id), null];
          const hours = JSON.parse(String(row.working_hours)) as WorkingHours;
          const closed = holidays.filter((holiday) => holiday.team_id === row.id).map((holiday) => String(holiday.date));
          return [String(row.id), closed.length ? { ...hours, holidays: closed } : hours];
        }),
      );
    },
    async listAllTeams(): Promise<Team[]> {
      return (await sql.all('SELECT id, name FROM teams ORDER BY name')).map(toTeam);
    },
    async listAgents(): Promise<Agent[]> {
      const [rows, members] = await Promise.all([
        sql.all(`${AGENT_SELECT} ORDER BY a.name`),
        sql.all('SELECT m.agent_id, m.team_id FROM team_members m JOIN teams t ON t.id = m.team_id ORDER BY t.name'),
      ]);
      const teamsOf = new Map<string, string[]>();
      for (const m of members) teamsOf.set(String(m.agent_id), [...(teamsOf.get(String(m.agent_id)) ?? []), String(m.team_id)]);
      return rows.map((row) => toAgent(row, teamsOf.get(String(row.id)) ?? [], photoUrl));
    },
    async getTeam(id: string): Promise<Team | null> {
      const row = await sql.get('SELECT id, name FROM teams WHERE id = ?', id);
      return row ? toTeam(row) : null;
    },
    async listTeams(ids: readonly string[]): Promise<Team[]> {
      if (ids.length === 0) return [];
      const rows = await sql.all(`SELECT id, name FROM teams WHERE id IN (${marks(ids)}) ORDER BY name`, ...ids);
      return rows.map(toTeam);
    },
    async countAgents(): Promise<number> {
      const row = await sql.get('SELECT COUNT(*) AS n FROM agents');
      return Number(row?.n ?? 0);
    },
    async insertAgent(agent: Omit<AgentAccount, 'rating' | 'photoUrl' | 'language'>, createdAt: number): Promise<void> {
      await sql.exec(
        `INSERT INTO agents (id, name, email, nickname, extension, password_hash, password_salt, created_at, role,
           perm_history, perm_internal_chat, perm_statistics, perm_bulk_actions, perm_start_conversations)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        agent.id,
        agent.name,
        agent.email,
        agent.nickname,
        agent.extension,
        agent.passwordHash,
        agent.passwordSalt,
        createdAt,
        agent.role,
        agent.permissions.history ? 1 : 0,
        agent.permissions.internalChat ? 1 : 0,
        agent.permissions.statistics ? 1 : 0,
        agent.permissions.bulkActions ? 1 : 0,
        agent.permissions.startConversations ? 1 : 0,
      );
      for (const teamId of agent.teamIds) await store.addTeamMember(teamId, agent.id);
    },
    async addTeamMember(teamId: string, agentId: string): Promise<void> {
      await sql.exec('INSERT OR IGNORE INTO team_members (team_id, agent_id) VALUES (?, ?)', teamId, agentId);
    },
    async getAgent(id: string): Promise<Agent | null> {
      const row = await sql.get(`${AGENT_SELECT} WHERE a.id = ?`, id);
      return row ? toAgent(row, await teamIdsOf(id), photoUrl) : null;
    },
    async findAgentAccountByEmail(email: string): Promise<StoredAgentAccount | null> {
      const row = await sql.get(`${AGENT_SELECT} WHERE a.email = ?`, email);
      return row ? toAccount(row) : null;
    },
    async findAgentAccountByExternalId(externalId: string): Promise<StoredAgentAccount | null> {
      const row = await sql.get(`${AGENT_SELECT} WHERE a.external_id = ?`, externalId);
      return row ? toAccount(row) : null;
    },
    async setAgentExternalId(agentId: string, externalId: string | null): Promise<void> {
      await sql.exec('UPDATE agents SET external_id = ? WHERE id = ?', externalId, agentId);
    },
    async addAgentRating(agentId: string, score: number): Promise<void> {
      await sql.exec(
        `INSERT INTO agent_ratings (agent_id, rating_sum, rating_count) VALUES (?, ?, 1)
         ON CONFLICT (agent_id) DO UPDATE SET rating_sum = agent_ratings.rating_sum + excluded.rating_sum, rating_count = agent_ratings.rating_count + 1`,
        agentId,
        score,
      );
    },
  };
  return store;
}
