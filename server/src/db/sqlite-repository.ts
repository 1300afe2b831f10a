import type {
  Agent,
  Attachment,
  AuthorKind,
  CannedResponse,
  Contact,
  GalleryItem,
  Message,
  Note,
  Session,
  SessionStatus,
  SystemEvent,
  Tag,
  Team,
  Template,
} from '../../../src/protocol/index.js';
import type {
  AgentAccount,
  ChannelRecord,
  FileRecord,
  NewWebchatChannel,
  QueueEntry,
  Repository,
  SessionScope,
  SessionSearch,
  VisitorRecord,
  WebchatChannelRecord,
} from './repository.js';
import { WEBCHAT_CHANNEL_DEFAULTS } from './repository.js';
import type { WorkingHours } from '../domain/working-hours.js';
import type { SqliteDatabase } from './sqlite.js';

type Row = Record<string, unknown>;

/**
 * The Repository on one better-sqlite3 connection. A single connection has a single transaction,
 * so transactions (which await between statements) are queued by a mutex, and a statement issued
 * outside any transaction waits for the open one to end instead of slipping into it.
 */
export class SqliteRepository implements Repository {
  readonly #db: SqliteDatabase;
  readonly #lock: Mutex;
  readonly #inTransaction: boolean;
  readonly #fileUrl: (file: FileRecord) => string;

  /** `fileUrl` signs an attachment's download url (fresh on every read). */
  constructor(db: SqliteDatabase, fileUrl: (file: FileRecord) => string = (file) => `/api/files/${file.id}`, lock = new Mutex(), inTransaction = false) {
    this.#db = db;
    this.#fileUrl = fileUrl;
    this.#lock = lock;
    this.#inTransaction = inTransaction;
  }

