import type { QueueCursor, Session, SessionStatus } from '../../../../src/protocol/index.js';
import type { ContactHistoryFilter, QueueEntry, SessionRepository, SessionScope, SessionSearch } from '../repository.js';
import { toSession } from './rows.js';
import { marks, type SqlRunner } from './statements.js';

/** A column of the sessions table and how a session gives its value. */
type SessionColumn = readonly [name: string, value: (session: Session) => unknown];

/** The columns an update may change: one list, so an insert and an update cannot drift apart. */
const changingColumns: readonly SessionColumn[] = [
  ['status', (s) => s.status],
  ['team_id', (s) => s.teamId],
  ['agent_id', (s) => s.agentId],
  ['accepted_at', (s) => s.acceptedAt],
  ['finished_at', (s) => s.finishedAt],
  ['last_seq', (s) => s.lastSeq],
  ['last_message_at', (s) => s.lastMessageAt],
  ['last_message_text', (s) => s.lastMessageText],
  ['last_inbound_at', (s) => s.lastInboundAt],
  ['version', (s) => s.version],
  ['target_agent_id', (s) => s.targetAgentId],
  ['invited_agent_ids', (s) => JSON.stringify(s.invitedAgentIds)],
  ['tag_ids', (s) => JSON.stringify(s.tagIds)],
  ['agent_name', (s) => s.agentName],
  ['rating', (s) => s.rating],
  ['rating_comment', (s) => s.ratingComment],
];

/** Every column an insert writes: those set once (a new session waits from its creation), then the changing ones. */
const insertedColumns: readonly SessionColumn[] = [
  ['id', (s) => s.id],
  ['protocol', (s) => s.protocol],
  ['channel', (s) => s.channel],
  ['channel_key', (s) => s.channelKey],
  ['contact_id', (s) => s.contactId],
  ['created_at', (s) => s.createdAt],
  ['waiting_since', (s) => s.createdAt],
  ...changingColumns,
];

/** Ids compared by code unit, as the client's `queueOrder` does (PostgreSQL's translation makes it "C"). */
const BY_CODE_UNIT = 'COLLATE BINARY';

const INSERT_SESSION = `INSERT INTO sessions (${insertedColumns.map(([name]) => name).join(', ')}) VALUES (${marks(insertedColumns)})`;
const UPDATE_SESSION = `UPDATE sessions SET ${changingColumns.map(([name]) => `${name} = ?`).join(', ')} WHERE id = ? AND version = ?`;

/**
 * The UPDATE of the columns in `changed` (bit i: changingColumns[i]), built once per set: a message
 * changes the same few columns every time, and building and hashing the text again showed in a profile.
 */
const partialUpdates = new Map<number, string>();
function partialUpdate(changed: number): string {
  let update = partialUpdates.get(changed);
  if (update === undefined) {
    const names = changingColumns.filter((_, index) => changed & (1 << index)).map(([name]) => `${name} = ?`);
    update = `UPDATE sessions SET ${names.join(', ')} WHERE id = ? AND version = ?`;
    partialUpdates.set(changed, update);
  }
  return update;
}

