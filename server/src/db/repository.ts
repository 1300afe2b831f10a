import type {
  Agent,
  Attachment,
  AttachmentKind,
  AuthorKind,
  CannedResponse,
  ChannelKind,
  Contact,
  GalleryItem,
  Message,
  Note,
  Session,
  SessionStatus,
  Team,
  Tag,
  Template,
} from '../../../src/protocol/index.js';

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

/** A stored file's metadata; its bytes are in `<DATA_DIR>/files/<id>`. */
export interface FileRecord {
  id: string;
  /** Who uploaded it: an agent, a contact (a visitor), or the system (seed, admin). */
  ownerKind: 'agent' | 'contact' | 'system';
  ownerId: string | null;
  name: string;
  size: number;
  mime: string;
  kind: AttachmentKind;
  createdAt: number;
}

/** A channel reached through an adapter's webhook (the simulated WhatsApp adapter). */
export interface ChannelRecord {
  key: string;
  kind: ChannelKind;
  name: string;
  defaultTeamId: string;
  /** HMAC key of the webhook's signature. */
  secret: string;
}

/** Which sessions an agent may see besides its own and the ones it is invited to. */
export interface SessionScope {
  agentId: string;
  /** `null`: every team (the history permission). */
  teamIds: readonly string[] | null;
}

export interface SessionSearch {
  agentId: string;
  teamIds: readonly string[];
  statuses: readonly SessionStatus[];
  /** Matched against the contact's name (LIKE, case-insensitive). */
  name: string;
  /** Digits matched against the contact's document and phone; '' to skip. */
  digits: string;
  limit: number;
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
  insertTeam(team: Team, createdAt: number, waitingTimeoutMs?: number | null): Promise<void>;
  setTeamWaitingTimeout(teamId: string, waitingTimeoutMs: number | null): Promise<void>;
  listAllTeams(): Promise<Team[]>;
  listAgents(): Promise<Agent[]>;
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
  findContactByPhone(phone: string): Promise<Contact | null>;
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
  /** Records when a session (re)started waiting: the team's timeout counts from then. */
  setWaitingSince(sessionId: string, at: number): Promise<void>;
  /**
   * An agent's desk: waiting sessions of its teams for the whole team or for it, its own active and
   * pending sessions, and the open sessions it is invited to. Oldest first.
   */
  listDeskSessions(agentId: string, teamIds: readonly string[]): Promise<Session[]>;
  /** Waiting sessions whose team's timeout has passed at `now`. */
  listExpiredWaiting(now: number): Promise<Session[]>;
  /** Sessions in scope whose contact matches; newest interaction first. */
  searchSessions(search: SessionSearch): Promise<Session[]>;
  /** A contact's sessions in scope, created before `before`, newest first, at most `limit`. */
  listContactHistory(contactId: string, scope: SessionScope, before: number | null, limit: number): Promise<Session[]>;
  getMessage(id: string): Promise<Message | null>;
  /** Stores the message and links its attachments (by id). */
  insertMessage(message: Message): Promise<void>;
  /** Oldest first, at most `limit`. */
  listMessagesAfter(sessionId: string, afterSeq: number, limit?: number): Promise<Message[]>;
  /** The `limit` messages before `beforeSeq` (all when null), oldest first. */
  listMessagesBefore(sessionId: string, beforeSeq: number | null, limit: number): Promise<Message[]>;
  countMessages(sessionId: string): Promise<number>;
  /**
   * Sets `delivered_at` (and for `read`, `read_at`) where still null on the messages of `authorKinds`
   * with `seq <= upToSeq`; answers how many rows changed.
   */
  markMessages(sessionId: string, upToSeq: number, authorKinds: readonly AuthorKind[], status: 'delivered' | 'read', at: number): Promise<number>;

  // Files
  insertFile(file: FileRecord): Promise<void>;
  getFile(id: string): Promise<FileRecord | null>;
  /** The attachment of a file, with a fresh signed url. */
  toAttachment(file: FileRecord): Attachment;
  /** Files of messages in the contact's sessions in scope, newest first. */
  listGallery(contactId: string, scope: SessionScope, limit: number): Promise<GalleryItem[]>;

  // Tags, notes, templates, canned responses
  insertTag(tag: Tag): Promise<void>;
  listTagsOfTeams(teamIds: readonly string[]): Promise<Tag[]>;
  getTags(ids: readonly string[]): Promise<Tag[]>;
  getNote(id: string): Promise<Note | null>;
  listNotes(contactId: string): Promise<Note[]>;
  insertNote(note: Note): Promise<void>;
  updateNote(note: Note, expectedVersion: number): Promise<boolean>;
  deleteNote(id: string): Promise<boolean>;
  insertTemplate(template: Template): Promise<void>;
  getTemplate(id: string): Promise<Template | null>;
  listTemplatesOfTeams(teamIds: readonly string[]): Promise<Template[]>;
  /** `attachments` are linked by id (their files must exist). */
  insertCannedResponse(canned: Omit<CannedResponse, 'attachments'> & { attachmentIds: string[] }): Promise<void>;
  /** Those for every team and those of `teamIds`, by shortcut. */
  listCannedResponses(teamIds: readonly string[]): Promise<CannedResponse[]>;

  // Channels with a webhook
  insertChannel(channel: ChannelRecord, createdAt: number): Promise<void>;
  getChannel(key: string): Promise<ChannelRecord | null>;
  findInbound(channelKey: string, externalId: string): Promise<{ sessionId: string; messageId: string } | null>;
  insertInbound(channelKey: string, externalId: string, sessionId: string, messageId: string): Promise<void>;

  // Webchat
  insertWebchatChannel(channel: WebchatChannelRecord, createdAt: number): Promise<void>;
  getWebchatChannel(key: string): Promise<WebchatChannelRecord | null>;
  insertVisitor(visitor: VisitorRecord, tokenHash: string): Promise<void>;
  findVisitorByTokenHash(tokenHash: string): Promise<VisitorRecord | null>;
  findVisitorByContactId(contactId: string): Promise<VisitorRecord | null>;
}