  async transaction<T>(fn: (tx: Repository) => Promise<T>): Promise<T> {
    if (this.#inTransaction) return fn(this); // nested: part of the open transaction
    return this.#lock.run(async () => {
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(new SqliteRepository(this.#db, this.#fileUrl, this.#lock, true));
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  /** One statement (or a few, synchronously): directly inside a transaction, else after it. */
  #run<T>(fn: (db: SqliteDatabase) => T): Promise<T> {
    if (this.#inTransaction) return Promise.resolve().then(() => fn(this.#db));
    return this.#lock.run(async () => fn(this.#db));
  }

  #all(sql: string, ...params: unknown[]): Promise<Row[]> {
    return this.#run((db) => db.prepare(sql).all(...params) as Row[]);
  }
  #get(sql: string, ...params: unknown[]): Promise<Row | undefined> {
    return this.#run((db) => db.prepare(sql).get(...params) as Row | undefined);
  }
  #exec(sql: string, ...params: unknown[]): Promise<number> {
    return this.#run((db) => db.prepare(sql).run(...params).changes);
  }

  // Teams and agents

  async insertTeam(team: Team, createdAt: number, waitingTimeoutMs: number | null = null): Promise<void> {
    await this.#exec(
      'INSERT INTO teams (id, name, created_at, waiting_timeout_ms) VALUES (?, ?, ?, ?)',
      team.id, team.name, createdAt, waitingTimeoutMs,
    );
  }
  async setTeamWaitingTimeout(teamId: string, waitingTimeoutMs: number | null): Promise<void> {
    await this.#exec('UPDATE teams SET waiting_timeout_ms = ? WHERE id = ?', waitingTimeoutMs, teamId);
  }
  async setTeamWorkingHours(teamId: string, hours: WorkingHours | null): Promise<void> {
    await this.#exec('UPDATE teams SET working_hours = ? WHERE id = ?', hours === null ? null : JSON.stringify(hours), teamId);
  }
  async getWorkingHours(teamIds: readonly string[]): Promise<Map<string, WorkingHours | null>> {
    if (teamIds.length === 0) return new Map();
    const rows = await this.#all(`SELECT id, working_hours FROM teams WHERE id IN (${marks(teamIds)})`, ...teamIds);
    return new Map(rows.map((row) => [String(row.id), row.working_hours ? (JSON.parse(String(row.working_hours)) as WorkingHours) : null]));
  }
  async listAllTeams(): Promise<Team[]> {
    return (await this.#all('SELECT id, name FROM teams ORDER BY name')).map(toTeam);
  }
  async listAgents(): Promise<Agent[]> {
    const [rows, members] = await Promise.all([
      this.#all(`${AGENT_SELECT} ORDER BY a.name`),
      this.#all('SELECT m.agent_id, m.team_id FROM team_members m JOIN teams t ON t.id = m.team_id ORDER BY t.name'),
    ]);
    const teamsOf = new Map<string, string[]>();
    for (const m of members) teamsOf.set(String(m.agent_id), [...(teamsOf.get(String(m.agent_id)) ?? []), String(m.team_id)]);
    return rows.map((row) => toAgent(row, teamsOf.get(String(row.id)) ?? []));
  }
  async getTeam(id: string): Promise<Team | null> {
    const row = await this.#get('SELECT id, name FROM teams WHERE id = ?', id);
    return row ? toTeam(row) : null;
  }
  async listTeams(ids: readonly string[]): Promise<Team[]> {
    if (ids.length === 0) return [];
    const rows = await this.#all(`SELECT id, name FROM teams WHERE id IN (${marks(ids)}) ORDER BY name`, ...ids);
    return rows.map(toTeam);
  }
  async countAgents(): Promise<number> {
    const row = await this.#get('SELECT COUNT(*) AS n FROM agents');
    return Number(row?.n ?? 0);
  }
  async insertAgent(agent: Omit<AgentAccount, 'rating'>, createdAt: number): Promise<void> {
    await this.#exec(
      `INSERT INTO agents (id, name, email, nickname, extension, password_hash, password_salt, created_at, perm_history, perm_internal_chat)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      agent.id, agent.name, agent.email, agent.nickname, agent.extension, agent.passwordHash, agent.passwordSalt, createdAt,
      agent.permissions.history ? 1 : 0, agent.permissions.internalChat ? 1 : 0,
    );
    for (const teamId of agent.teamIds) await this.addTeamMember(teamId, agent.id);
  }
  async addTeamMember(teamId: string, agentId: string): Promise<void> {
    await this.#exec('INSERT OR IGNORE INTO team_members (team_id, agent_id) VALUES (?, ?)', teamId, agentId);
  }
  async getAgent(id: string): Promise<Agent | null> {
    const row = await this.#get(`${AGENT_SELECT} WHERE a.id = ?`, id);
    return row ? toAgent(row, await this.#teamIdsOf(id)) : null;
  }
  async findAgentAccountByEmail(email: string): Promise<AgentAccount | null> {
    const row = await this.#get(`${AGENT_SELECT} WHERE a.email = ?`, email);
    if (!row) return null;
    const agent = toAgent(row, await this.#teamIdsOf(String(row.id)));
    return { ...agent, passwordHash: String(row.password_hash), passwordSalt: String(row.password_salt) };
  }
  async #teamIdsOf(agentId: string): Promise<string[]> {
    const rows = await this.#all(
      `SELECT m.team_id FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.agent_id = ? ORDER BY t.name`,
      agentId,
    );
    return rows.map((row) => String(row.team_id));
  }

  // Agent login

  async insertAuthToken(tokenHash: string, agentId: string, createdAt: number): Promise<void> {
    await this.#exec('INSERT INTO auth_tokens (token_hash, agent_id, created_at) VALUES (?, ?, ?)', tokenHash, agentId, createdAt);
  }
  async findAgentIdByTokenHash(tokenHash: string): Promise<string | null> {
    const row = await this.#get('SELECT agent_id FROM auth_tokens WHERE token_hash = ?', tokenHash);
    return row ? String(row.agent_id) : null;
  }
  async deleteAuthToken(tokenHash: string): Promise<boolean> {
    return (await this.#exec('DELETE FROM auth_tokens WHERE token_hash = ?', tokenHash)) > 0;
  }
  async getLoginFailures(email: string, address: string): Promise<{ count: number; lastAt: number } | null> {
    const row = await this.#get('SELECT failures, last_failed_at FROM login_throttle WHERE email = ? AND address = ?', email, address);
    return row ? { count: Number(row.failures), lastAt: Number(row.last_failed_at) } : null;
  }
  async recordLoginFailure(email: string, address: string, at: number, forgetBefore: number): Promise<void> {
    await this.#exec(
      `INSERT INTO login_throttle (email, address, failures, last_failed_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (email, address) DO UPDATE SET failures = failures + 1, last_failed_at = excluded.last_failed_at`,
      email, address, at,
    );
    await this.#exec('DELETE FROM login_address_failures WHERE address = ? AND failed_at < ?', address, forgetBefore);
    await this.#exec('INSERT INTO login_address_failures (address, failed_at) VALUES (?, ?)', address, at);
  }
  async addressLoginFailuresSince(address: string, since: number): Promise<{ count: number; oldestAt: number | null }> {
    const row = await this.#get('SELECT COUNT(*) AS n, MIN(failed_at) AS oldest FROM login_address_failures WHERE address = ? AND failed_at >= ?', address, since);
    return { count: Number(row?.n ?? 0), oldestAt: row?.oldest == null ? null : Number(row.oldest) };
  }
  async clearLoginFailures(email: string, address: string): Promise<void> {
    await this.#exec('DELETE FROM login_throttle WHERE email = ? AND address = ?', email, address);
  }

  // Contacts

  async getContact(id: string): Promise<Contact | null> {
    const row = await this.#get('SELECT * FROM contacts WHERE id = ?', id);
    return row ? toContact(row) : null;
  }
  async getContacts(ids: readonly string[]): Promise<Contact[]> {
    if (ids.length === 0) return [];
    return (await this.#all(`SELECT * FROM contacts WHERE id IN (${marks(ids)})`, ...ids)).map(toContact);
  }
  async findContactByEmail(email: string): Promise<Contact | null> {
    const row = await this.#get('SELECT * FROM contacts WHERE email = ?', email);
    return row ? toContact(row) : null;
  }
  async findContactByPhone(phone: string): Promise<Contact | null> {
    const row = await this.#get('SELECT * FROM contacts WHERE phone = ? ORDER BY created_at LIMIT 1', phone);
    return row ? toContact(row) : null;
  }
  async insertContact(c: Contact): Promise<void> {
    await this.#exec(
      'INSERT INTO contacts (id, name, email, phone, document, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      c.id, c.name, c.email, c.phone, c.document, c.createdAt, c.updatedAt, c.version,
    );
  }
  async updateContact(c: Contact, expectedVersion: number): Promise<boolean> {
    const changes = await this.#exec(
      `UPDATE contacts SET name = ?, email = ?, phone = ?, document = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?`,
      c.name, c.email, c.phone, c.document, c.updatedAt, c.version, c.id, expectedVersion,
    );
    return changes === 1;
  }

  // Sessions and messages

  async nextCounter(name: string): Promise<number> {
    const row = await this.#get(
      `INSERT INTO counters (name, value) VALUES (?, 1)
       ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
      name,
    );
    return Number(row!.value);
  }
  async getSession(id: string): Promise<Session | null> {
    const row = await this.#get('SELECT * FROM sessions WHERE id = ?', id);
    return row ? toSession(row) : null;
  }
  async insertSession(s: Session): Promise<void> {
    await this.#exec(
      `INSERT INTO sessions (id, protocol, status, channel, channel_key, team_id, contact_id, agent_id, created_at,
         accepted_at, finished_at, last_seq, last_message_at, last_message_text, last_inbound_at, version,
         target_agent_id, invited_agent_ids, tag_ids, waiting_since, agent_name, rating, rating_comment)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      s.id, s.protocol, s.status, s.channel, s.channelKey, s.teamId, s.contactId, s.agentId, s.createdAt,
      s.acceptedAt, s.finishedAt, s.lastSeq, s.lastMessageAt, s.lastMessageText, s.lastInboundAt, s.version,
      s.targetAgentId, JSON.stringify(s.invitedAgentIds), JSON.stringify(s.tagIds), s.createdAt,
      s.agentName, s.rating, s.ratingComment,
    );
  }
  async updateSession(s: Session, expectedVersion: number): Promise<boolean> {
    const changes = await this.#exec(
      `UPDATE sessions SET status = ?, team_id = ?, agent_id = ?, accepted_at = ?, finished_at = ?, last_seq = ?,
         last_message_at = ?, last_message_text = ?, last_inbound_at = ?, version = ?,
         target_agent_id = ?, invited_agent_ids = ?, tag_ids = ?, agent_name = ?, rating = ?, rating_comment = ?
       WHERE id = ? AND version = ?`,
      s.status, s.teamId, s.agentId, s.acceptedAt, s.finishedAt, s.lastSeq,
      s.lastMessageAt, s.lastMessageText, s.lastInboundAt, s.version,
      s.targetAgentId, JSON.stringify(s.invitedAgentIds), JSON.stringify(s.tagIds),
      s.agentName, s.rating, s.ratingComment, s.id, expectedVersion,
    );
    return changes === 1;
  }
  async listSessionsByTeamsAndStatus(teamIds: readonly string[], statuses: readonly SessionStatus[]): Promise<Session[]> {
    if (teamIds.length === 0 || statuses.length === 0) return [];
    const rows = await this.#all(
      `SELECT * FROM sessions WHERE team_id IN (${marks(teamIds)}) AND status IN (${marks(statuses)}) ORDER BY created_at`,
      ...teamIds, ...statuses,
    );
    return rows.map(toSession);
  }
  async listSessionsByAgentAndStatus(agentId: string, statuses: readonly SessionStatus[]): Promise<Session[]> {
    if (statuses.length === 0) return [];
    const rows = await this.#all(
      `SELECT * FROM sessions WHERE agent_id = ? AND status IN (${marks(statuses)}) ORDER BY created_at`,
      agentId, ...statuses,
    );
    return rows.map(toSession);
  }
  async listSessionsOfContact(contactId: string, channelKey?: string): Promise<Session[]> {
    const rows = channelKey === undefined
      ? await this.#all('SELECT * FROM sessions WHERE contact_id = ? ORDER BY created_at DESC, rowid DESC', contactId)
      : await this.#all(
          'SELECT * FROM sessions WHERE contact_id = ? AND channel_key = ? ORDER BY created_at DESC, rowid DESC',
          contactId, channelKey,
        );
    return rows.map(toSession);
  }
  async listWaitingQueue(teamId: string): Promise<QueueEntry[]> {
    const rows = await this.#all(
      `SELECT id, channel, contact_id FROM sessions WHERE team_id = ? AND status = 'waiting' ORDER BY created_at, rowid`,
      teamId,
    );
    return rows.map((row) => ({ id: String(row.id), channel: String(row.channel) as Session['channel'], contactId: String(row.contact_id) }));
  }
  async listRecentWaits(teamId: string, limit: number): Promise<number[]> {
    const rows = await this.#all(
      `SELECT accepted_at - COALESCE(waiting_since, created_at) AS waited FROM sessions
       WHERE team_id = ? AND accepted_at IS NOT NULL ORDER BY accepted_at DESC LIMIT ?`,
      teamId, limit,
    );
    return rows.map((row) => Math.max(0, Number(row.waited)));
  }
  async addAgentRating(agentId: string, score: number): Promise<void> {
    await this.#exec(
      `INSERT INTO agent_ratings (agent_id, rating_sum, rating_count) VALUES (?, ?, 1)
       ON CONFLICT (agent_id) DO UPDATE SET rating_sum = rating_sum + excluded.rating_sum, rating_count = rating_count + 1`,
      agentId, score,
    );
  }
  async setWaitingSince(sessionId: string, at: number): Promise<void> {
    await this.#exec('UPDATE sessions SET waiting_since = ? WHERE id = ?', at, sessionId);
  }
  async listDeskSessions(agentId: string, teamIds: readonly string[]): Promise<Session[]> {
    const rows = await this.#all(
      `SELECT * FROM sessions s WHERE
         (s.status = 'waiting' AND s.team_id IN (${marks(teamIds.length ? teamIds : [''])})
            AND (s.target_agent_id IS NULL OR s.target_agent_id = ?))
         OR (s.status = 'waiting' AND s.target_agent_id = ?)
         OR (s.agent_id = ? AND s.status IN ('active', 'pending'))
         OR (s.status != 'finished' AND EXISTS (SELECT 1 FROM json_each(s.invited_agent_ids) WHERE value = ?))
       ORDER BY s.created_at, s.rowid`,
      ...(teamIds.length ? teamIds : ['']), agentId, agentId, agentId, agentId,
    );
    return rows.map(toSession);
  }
  async listExpiredWaiting(now: number): Promise<Session[]> {
    const rows = await this.#all(
      `SELECT s.* FROM sessions s JOIN teams t ON t.id = s.team_id
       WHERE s.status = 'waiting' AND t.waiting_timeout_ms IS NOT NULL
         AND COALESCE(s.waiting_since, s.created_at) + t.waiting_timeout_ms <= ?
       ORDER BY s.created_at`,
      now,
    );
    return rows.map(toSession);
  }
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
    const rows = await this.#all(
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
      ...q.statuses, ...teams, q.agentId, q.agentId, q.agentId, q.agentId, ...params, q.limit,
    );
    return rows.map(toSession);
  }
  #scope(scope: SessionScope): { sql: string; params: unknown[] } {
    if (scope.teamIds === null) return { sql: '1 = 1', params: [] };
    const teams = scope.teamIds.length ? scope.teamIds : [''];
    return {
      sql: `(s.team_id IN (${marks(teams)}) OR s.agent_id = ? OR EXISTS (SELECT 1 FROM json_each(s.invited_agent_ids) WHERE value = ?))`,
      params: [...teams, scope.agentId, scope.agentId],
    };
  }
  async listContactHistory(contactId: string, scope: SessionScope, before: number | null, limit: number): Promise<Session[]> {
    const where = this.#scope(scope);
    const rows = await this.#all(
      `SELECT s.* FROM sessions s WHERE s.contact_id = ? AND ${where.sql} ${before === null ? '' : 'AND s.created_at < ?'}
       ORDER BY s.created_at DESC, s.rowid DESC LIMIT ?`,
      contactId, ...where.params, ...(before === null ? [] : [before]), limit,
    );
    return rows.map(toSession);
  }
  async getMessage(id: string): Promise<Message | null> {
    const row = await this.#get('SELECT * FROM messages WHERE id = ?', id);
    return row ? (await this.#withAttachments([row]))[0]! : null;
  }
  async insertMessage(m: Message): Promise<void> {
    await this.#exec(
      `INSERT INTO messages (id, session_id, seq, author_kind, author_id, author_name, text, created_at,
         kind, template_id, system, delivered_at, read_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      m.id, m.sessionId, m.seq, m.authorKind, m.authorId, m.authorName, m.text, m.createdAt,
      m.kind, m.templateId, m.system === null ? null : JSON.stringify(m.system), m.deliveredAt, m.readAt,
    );
    for (const [position, attachment] of m.attachments.entries()) {
      await this.#exec(
        'INSERT INTO message_attachments (message_id, file_id, position) VALUES (?, ?, ?)',
        m.id, attachment.id, position,
      );
    }
  }
  async listMessagesAfter(sessionId: string, afterSeq: number, limit = -1): Promise<Message[]> {
    const rows = await this.#all(
      'SELECT * FROM messages WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      sessionId, afterSeq, limit,
    );
    return this.#withAttachments(rows);
  }
  async listMessagesBefore(sessionId: string, beforeSeq: number | null, limit: number): Promise<Message[]> {
    const rows = await this.#all(
      'SELECT * FROM messages WHERE session_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      sessionId, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit,
    );
    return this.#withAttachments(rows.reverse());
  }
  async countMessages(sessionId: string): Promise<number> {
    const row = await this.#get('SELECT COUNT(*) AS n FROM messages WHERE session_id = ?', sessionId);
    return Number(row?.n ?? 0);
  }
  async markMessages(sessionId: string, upToSeq: number, authorKinds: readonly AuthorKind[], status: 'delivered' | 'read', at: number): Promise<number> {
    if (authorKinds.length === 0) return 0;
    const kinds = marks(authorKinds);
    return status === 'delivered'
      ? this.#exec(
          `UPDATE messages SET delivered_at = ? WHERE session_id = ? AND seq <= ? AND author_kind IN (${kinds}) AND delivered_at IS NULL`,
          at, sessionId, upToSeq, ...authorKinds,
        )
      : this.#exec(
          `UPDATE messages SET delivered_at = COALESCE(delivered_at, ?), read_at = ?
           WHERE session_id = ? AND seq <= ? AND author_kind IN (${kinds}) AND read_at IS NULL`,
          at, at, sessionId, upToSeq, ...authorKinds,
        );
  }
  async #withAttachments(rows: Row[]): Promise<Message[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => String(row.id));
    const files = await this.#all(
      `SELECT a.message_id, f.* FROM message_attachments a JOIN files f ON f.id = a.file_id
       WHERE a.message_id IN (${marks(ids)}) ORDER BY a.position`,
      ...ids,
    );
    const byMessage = new Map<string, Attachment[]>();
    for (const file of files) {
      const list = byMessage.get(String(file.message_id)) ?? [];
      list.push(this.toAttachment(toFile(file)));
      byMessage.set(String(file.message_id), list);
    }
    return rows.map((row) => toMessage(row, byMessage.get(String(row.id)) ?? []));
  }

  // Files

  async insertFile(f: FileRecord): Promise<void> {
    await this.#exec(
      'INSERT INTO files (id, owner_kind, owner_id, name, size, mime, kind, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      f.id, f.ownerKind, f.ownerId, f.name, f.size, f.mime, f.kind, f.createdAt,
    );
  }
  async getFile(id: string): Promise<FileRecord | null> {
    const row = await this.#get('SELECT * FROM files WHERE id = ?', id);
    return row ? toFile(row) : null;
  }
  toAttachment(file: FileRecord): Attachment {
    return { id: file.id, name: file.name, size: file.size, mime: file.mime, kind: file.kind, url: this.#fileUrl(file) };
  }
  async listGallery(contactId: string, scope: SessionScope, limit: number): Promise<GalleryItem[]> {
    const where = this.#scope(scope);
    const rows = await this.#all(
      `SELECT f.*, m.id AS message_id, m.session_id, m.created_at AS sent_at
       FROM sessions s JOIN messages m ON m.session_id = s.id
         JOIN message_attachments a ON a.message_id = m.id JOIN files f ON f.id = a.file_id
       WHERE s.contact_id = ? AND ${where.sql}
       ORDER BY m.created_at DESC, m.seq DESC, a.position LIMIT ?`,
      contactId, ...where.params, limit,
    );
    return rows.map((row) => ({
      ...this.toAttachment(toFile(row)),
      sessionId: String(row.session_id),
      messageId: String(row.message_id),
      createdAt: Number(row.sent_at),
    }));
  }

  // Tags, notes, templates, canned responses

  async insertTag(t: Tag): Promise<void> {
    await this.#exec('INSERT INTO tags (id, team_id, name, color) VALUES (?, ?, ?, ?)', t.id, t.teamId, t.name, t.color);
  }
  async listTagsOfTeams(teamIds: readonly string[]): Promise<Tag[]> {
    if (teamIds.length === 0) return [];
    return (await this.#all(`SELECT * FROM tags WHERE team_id IN (${marks(teamIds)}) ORDER BY team_id, name`, ...teamIds)).map(toTag);
  }
  async getTags(ids: readonly string[]): Promise<Tag[]> {
    if (ids.length === 0) return [];
    return (await this.#all(`SELECT * FROM tags WHERE id IN (${marks(ids)})`, ...ids)).map(toTag);
  }
  async getNote(id: string): Promise<Note | null> {
    const row = await this.#get('SELECT * FROM notes WHERE id = ?', id);
    return row ? toNote(row) : null;
  }
  async listNotes(contactId: string): Promise<Note[]> {
    return (await this.#all('SELECT * FROM notes WHERE contact_id = ? ORDER BY created_at DESC, rowid DESC', contactId)).map(toNote);
  }
  async insertNote(n: Note): Promise<void> {
    await this.#exec(
      `INSERT INTO notes (id, contact_id, text, author_id, author_name, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      n.id, n.contactId, n.text, n.authorId, n.authorName, n.createdAt, n.updatedAt, n.version,
    );
  }
  async updateNote(n: Note, expectedVersion: number): Promise<boolean> {
    const changes = await this.#exec(
      'UPDATE notes SET text = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?',
      n.text, n.updatedAt, n.version, n.id, expectedVersion,
    );
    return changes === 1;
  }
  async deleteNote(id: string): Promise<boolean> {
    return (await this.#exec('DELETE FROM notes WHERE id = ?', id)) > 0;
  }
  async insertTemplate(t: Template): Promise<void> {
    await this.#exec(
      'INSERT INTO templates (id, team_id, name, language, body, variables) VALUES (?, ?, ?, ?, ?, ?)',
      t.id, t.teamId, t.name, t.language, t.body, JSON.stringify(t.variables),
    );
  }
  async getTemplate(id: string): Promise<Template | null> {
    const row = await this.#get('SELECT * FROM templates WHERE id = ?', id);
    return row ? toTemplate(row) : null;
  }
  async listTemplatesOfTeams(teamIds: readonly string[]): Promise<Template[]> {
    if (teamIds.length === 0) return [];
    return (await this.#all(`SELECT * FROM templates WHERE team_id IN (${marks(teamIds)}) ORDER BY team_id, name`, ...teamIds)).map(toTemplate);
  }
  async insertCannedResponse(c: Omit<CannedResponse, 'attachments'> & { attachmentIds: string[] }): Promise<void> {
    await this.#exec(
      'INSERT INTO canned_responses (id, team_id, shortcut, title, text) VALUES (?, ?, ?, ?, ?)',
      c.id, c.teamId, c.shortcut, c.title, c.text,
    );
    for (const [position, fileId] of c.attachmentIds.entries()) {
      await this.#exec(
        'INSERT INTO canned_response_attachments (canned_response_id, file_id, position) VALUES (?, ?, ?)',
        c.id, fileId, position,
      );
    }
  }
  async listCannedResponses(teamIds: readonly string[]): Promise<CannedResponse[]> {
    const teams = teamIds.length ? teamIds : [''];
    const rows = await this.#all(
      `SELECT * FROM canned_responses WHERE team_id IS NULL OR team_id IN (${marks(teams)}) ORDER BY shortcut`,
      ...teams,
    );
    if (rows.length === 0) return [];
    const ids = rows.map((row) => String(row.id));
    const files = await this.#all(
      `SELECT a.canned_response_id, f.* FROM canned_response_attachments a JOIN files f ON f.id = a.file_id
       WHERE a.canned_response_id IN (${marks(ids)}) ORDER BY a.position`,
      ...ids,
    );
    return rows.map((row) => ({
      id: String(row.id),
      teamId: str(row.team_id),
      shortcut: String(row.shortcut),
      title: String(row.title),
      text: String(row.text),
      attachments: files.filter((f) => f.canned_response_id === row.id).map((f) => this.toAttachment(toFile(f))),
    }));
  }

  // Channels with a webhook

  async insertChannel(c: ChannelRecord, createdAt: number): Promise<void> {
    await this.#exec(
      'INSERT INTO channels (key, kind, name, default_team_id, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      c.key, c.kind, c.name, c.defaultTeamId, c.secret, createdAt,
    );
  }
  async getChannel(key: string): Promise<ChannelRecord | null> {
    const row = await this.#get('SELECT * FROM channels WHERE key = ?', key);
    return row
      ? { key: String(row.key), kind: String(row.kind) as ChannelRecord['kind'], name: String(row.name), defaultTeamId: String(row.default_team_id), secret: String(row.secret) }
      : null;
  }
  async findInbound(channelKey: string, externalId: string): Promise<{ sessionId: string; messageId: string } | null> {
    const row = await this.#get('SELECT * FROM channel_inbound WHERE channel_key = ? AND external_id = ?', channelKey, externalId);
    return row ? { sessionId: String(row.session_id), messageId: String(row.message_id) } : null;
  }
  async insertInbound(channelKey: string, externalId: string, sessionId: string, messageId: string): Promise<void> {
    await this.#exec(
      'INSERT INTO channel_inbound (channel_key, external_id, session_id, message_id) VALUES (?, ?, ?, ?)',
      channelKey, externalId, sessionId, messageId,
    );
  }

  // Webchat

  async insertWebchatChannel(input: NewWebchatChannel, createdAt: number): Promise<void> {
    const channel: WebchatChannelRecord = { ...WEBCHAT_CHANNEL_DEFAULTS, ...input };
    await this.#exec(
      `INSERT INTO webchat_channels (key, name, allowed_origins, prechat, menu, appearance, secret, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      channel.key, channel.name, JSON.stringify(channel.allowedOrigins), JSON.stringify(channel.prechat),
      JSON.stringify(channel.menu), JSON.stringify(channel.appearance), channel.secret, createdAt,
    );
    await this.#setChannelTeams(channel.key, channel.teamIds);
  }
  async #setChannelTeams(key: string, teamIds: readonly string[]): Promise<void> {
    await this.#exec('DELETE FROM webchat_channel_teams WHERE channel_key = ?', key);
    for (const [position, teamId] of teamIds.entries()) {
      await this.#exec('INSERT INTO webchat_channel_teams (channel_key, team_id, position) VALUES (?, ?, ?)', key, teamId, position);
    }
  }
  async getWebchatChannel(key: string): Promise<WebchatChannelRecord | null> {
    const row = await this.#get('SELECT * FROM webchat_channels WHERE key = ?', key);
    if (!row) return null;
    const teams = await this.#all('SELECT team_id FROM webchat_channel_teams WHERE channel_key = ? ORDER BY position', key);
    return {
      key: String(row.key),
      name: String(row.name),
      teamIds: teams.map((team) => String(team.team_id)),
      allowedOrigins: JSON.parse(String(row.allowed_origins)) as string[],
      prechat: JSON.parse(String(row.prechat)) as WebchatChannelRecord['prechat'],
      menu: JSON.parse(String(row.menu)) as WebchatChannelRecord['menu'],
      appearance: JSON.parse(String(row.appearance)) as WebchatChannelRecord['appearance'],
      secret: str(row.secret),
    };
  }
  async updateWebchatChannel(key: string, changes: Partial<Omit<WebchatChannelRecord, 'key'>>): Promise<void> {
    const columns: [string, unknown][] = [];
    if (changes.name !== undefined) columns.push(['name', changes.name]);
    if (changes.allowedOrigins !== undefined) columns.push(['allowed_origins', JSON.stringify(changes.allowedOrigins)]);
    if (changes.prechat !== undefined) columns.push(['prechat', JSON.stringify(changes.prechat)]);
    if (changes.menu !== undefined) columns.push(['menu', JSON.stringify(changes.menu)]);
    if (changes.appearance !== undefined) columns.push(['appearance', JSON.stringify(changes.appearance)]);
    if (changes.secret !== undefined) columns.push(['secret', changes.secret]);
    if (columns.length > 0) {
      await this.#exec(
        `UPDATE webchat_channels SET ${columns.map(([column]) => `${column} = ?`).join(', ')} WHERE key = ?`,
        ...columns.map(([, value]) => value), key,
      );
    }
    if (changes.teamIds !== undefined) await this.#setChannelTeams(key, changes.teamIds);
  }
  async insertVisitor(visitor: VisitorRecord, tokenHash: string): Promise<void> {
    await this.#exec(
      'INSERT INTO visitors (id, channel_key, contact_id, token_hash, user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      visitor.id, visitor.channelKey, visitor.contactId, tokenHash, visitor.userId, visitor.createdAt,
    );
  }
  async findVisitorByTokenHash(tokenHash: string): Promise<VisitorRecord | null> {
    const row = await this.#get('SELECT * FROM visitors WHERE token_hash = ?', tokenHash);
    return row ? toVisitor(row) : null;
  }
  async findUserContactId(channelKey: string, userId: string): Promise<string | null> {
    const row = await this.#get(
      'SELECT contact_id FROM visitors WHERE channel_key = ? AND user_id = ? ORDER BY created_at, rowid LIMIT 1',
      channelKey, userId,
    );
    return row ? String(row.contact_id) : null;
  }
  async adoptVisitor(visitorId: string, userId: string, tokenHash: string): Promise<void> {
    await this.#exec('UPDATE visitors SET user_id = ?, token_hash = ? WHERE id = ?', userId, tokenHash, visitorId);
  }
}