/** Sessions, their protocol counter and the queries of desks, queues, searches and histories. */
export function sqliteSessionStore(sql: SqlRunner): SessionRepository {
  return {
    async nextCounter(name: string): Promise<number> {
      const row = await sql.get(
        `INSERT INTO counters (name, value) VALUES (?, 1)
         ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value`,
        name,
      );
      return Number(row!.value);
    },
    async getSession(id: string): Promise<Session | null> {
      const row = await sql.get('SELECT * FROM sessions WHERE id = ?', id);
      return row ? toSession(row) : null;
    },
    async insertSession(s: Session): Promise<void> {
      await sql.exec(INSERT_SESSION, ...insertedColumns.map(([, value]) => value(s)));
    },
    async updateSession(s: Session, expectedVersion: number, before?: Session): Promise<boolean> {
      // The version always: it is what a concurrent writer compares.
      if (!before) {
        const changes = await sql.exec(UPDATE_SESSION, ...changingColumns.map(([, value]) => value(s)), s.id, expectedVersion);
        return changes === 1;
      }
      const params: unknown[] = [];
      let changed = 0;
      for (const [index, [name, value]] of changingColumns.entries()) {
        const now = value(s);
        if (name !== 'version' && now === value(before)) continue;
        changed |= 1 << index;
        params.push(now);
      }
      const changes = await sql.exec(partialUpdate(changed), ...params, s.id, expectedVersion);
      return changes === 1;
    },
    async listSessionsByTeamsAndStatus(teamIds: readonly string[], statuses: readonly SessionStatus[]): Promise<Session[]> {
      if (teamIds.length === 0 || statuses.length === 0) return [];
      const rows = await sql.all(
        `SELECT * FROM sessions WHERE team_id IN (${marks(teamIds)}) AND status IN (${marks(statuses)}) ORDER BY created_at`,
        ...teamIds,
        ...statuses,
      );
      return rows.map(toSession);
    },
    async listSessionsByAgentAndStatus(agentId: string, statuses: readonly SessionStatus[]): Promise<Session[]> {
      if (statuses.length === 0) return [];
      const rows = await sql.all(
        `SELECT * FROM sessions WHERE agent_id = ? AND status IN (${marks(statuses)}) ORDER BY created_at`,
        agentId,
        ...statuses,
      );
      return rows.map(toSession);
    },
    async listSessionsOfContact(contactId: string, channelKey?: string): Promise<Session[]> {
      const rows =
        channelKey === undefined
          ? await sql.all('SELECT * FROM sessions WHERE contact_id = ? ORDER BY created_at DESC, rowid DESC', contactId)
          : await sql.all(
              'SELECT * FROM sessions WHERE contact_id = ? AND channel_key = ? ORDER BY created_at DESC, rowid DESC',
              contactId,
              channelKey,
            );
      return rows.map(toSession);
    },
    async listWaitingQueue(teamId: string): Promise<QueueEntry[]> {
      const rows = await sql.all(
        `SELECT id, channel, contact_id FROM sessions WHERE team_id = ? AND status = 'waiting' ORDER BY created_at, rowid`,
        teamId,
      );
      return rows.map((row) => ({
        id: String(row.id),
        channel: String(row.channel) as Session['channel'],
        contactId: String(row.contact_id),
      }));
    },
    async listRecentWaits(teamId: string, limit: number): Promise<number[]> {
      const rows = await sql.all(
        `SELECT accepted_at - COALESCE(waiting_since, created_at) AS waited FROM sessions
         WHERE team_id = ? AND accepted_at IS NOT NULL ORDER BY accepted_at DESC LIMIT ?`,
        teamId,
        limit,
      );
      return rows.map((row) => Math.max(0, Number(row.waited)));
    },
    async setWaitingSince(sessionId: string, at: number): Promise<void> {
      await sql.exec('UPDATE sessions SET waiting_since = ? WHERE id = ?', at, sessionId);
    },
    async listDeskSessions(agentId: string): Promise<Session[]> {
      const rows = await sql.all(
        `SELECT * FROM sessions s WHERE
           (s.status = 'waiting' AND s.target_agent_id = ?)
           OR (s.agent_id = ? AND s.status IN ('active', 'pending'))
           OR (s.status != 'finished' AND s.invited_agent_ids <> '[]'
               AND EXISTS (SELECT 1 FROM json_each(s.invited_agent_ids) WHERE value = ?))
         ORDER BY s.created_at, s.rowid`,
        agentId,
        agentId,
        agentId,
      );
      return rows.map(toSession);
    },
    async listWaitingPage(teamIds: readonly string[], after: QueueCursor | null, limit: number): Promise<Session[]> {
      if (teamIds.length === 0) return [];
      // Keyset paging: every session once, in order, however many join the queue meanwhile.
      const rows = await sql.all(
        `SELECT * FROM sessions s
         WHERE s.status = 'waiting' AND s.target_agent_id IS NULL AND s.team_id IN (${marks(teamIds)})
           ${after ? `AND (s.created_at > ? OR (s.created_at = ? AND s.id ${BY_CODE_UNIT} > ?))` : ''}
         ORDER BY s.created_at, s.id ${BY_CODE_UNIT} LIMIT ?`,
        ...teamIds,
        ...(after ? [after.createdAt, after.createdAt, after.id] : []),
        limit,
      );
      return rows.map(toSession);
    },
    async countWaiting(teamIds: readonly string[]): Promise<Record<string, number>> {
      const counts: Record<string, number> = Object.fromEntries(teamIds.map((id) => [id, 0]));
      if (teamIds.length === 0) return counts;
      const rows = await sql.all(
        `SELECT team_id, COUNT(*) AS waiting FROM sessions
         WHERE team_id IN (${marks(teamIds)}) AND status = 'waiting' AND target_agent_id IS NULL GROUP BY team_id`,
        ...teamIds,
      );
      for (const row of rows) counts[String(row.team_id)] = Number(row.waiting);
      return counts;
    },
    async listExpiredWaiting(now: number): Promise<Session[]> {
      const rows = await sql.all(
        `SELECT s.* FROM sessions s JOIN teams t ON t.id = s.team_id
         WHERE s.status = 'waiting' AND t.waiting_timeout_ms IS NOT NULL
           AND COALESCE(s.waiting_since, s.created_at) + t.waiting_timeout_ms <= ?
         ORDER BY s.created_at`,
        now,
      );
      return rows.map(toSession);
    },
    async searchSessions(q: SessionSearch): Promise<Session[]> {
      if (q.statuses.length === 0) return [];
      const teams = q.teamIds.length ? q.teamIds : [''];
      const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const match: string[] = [];
      const params: unknown[] = [];
      if (q.name) {
        match.push(`c.name LIKE ? ESCAPE '\\'`);
        params.push(like(q.name));
      }
      if (q.digits) {
        match.push(`c.document LIKE ? ESCAPE '\\'`, `REPLACE(c.phone, '+', '') LIKE ? ESCAPE '\\'`);
        params.push(like(q.digits), like(q.digits));
      }
      const rows = await sql.all(
        `SELECT s.* FROM sessions s JOIN contacts c ON c.id = s.contact_id
         WHERE s.status IN (${marks(q.statuses)})
           AND (
             (s.team_id IN (${marks(teams)}) AND (s.status != 'waiting' OR s.target_agent_id IS NULL OR s.target_agent_id = ?))
             OR s.agent_id = ? OR s.target_agent_id = ?
             OR EXISTS (SELECT 1 FROM json_each(s.invited_agent_ids) WHERE value = ?)
           )
           ${match.length ? `AND (${match.join(' OR ')})` : ''}
         ORDER BY COALESCE(s.last_message_at, s.created_at) DESC, s.rowid DESC
         LIMIT ?`,
        ...q.statuses,
        ...teams,
        q.agentId,
        q.agentId,
        q.agentId,
        q.agentId,
        ...params,
        q.limit,
      );
      return rows.map(toSession);
    },
    async listContactHistory(
      contactId: string,
      scope: SessionScope,
      filter: ContactHistoryFilter,
      before: number | null,
      limit: number,
    ): Promise<Session[]> {
      const where = sessionScope(scope);
      const state = { open: `AND s.status != 'finished'`, finished: `AND s.status = 'finished'` };
      const rows = await sql.all(
        `SELECT s.* FROM sessions s WHERE s.contact_id = ? AND ${where.sql}
           ${filter.exceptChannel === null ? '' : 'AND s.channel != ?'} ${filter.state === null ? '' : state[filter.state]}
           ${before === null ? '' : 'AND s.created_at < ?'}
         ORDER BY s.created_at DESC, s.rowid DESC LIMIT ?`,
        contactId,
        ...where.params,
        ...(filter.exceptChannel === null ? [] : [filter.exceptChannel]),
        ...(before === null ? [] : [before]),
        limit,
      );
      return rows.map(toSession);
    },
  };
}

/** Which sessions (`s`) the scope lets an agent see, as a condition and its parameters. */
export function sessionScope(scope: SessionScope): { sql: string; params: unknown[] } {
  if (scope.teamIds === null) return { sql: '1 = 1', params: [] };
  const teams = scope.teamIds.length ? scope.teamIds : [''];
  return {
    sql: `(s.team_id IN (${marks(teams)}) OR s.agent_id = ? OR EXISTS (SELECT 1 FROM json_each(s.invited_agent_ids) WHERE value = ?))`,
    params: [...teams, scope.agentId, scope.agentId],
  };
}
