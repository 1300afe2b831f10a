import type { Agent, Contact, Message, Session, SessionStatus, Team } from '../../../src/protocol/index.js';

/** An agent with what only the auth service may see. */
export interface AgentAccount extends Agent {
  passwordHash: string;
  passwordSalt: string;
}

export interface WebchatChannelRecord {
  key: string;
  name: string;
  /** In the order the channel offers them. */
  teamIds: string[];
  /** Origins (`https://shop.example`) whose pages may use the channel; empty = any. */
  allowedOrigins: string[];
}

export interface VisitorRecord {
  id: string;
  channelKey: string;
  contactId: string;
  createdAt: number;
}

/**
 * All data access, behind one interface, so the services run unchanged on SQLite or PostgreSQL.
 * Methods are async even where SQLite is synchronous, to fit a networked database.
 */
export interface Repository {
  /**
   * Runs `fn` in one transaction on the repository it is given (use only that one inside `fn`):
   * committed when `fn` resolves, rolled back when it throws.
   */
  transaction<T>(fn: (tx: Repository) => Promise<T>): Promise<T>;

  // Teams and agents
  insertTeam(team: Team, createdAt: number): Promise<void>;
  getTeam(id: string): Promise<Team | null>;
  listTeams(ids: readonly string[]): Promise<Team[]>;
  countAgents(): Promise<number>;
  insertAgent(agent: AgentAccount, createdAt: number): Promise<void>;
  addTeamMember(teamId: string, agentId: string): Promise<void>;
  getAgent(id: string): Promise<Agent | null>;
  findAgentAccountByEmail(email: string): Promise<AgentAccount | null>;

  // Agent login
  insertAuthToken(tokenHash: string, agentId: string, createdAt: number): Promise<void>;
  findAgentIdByTokenHash(tokenHash: string): Promise<string | null>;
  deleteAuthToken(tokenHash: string): Promise<boolean>;
  recordLoginFailure(email: string, at: number): Promise<void>;
  countLoginFailuresSince(email: string, since: number): Promise<number>;
  clearLoginFailures(email: string): Promise<void>;
  getLoginLockedUntil(email: string): Promise<number | null>;
  setLoginLockedUntil(email: string, until: number): Promise<void>;

  // Contacts
  getContact(id: string): Promise<Contact | null>;
  getContacts(ids: readonly string[]): Promise<Contact[]>;
  findContactByEmail(email: string): Promise<Contact | null>;
  insertContact(contact: Contact): Promise<void>;
  /** Writes `contact` if the stored version is `expectedVersion`; false when it changed meanwhile. */
  updateContact(contact: Contact, expectedVersion: number): Promise<boolean>;

  // Sessions and messages
  /** Increments a named counter and returns its new value. */
  nextCounter(name: string): Promise<number>;
  getSession(id: string): Promise<Session | null>;
  insertSession(session: Session): Promise<void>;
  /** Compare-and-set on `version`: false when another writer changed the session first. */
  updateSession(session: Session, expectedVersion: number): Promise<boolean>;
  listSessionsByTeamsAndStatus(teamIds: readonly string[], statuses: readonly SessionStatus[]): Promise<Session[]>;
  listSessionsByAgentAndStatus(agentId: string, statuses: readonly SessionStatus[]): Promise<Session[]>;
  /** Newest first. */
  listSessionsOfContact(contactId: string, channelKey?: string): Promise<Session[]>;
  getMessage(id: string): Promise<Message | null>;
  insertMessage(message: Message): Promise<void>;
  listMessagesAfter(sessionId: string, afterSeq: number): Promise<Message[]>;
  countMessages(sessionId: string): Promise<number>;

  // Webchat
  insertWebchatChannel(channel: WebchatChannelRecord, createdAt: number): Promise<void>;
  getWebchatChannel(key: string): Promise<WebchatChannelRecord | null>;
  insertVisitor(visitor: VisitorRecord, tokenHash: string): Promise<void>;
  findVisitorByTokenHash(tokenHash: string): Promise<VisitorRecord | null>;
  findVisitorByContactId(contactId: string): Promise<VisitorRecord | null>;
}