/** A FIFO lock for async critical sections. */
export class Mutex {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');
const str = (value: unknown) => (value === null || value === undefined ? null : String(value));
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function toTeam(row: Row): Team {
  return { id: String(row.id), name: String(row.name) };
}
/** Agents with their rating totals (`rating_sum`, `rating_count`). */
const AGENT_SELECT = 'SELECT a.*, r.rating_sum, r.rating_count FROM agents a LEFT JOIN agent_ratings r ON r.agent_id = a.id';

function toAgent(row: Row, teamIds: string[]): Agent {
  const ratings = Number(row.rating_count ?? 0);
  return {
    id: String(row.id),
    name: String(row.name),
    email: String(row.email),
    nickname: str(row.nickname),
    extension: str(row.extension),
    teamIds,
    permissions: { history: Boolean(row.perm_history), internalChat: Boolean(row.perm_internal_chat) },
    rating: ratings > 0 ? { average: Number(row.rating_sum) / ratings, count: ratings } : null,
  };
}
function toContact(row: Row): Contact {
  return {
    id: String(row.id),
    name: String(row.name),
    email: str(row.email),
    phone: str(row.phone),
    document: str(row.document),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    version: Number(row.version),
  };
}
function toSession(row: Row): Session {
  return {
    id: String(row.id),
    protocol: String(row.protocol),
    status: String(row.status) as Session['status'],
    channel: String(row.channel) as Session['channel'],
    channelKey: String(row.channel_key),
    teamId: String(row.team_id),
    contactId: String(row.contact_id),
    agentId: str(row.agent_id),
    targetAgentId: str(row.target_agent_id),
    invitedAgentIds: JSON.parse(String(row.invited_agent_ids ?? '[]')) as string[],
    tagIds: JSON.parse(String(row.tag_ids ?? '[]')) as string[],
    createdAt: Number(row.created_at),
    acceptedAt: num(row.accepted_at),
    finishedAt: num(row.finished_at),
    lastSeq: Number(row.last_seq),
    lastMessageAt: num(row.last_message_at),
    lastMessageText: str(row.last_message_text),
    lastInboundAt: num(row.last_inbound_at),
    agentName: str(row.agent_name),
    rating: num(row.rating),
    ratingComment: str(row.rating_comment),
    version: Number(row.version),
  };
}
function toMessage(row: Row, attachments: Attachment[]): Message {
  return {
    id: String(row.id),
    sessionId: String(row.session_id),
    seq: Number(row.seq),
    authorKind: String(row.author_kind) as Message['authorKind'],
    authorId: str(row.author_id),
    authorName: String(row.author_name),
    kind: String(row.kind ?? 'text') as Message['kind'],
    text: String(row.text),
    attachments,
    templateId: str(row.template_id),
    system: row.system ? (JSON.parse(String(row.system)) as SystemEvent) : null,
    createdAt: Number(row.created_at),
    deliveredAt: num(row.delivered_at),
    readAt: num(row.read_at),
  };
}
function toFile(row: Row): FileRecord {
  return {
    id: String(row.id),
    ownerKind: String(row.owner_kind) as FileRecord['ownerKind'],
    ownerId: str(row.owner_id),
    name: String(row.name),
    size: Number(row.size),
    mime: String(row.mime),
    kind: String(row.kind) as FileRecord['kind'],
    createdAt: Number(row.created_at),
  };
}
function toTag(row: Row): Tag {
  return { id: String(row.id), teamId: String(row.team_id), name: String(row.name), color: String(row.color) };
}
function toNote(row: Row): Note {
  return {
    id: String(row.id),
    contactId: String(row.contact_id),
    text: String(row.text),
    authorId: String(row.author_id),
    authorName: String(row.author_name),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    version: Number(row.version),
  };
}
function toTemplate(row: Row): Template {
  return {
    id: String(row.id),
    teamId: String(row.team_id),
    name: String(row.name),
    language: String(row.language),
    body: String(row.body),
    variables: JSON.parse(String(row.variables)) as string[],
  };
}
function toVisitor(row: Row): VisitorRecord {
  return {
    id: String(row.id),
    channelKey: String(row.channel_key),
    contactId: String(row.contact_id),
    userId: str(row.user_id),
    createdAt: Number(row.created_at),
  };
}
