import type { Agent, Contact, Message, Session, SessionStatus, Team } from '../../../src/protocol/index.js';
import type { AgentAccount, Repository, VisitorRecord, WebchatChannelRecord } from './repository.js';
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

  constructor(db: SqliteDatabase, lock = new Mutex(), inTransaction = false) {
    this.#db = db;
    this.#lock = lock;
    this.#inTransaction = inTransaction;
  }

  async transaction<T>(fn: (tx: Repository) => Promise<T>): Promise<T> {
    if (this.#inTransaction) return fn(this); // nested: part of the open transaction
    return this.#lock.run(async () => {
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(new SqliteRepository(this.#db, this.#lock, true));
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

  async insertTeam(team: Team, createdAt: number): Promise<void> {
    await this.#exec('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)', team.id, team.name, createdAt);
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
  async insertAgent(agent: AgentAccount, createdAt: number): Promise<void> {
    await this.#exec(
      `INSERT INTO agents (id, name, email, nickname, extension, password_hash, password_salt, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      agent.id, agent.name, agent.email, agent.nickname, agent.extension, agent.passwordHash, agent.passwordSalt, createdAt,
    );
    for (const teamId of agent.teamIds) await this.addTeamMember(teamId, agent.id);
  }
  async addTeamMember(teamId: string, agentId: string): Promise<void> {
    await this.#exec('INSERT OR IGNORE INTO team_members (team_id, agent_id) VALUES (?, ?)', teamId, agentId);
  }
  async getAgent(id: string): Promise<Agent | null> {
    const row = await this.#get('SELECT * FROM agents WHERE id = ?', id);
    return row ? toAgent(row, await this.#teamIdsOf(id)) : null;
  }
  async findAgentAccountByEmail(email: string): Promise<AgentAccount | null> {
    const row = await this.#get('SELECT * FROM agents WHERE email = ?', email);
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
  async recordLoginFailure(email: string, at: number): Promise<void> {
    await this.#exec('INSERT INTO login_failures (email, failed_at) VALUES (?, ?)', email, at);
  }
  async countLoginFailuresSince(email: string, since: number): Promise<number> {
    const row = await this.#get('SELECT COUNT(*) AS n FROM login_failures WHERE email = ? AND failed_at > ?', email, since);
    return Number(row?.n ?? 0);
  }
  async clearLoginFailures(email: string): Promise<void> {
    await this.#exec('DELETE FROM login_failures WHERE email = ?', email);
  }
  async getLoginLockedUntil(email: string): Promise<number | null> {
    const row = await this.#get('SELECT locked_until FROM login_locks WHERE email = ?', email);
    return row ? Number(row.locked_until) : null;
  }
  async setLoginLockedUntil(email: string, until: number): Promise<void> {
    await this.#exec(
      `INSERT INTO login_locks (email, locked_until) VALUES (?, ?)
       ON CONFLICT (email) DO UPDATE SET locked_until = excluded.locked_until`,
      email, until,
    );
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
  async insertContact(c: Contact): Promise<void> {
    await this.#exec(
      'INSERT INTO contacts (id, name, email, phone, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?)',
      c.id, c.name, c.email, c.phone, c.createdAt, c.updatedAt, c.version,
    );
  }
  async updateContact(c: Contact, expectedVersion: number): Promise<boolean> {
    const changes = await this.#exec(
      `UPDATE contacts SET name = ?, email = ?, phone = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?`,
      c.name, c.email, c.phone, c.updatedAt, c.version, c.id, expectedVersion,
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
         accepted_at, finished_at, last_seq, last_message_at, last_message_text, last_inbound_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      s.id, s.protocol, s.status, s.channel, s.channelKey, s.teamId, s.contactId, s.agentId, s.createdAt,
      s.acceptedAt, s.finishedAt, s.lastSeq, s.lastMessageAt, s.lastMessageText, s.lastInboundAt, s.version,
    );
  }
  async updateSession(s: Session, expectedVersion: number): Promise<boolean> {
    const changes = await this.#exec(
      `UPDATE sessions SET status = ?, team_id = ?, agent_id = ?, accepted_at = ?, finished_at = ?, last_seq = ?,
         last_message_at = ?, last_message_text = ?, last_inbound_at = ?, version = ?
       WHERE id = ? AND version = ?`,
      s.status, s.teamId, s.agentId, s.acceptedAt, s.finishedAt, s.lastSeq,
      s.lastMessageAt, s.lastMessageText, s.lastInboundAt, s.version, s.id, expectedVersion,
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
  async getMessage(id: string): Promise<Message | null> {
    const row = await this.#get('SELECT * FROM messages WHERE id = ?', id);
    return row ? toMessage(row) : null;
  }
  async insertMessage(m: Message): Promise<void> {
    await this.#exec(
      `INSERT INTO messages (id, session_id, seq, author_kind, author_id, author_name, text, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      m.id, m.sessionId, m.seq, m.authorKind, m.authorId, m.authorName, m.text, m.createdAt,
    );
  }
  async listMessagesAfter(sessionId: string, afterSeq: number): Promise<Message[]> {
    const rows = await this.#all('SELECT * FROM messages WHERE session_id = ? AND seq > ? ORDER BY seq', sessionId, afterSeq);
    return rows.map(toMessage);
  }
  async countMessages(sessionId: string): Promise<number> {
    const row = await this.#get('SELECT COUNT(*) AS n FROM messages WHERE session_id = ?', sessionId);
    return Number(row?.n ?? 0);
  }

  // Webchat

  async insertWebchatChannel(channel: WebchatChannelRecord, createdAt: number): Promise<void> {
    await this.#exec(
      'INSERT INTO webchat_channels (key, name, allowed_origins, created_at) VALUES (?, ?, ?, ?)',
      channel.key, channel.name, JSON.stringify(channel.allowedOrigins), createdAt,
    );
    for (const [position, teamId] of channel.teamIds.entries()) {
      await this.#exec(
        'INSERT INTO webchat_channel_teams (channel_key, team_id, position) VALUES (?, ?, ?)',
        channel.key, teamId, position,
      );
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
    };
  }
  async insertVisitor(visitor: VisitorRecord, tokenHash: string): Promise<void> {
    await this.#exec(
      'INSERT INTO visitors (id, channel_key, contact_id, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      visitor.id, visitor.channelKey, visitor.contactId, tokenHash, visitor.createdAt,
    );
  }
  async findVisitorByTokenHash(tokenHash: string): Promise<VisitorRecord | null> {
    const row = await this.#get('SELECT * FROM visitors WHERE token_hash = ?', tokenHash);
    return row ? toVisitor(row) : null;
  }
  async findVisitorByContactId(contactId: string): Promise<VisitorRecord | null> {
    const row = await this.#get('SELECT * FROM visitors WHERE contact_id = ?', contactId);
    return row ? toVisitor(row) : null;
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
function toAgent(row: Row, teamIds: string[]): Agent {
  return {
    id: String(row.id),
    name: String(row.name),
    email: String(row.email),
    nickname: str(row.nickname),
    extension: str(row.extension),
    teamIds,
  };
}
function toContact(row: Row): Contact {
  return {
    id: String(row.id),
    name: String(row.name),
    email: str(row.email),
    phone: str(row.phone),
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
    createdAt: Number(row.created_at),
    acceptedAt: num(row.accepted_at),
    finishedAt: num(row.finished_at),
    lastSeq: Number(row.last_seq),
    lastMessageAt: num(row.last_message_at),
    lastMessageText: str(row.last_message_text),
    lastInboundAt: num(row.last_inbound_at),
    version: Number(row.version),
  };
}
function toMessage(row: Row): Message {
  return {
    id: String(row.id),
    sessionId: String(row.session_id),
    seq: Number(row.seq),
    authorKind: String(row.author_kind) as Message['authorKind'],
    authorId: str(row.author_id),
    authorName: String(row.author_name),
    text: String(row.text),
    createdAt: Number(row.created_at),
  };
}
function toVisitor(row: Row): VisitorRecord {
  return {
    id: String(row.id),
    channelKey: String(row.channel_key),
    contactId: String(row.contact_id),
    createdAt: Number(row.created_at),
  };
}
