import type {
  Agent,
  AgentPermissions,
  AgentState,
  AgentRole,
  Attachment,
  AttachmentKind,
  AuthorKind,
  CannedResponse,
  ChannelKind,
  ChannelText,
  Contact,
  CustomerAccount,
  GalleryItem,
  Message,
  MessageFailure,
  Note,
  PrechatRule,
  Session,
  SessionStatus,
  Team,
  Tag,
  Template,
  WebchatAppearance,
  WebchatMenuOption,
  ChatConversation,
  ChatMessage,
  QueueCursor,
} from '../../../src/protocol/index.js';

/** `0` Sunday … `6` Saturday. */
type Weekday = '0' | '1' | '2' | '3' | '4' | '5' | '6';

/**
 * When a team attends, in its own IANA time zone: for each weekday the intervals `[from, to)` it is
 * open, as `HH:MM` from 00:00 to 24:00 (split an interval that crosses midnight in two days). A
 * weekday left out is closed all day.
 */
export interface WorkingHours {
  timeZone: string;
  days: Partial<Record<Weekday, [from: string, to: string][]>>;
  /** Days (`YYYY-MM-DD` in `timeZone`) closed all day: the team's holidays, added by the repository when it reads the hours. */
  holidays?: string[];
}

/** An agent with what only the auth service may see. */
export interface AgentAccount extends Agent {
  passwordHash: string;
  passwordSalt: string;
}

/** An agent account as stored, with what decides whether it may sign in. */
export interface StoredAgentAccount extends AgentAccount {
  /** A deactivated agent cannot log in nor use its tokens. */
  active: boolean;
  /** The agent's id in the company's CRM (sign-on through an API key). */
  externalId: string | null;
}

/** An agent token, stored by its sha256 (the token itself is never stored). */
export interface AuthTokenRecord {
  tokenHash: string;
  agentId: string;
  createdAt: number;
  expiresAt: number;
  /** The API key a CRM obtained it through; `null` for a password login. */
  apiKeyId: string | null;
}

/** What an API key may do when a CRM signs an agent in with it. */
export interface ApiKeyScope {
  /** Whether a sign-on may create an agent it does not find. */
  mayCreateAgents: boolean;
  /** The teams the key reaches (it signs in their members and creates agents only in them); `null`: every team. */
  teamIds: string[] | null;
}

/** A CRM's API key, as listed: never its secret, which is stored as its sha256 only. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  /** The secret's first characters, so people can tell their keys apart. */
  prefix: string;
  scope: ApiKeyScope;
  /** The agent who created it; `null` when made from the command line (or that agent is gone). */
  createdBy: string | null;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface WebchatChannelRecord {
  key: string;
  name: string;
  /** In the order the channel offers them. */
  teamIds: string[];
  /** Origins (`https://shop.example`) whose pages may use the channel; empty = any. */
  allowedOrigins: string[];
  /** Which of name, e-mail and phone the pre-chat form asks for. */
  prechat: { name: PrechatRule; email: PrechatRule; phone: PrechatRule };
  menu: { prompt: ChannelText | null; options: WebchatMenuOption[] };
  appearance: WebchatAppearance;
  /** The language the channel's texts (greeting, menu) fall back to. */
  defaultLanguage: string;
  /** HMAC key of identity verification; never sent to clients. `null`: the channel verifies no one. */
  secret: string | null;
}

/** What a new webchat channel needs; the rest defaults (see `WEBCHAT_CHANNEL_DEFAULTS`). */
export type NewWebchatChannel = Pick<WebchatChannelRecord, 'key' | 'name' | 'teamIds' | 'allowedOrigins'> &
  Partial<Omit<WebchatChannelRecord, 'key' | 'name' | 'teamIds' | 'allowedOrigins'>>;

/** A channel's configuration as it is before anyone sets it. */
export const WEBCHAT_CHANNEL_DEFAULTS: Pick<WebchatChannelRecord, 'prechat' | 'menu' | 'appearance' | 'defaultLanguage' | 'secret'> = {
  prechat: { name: 'required', email: 'optional', phone: 'hidden' },
  menu: { prompt: null, options: [] },
  appearance: { color: '#0b6bcb', position: 'right', launcherIcon: 'chat', greeting: null },
  defaultLanguage: 'pt-BR',
  secret: null,
};

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

/** Which of a contact's sessions its history lists: `null` leaves a condition out. */
export interface ContactHistoryFilter {
  /** Every channel but this one. */
  exceptChannel: ChannelKind | null;
  /** Open (waiting, active, pending) or finished only. */
  state: 'open' | 'finished' | null;
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
  /** Shared by every visitor (device) of one verified user of the channel. */
  contactId: string;
  /** The site's user id once verified (identity verification); `null`: anonymous. */
  userId: string | null;
  createdAt: number;
}

/** One waiting session in its team's queue. */
export interface QueueEntry {
  id: string;
  channel: Session['channel'];
  contactId: string;
}

/** Signs a stored file's download url; the storage hands it out fresh on every read. */
export type FileUrl = (file: Pick<FileRecord, 'id'>) => string;

/**
 * All data access, behind one interface, so the services run unchanged on SQLite or PostgreSQL.
 * Methods are async even where SQLite is synchronous, to fit a networked database. One interface
 * per aggregate, composed.
 */
export interface Repository
  extends
    TeamRepository,
    AgentLoginRepository,
    ContactRepository,
    SessionRepository,
    MessageRepository,
    FileRepository,
    CatalogRepository,
    NoteRepository,
    ChannelRepository,
    ChannelDeliveryRepository,
    WebchatRepository,
    AuditRepository,
    ApiKeyRepository,
    PasswordTokenRepository,
    AvailabilityRepository,
    ChatRepository {
  /** The administered resources, each read and written whole (server/src/domain/admin/). */
  readonly admin: AdminStores;

  /**
   * Runs `fn` in one transaction on the repository it is given (use only that one inside `fn`):
   * committed when `fn` resolves, rolled back when it throws.
   */
  transaction<T>(fn: (tx: Repository) => Promise<T>): Promise<T>;
}

/** An agent's availability as stored (server/src/domain/availability.ts). */
export interface AgentStateRecord {
  agentId: string;
  state: AgentState;
  pauseTypeId: string | null;
  pauseLimitMs: number | null;
  since: number;
  /** When its current stretch with a socket open began; null: none open. */
  connectedSince: number | null;
}

/** One pause of an agent, with its type as it was when it started. */
export interface PauseRecord {
  id: string;
  agentId: string;
  pauseTypeId: string;
  pauseTypeName: string;
  startedAt: number;
  endedAt: number | null;
  limitMs: number | null;
  /** How far past the limit it ended (0 within it); null while open or without a limit. */
  overrunMs: number | null;
}

/** The company's availability rules, set by the admin (company_settings key `availability`). */
export interface AvailabilitySettings {
  /** How long every socket of an agent may be gone before it is away. */
  awayGraceMs: number;
  /** What an agent's active sessions do when it pauses, and when it logs out: stay its own, or go back to their team's queue. */
  sessionsOnPause: 'keep' | 'requeue';
  sessionsOnLogout: 'keep' | 'requeue';
  /** A transfer to an agent who is not online: refused, or waiting for the agent's team instead. */
  transferToUnavailable: 'refuse' | 'team';
  /** Where "today" is for the counters (IANA zone); null: UTC. */
  timeZone: string | null;
}

/** Availability, pauses, logged-in time and the counters an agent may see. */
export interface AvailabilityRepository {
  getAgentState(agentId: string): Promise<AgentStateRecord | null>;
  listAgentStates(): Promise<AgentStateRecord[]>;
  putAgentState(record: AgentStateRecord): Promise<void>;
  insertPause(pause: Omit<PauseRecord, 'endedAt' | 'overrunMs'>): Promise<void>;
  /** Ends the agent's open pause at `at` (its overrun computed from its limit); null when none was open. */
  endOpenPause(agentId: string, at: number): Promise<PauseRecord | null>;
  /** The agent's pauses that started at or after `since`, oldest first. */
  listPauses(agentId: string, since: number): Promise<PauseRecord[]>;
  addLoginTime(agentId: string, day: string, ms: number): Promise<void>;
  getLoginTime(agentId: string, day: string): Promise<number>;
  getAvailabilitySettings(): Promise<AvailabilitySettings>;
  putAvailabilitySettings(settings: AvailabilitySettings): Promise<void>;
  countWaitingInTeams(teamIds: readonly string[]): Promise<number>;
  /** Sessions the agent owns that are active or pending. */
  countInService(agentId: string): Promise<number>;
  /** Sessions the agent owned that were finished in `[from, to)`. */
  countFinishedBy(agentId: string, from: number, to: number): Promise<number>;
  /** The agent's own profile fields; only the ones given change. */
  updateAgentProfile(
    agentId: string,
    changes: Partial<{ nickname: string | null; extension: string | null; language: string | null; photoFileId: string | null }>,
  ): Promise<void>;
}

/**
 * The internal chat: messages of a pair of agents, numbered per pair (`pairKey`: both ids sorted,
 * joined by a space).
 */
export interface ChatRepository {
  getChatMessage(id: string): Promise<ChatMessage | null>;
  /** The highest seq of the pair's messages, 0 when there is none. */
  lastChatSeq(pairKey: string): Promise<number>;
  /** `attachments` are linked by id (their files must exist). */
  insertChatMessage(pairKey: string, message: ChatMessage): Promise<void>;
  /** At most `limit` messages before `beforeSeq` (the newest when null), oldest first. */
  listChatMessagesBefore(pairKey: string, beforeSeq: number | null, limit: number): Promise<ChatMessage[]>;
  /** Every conversation of the agent, the most recent first. */
  listChatConversations(agentId: string): Promise<ChatConversation[]>;
  /** Marks read what `fromAgentId` sent `readerId` up to `upToSeq`; answers the messages it changed. */
  markChatRead(pairKey: string, readerId: string, upToSeq: number, at: number): Promise<ChatMessage[]>;
}

/** Teams, agents, their memberships and rating totals. */
export interface TeamRepository {
  insertTeam(team: Team, createdAt: number, waitingTimeoutMs?: number | null): Promise<void>;
  setTeamWaitingTimeout(teamId: string, waitingTimeoutMs: number | null): Promise<void>;
  /** `null`: always open. */
  setTeamWorkingHours(teamId: string, hours: WorkingHours | null): Promise<void>;
  /** The working hours of each of `teamIds` (`null`: always open). */
  getWorkingHours(teamIds: readonly string[]): Promise<Map<string, WorkingHours | null>>;
  listAllTeams(): Promise<Team[]>;
  listAgents(): Promise<Agent[]>;
  getTeam(id: string): Promise<Team | null>;
  listTeams(ids: readonly string[]): Promise<Team[]>;
  countAgents(): Promise<number>;
  /** `rating` comes from the sessions, not from the caller. */
  insertAgent(agent: Omit<AgentAccount, 'rating' | 'photoUrl' | 'language'>, createdAt: number): Promise<void>;
  addTeamMember(teamId: string, agentId: string): Promise<void>;
  getAgent(id: string): Promise<Agent | null>;
  findAgentAccountByEmail(email: string): Promise<StoredAgentAccount | null>;
  findAgentAccountByExternalId(externalId: string): Promise<StoredAgentAccount | null>;
  setAgentExternalId(agentId: string, externalId: string | null): Promise<void>;
  /** Adds one rating (1–5) to the agent's totals. */
  addAgentRating(agentId: string, score: number): Promise<void>;
}

/** Agent login: tokens, and failed logins per account and address (the throttle). */
export interface AgentLoginRepository {
  insertAuthToken(token: AuthTokenRecord): Promise<void>;
  /** The token (expired or not) and whether its agent is active, or null. */
  findAuthToken(tokenHash: string): Promise<(AuthTokenRecord & { agentActive: boolean }) | null>;
  deleteAuthToken(tokenHash: string): Promise<boolean>;
  /** Deletes every token of the agent; answers their hashes (their sockets are to be closed). */
  deleteAgentAuthTokens(agentId: string, exceptTokenHash?: string): Promise<string[]>;
  /** Deletes every token issued through the API key; answers their hashes. */
  deleteApiKeyAuthTokens(apiKeyId: string): Promise<string[]>;
  /** Forgets the tokens that expired before `at`; answers how many. */
  deleteExpiredAuthTokens(at: number): Promise<number>;
  /** Consecutive failed logins of an account from an address (since its last success there), or null. */
  getLoginFailures(email: string, address: string): Promise<{ count: number; lastAt: number } | null>;
  /** Counts a failure for the account at the address and for the address; forgets the address's failures before `forgetBefore`. */
  recordLoginFailure(email: string, address: string, at: number, forgetBefore: number): Promise<void>;
  /** The address's failed logins (any account) since `since`: how many, and the oldest's time. */
  addressLoginFailuresSince(address: string, since: number): Promise<{ count: number; oldestAt: number | null }>;
  clearLoginFailures(email: string, address: string): Promise<void>;
  /** Replaces the agent's password (scrypt hash and salt; an empty hash matches no password). */
  setAgentPassword(agentId: string, hash: string, salt: string): Promise<void>;
}

export interface ContactRepository {
  getContact(id: string): Promise<Contact | null>;
  getContacts(ids: readonly string[]): Promise<Contact[]>;
  findContactByEmail(email: string): Promise<Contact | null>;
  findContactByPhone(phone: string): Promise<Contact | null>;
  /** The oldest contact other than `exceptId` whose phone, e-mail or document is `value`. */
  findOtherContactWith(field: ContactUniqueField, value: string, exceptId: string): Promise<{ id: string; name: string } | null>;
  /** Writes the row, its tags and its addresses (`photo.url` is not stored: it is signed on every read). */
  insertContact(contact: Contact): Promise<void>;
  /** Writes `contact` (tags and addresses replaced) if the stored version is `expectedVersion`; false when it changed meanwhile. */
  updateContact(contact: Contact, expectedVersion: number): Promise<boolean>;
  /** The directory: contacts matching `search`, ordered by folded name then id, after its cursor. */
  searchContacts(search: ContactSearch): Promise<Contact[]>;
}

/** A field of the contact the directory matches a code-like query against (digits, an e-mail, a matrícula). */
export type ContactSearchField = 'document' | 'phone' | 'email' | 'registration';

/** One way a query matches a contact: a field equal to, or starting with, `value`. */
export interface ContactSearchKey {
  field: ContactSearchField;
  value: string;
  match: 'exact' | 'prefix';
}

export interface ContactSearch {
  /** Folded (`foldForSearch`) text the folded name contains ('' for everyone); null when the query is a code. */
  name: string | null;
  /** Any of these matches too. */
  keys: readonly ContactSearchKey[];
  /** Only contacts who used a channel of this kind, or can be reached on it (a phone for WhatsApp). */
  channel: ChannelKind | null;
  /** Only contacts linked to this customer account. */
  accountId: string | null;
  /** The last contact of the previous page. */
  after: { searchName: string; id: string } | null;
  limit: number;
}

/** What no two contacts share: a channel finds its contact by it. */
export type ContactUniqueField = 'phone' | 'email' | 'document';

/** Notes on contacts. */
export interface NoteRepository {
  getNote(id: string): Promise<Note | null>;
  listNotes(contactId: string): Promise<Note[]>;
  insertNote(note: Note): Promise<void>;
  updateNote(note: Note, expectedVersion: number): Promise<boolean>;
  deleteNote(id: string): Promise<boolean>;
}

export interface SessionRepository {
  /** Increments a named counter and returns its new value. */
  nextCounter(name: string): Promise<number>;
  getSession(id: string): Promise<Session | null>;
  insertSession(session: Session): Promise<void>;
  /**
   * Compare-and-set on `version`: false when another writer changed the session first. `before`, the
   * session as read at `expectedVersion`, lets it write only the columns that changed: a message
   * changes a few, and writing the rest rewrites every index of the table.
   */
  updateSession(session: Session, expectedVersion: number, before?: Session): Promise<boolean>;
  listSessionsByTeamsAndStatus(teamIds: readonly string[], statuses: readonly SessionStatus[]): Promise<Session[]>;
  listSessionsByAgentAndStatus(agentId: string, statuses: readonly SessionStatus[]): Promise<Session[]>;
  /** Newest first. */
  listSessionsOfContact(contactId: string, channelKey?: string): Promise<Session[]>;
  /** The team's waiting sessions, oldest first: its queue. */
  listWaitingQueue(teamId: string): Promise<QueueEntry[]>;
  /** How long (ms) the team's `limit` most recently accepted sessions waited, newest first. */
  listRecentWaits(teamId: string, limit: number): Promise<number[]>;
  /** Records when a session (re)started waiting: the team's timeout counts from then. */
  setWaitingSince(sessionId: string, at: number): Promise<void>;
  /**
   * What an agent's desk holds whole: the sessions waiting for it, its own active and pending
   * sessions, and the open sessions it is invited to. Oldest first. (Those waiting for its teams are
   * paged: `listWaitingPage`.)
   */
  listDeskSessions(agentId: string): Promise<Session[]>;
  /**
   * Sessions waiting for the whole team, of any of `teamIds`, in the queue's order (`created_at`,
   * then `id` by code unit) after `after` (null: from the first), at most `limit`.
   */
  listWaitingPage(teamIds: readonly string[], after: QueueCursor | null, limit: number): Promise<Session[]>;
  /** Per team of `teamIds`: how many sessions wait for the whole team (0 for a team with none). */
  countWaiting(teamIds: readonly string[]): Promise<Record<string, number>>;
  /** Waiting sessions whose team's timeout has passed at `now`. */
  listExpiredWaiting(now: number): Promise<Session[]>;
  /** Sessions in scope whose contact matches; newest interaction first. */
  searchSessions(search: SessionSearch): Promise<Session[]>;
  /** A contact's sessions in scope that pass `filter`, created before `before`, newest first, at most `limit`. */
  listContactHistory(
    contactId: string,
    scope: SessionScope,
    filter: ContactHistoryFilter,
    before: number | null,
    limit: number,
  ): Promise<Session[]>;
}

export interface MessageRepository {
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
  markMessages(
    sessionId: string,
    upToSeq: number,
    authorKinds: readonly AuthorKind[],
    status: 'delivered' | 'read',
    at: number,
  ): Promise<number>;
}

export interface FileRepository {
  insertFile(file: FileRecord): Promise<void>;
  getFile(id: string): Promise<FileRecord | null>;
  /** The attachment of a file, with a fresh signed url. */
  toAttachment(file: FileRecord): Attachment;
  /** Files of messages in the contact's sessions in scope, newest first. */
  listGallery(contactId: string, scope: SessionScope, limit: number): Promise<GalleryItem[]>;
}

/** What agents pick from: tags, templates, canned responses. */
export interface CatalogRepository {
  insertTag(tag: Tag): Promise<void>;
  listTagsOfTeams(teamIds: readonly string[]): Promise<Tag[]>;
  getTags(ids: readonly string[]): Promise<Tag[]>;
  insertTemplate(template: Template): Promise<void>;
  getTemplate(id: string): Promise<Template | null>;
  listTemplatesOfTeams(teamIds: readonly string[]): Promise<Template[]>;
  /** `attachments` are linked by id (their files must exist). */
  insertCannedResponse(canned: Omit<CannedResponse, 'attachments'> & { attachmentIds: string[] }): Promise<void>;
  /** Those for every team and those of `teamIds`, by shortcut. */
  listCannedResponses(teamIds: readonly string[]): Promise<CannedResponse[]>;
}

/** Channels with a webhook, and the inbound messages they delivered (stored once by external id). */
export interface ChannelRepository {
  insertChannel(channel: ChannelRecord, createdAt: number): Promise<void>;
  getChannel(key: string): Promise<ChannelRecord | null>;
  /** Every channel with a webhook, by name. */
  listChannels(): Promise<ChannelRecord[]>;
  findInbound(channelKey: string, externalId: string): Promise<{ sessionId: string; messageId: string } | null>;
  insertInbound(channelKey: string, externalId: string, sessionId: string, messageId: string): Promise<void>;
}

/** An agent's message on its way out through a channel's API (WhatsApp's Graph API). */
export interface OutboundDelivery {
  messageId: string;
  channelKey: string;
  sessionId: string;
  state: 'queued' | 'sending' | 'sent' | 'failed';
  /** What to send, decided when the message was stored (JSON, the adapter's own shape). */
  request: string;
  /** The channel's id of the sent message (WhatsApp's `wamid…`), once accepted. */
  externalId: string | null;
  attempts: number;
}

/** Outbound deliveries: one row per message, so a message is handed to the channel once. */
export interface ChannelDeliveryRepository {
  queueOutbound(delivery: Pick<OutboundDelivery, 'messageId' | 'channelKey' | 'sessionId' | 'request'>, at: number): Promise<void>;
  /** Moves a queued delivery to `sending`; false when another attempt already took it. */
  claimOutbound(messageId: string, at: number): Promise<boolean>;
  outboundSent(messageId: string, externalId: string, attempts: number, at: number): Promise<void>;
  outboundFailed(messageId: string, attempts: number, at: number): Promise<void>;
  getOutbound(messageId: string): Promise<OutboundDelivery | null>;
  findOutboundByExternalId(channelKey: string, externalId: string): Promise<OutboundDelivery | null>;
  listQueuedOutbound(): Promise<OutboundDelivery[]>;
  /** Deliveries handed to the channel (`sending`) at or before `claimedBy` that never got an answer. */
  listUnansweredOutbound(claimedBy: number): Promise<OutboundDelivery[]>;
  /**
   * Records why the channel did not deliver a stored message (the message's `failure`); false when it
   * had already failed (another node failed it too): it keeps its first failure.
   */
  markMessageFailed(messageId: string, failure: MessageFailure): Promise<boolean>;
  /** Templates agents sent a contact on a channel after `since` (its last message), in every session. */
  countTemplatesSince(contactId: string, channelKey: string, since: number): Promise<number>;
}

/** Webchat channels and their visitors. */
export interface WebchatRepository {
  insertWebchatChannel(channel: NewWebchatChannel, createdAt: number): Promise<void>;
  getWebchatChannel(key: string): Promise<WebchatChannelRecord | null>;
  /** Replaces the given parts of a channel's configuration (`teamIds` too, in their new order). */
  updateWebchatChannel(key: string, changes: Partial<Omit<WebchatChannelRecord, 'key'>>): Promise<void>;
  insertVisitor(visitor: VisitorRecord, tokenHash: string): Promise<void>;
  findVisitorByTokenHash(tokenHash: string): Promise<VisitorRecord | null>;
  /** The contact of a verified user of the channel (the one its first visitor got), if any. */
  findUserContactId(channelKey: string, userId: string): Promise<string | null>;
  /** An anonymous visitor becomes the verified user's, under a new token (the old one stops working). */
  adoptVisitor(visitorId: string, userId: string, tokenHash: string): Promise<void>;
}

/** CRMs' API keys (server/src/domain/api-keys.ts). */
export interface ApiKeyRepository {
  insertApiKey(key: ApiKeyRecord, secretHash: string): Promise<void>;
  /** Newest first, revoked ones included. */
  listApiKeys(): Promise<ApiKeyRecord[]>;
  getApiKey(id: string): Promise<ApiKeyRecord | null>;
  findApiKeyBySecretHash(secretHash: string): Promise<ApiKeyRecord | null>;
  markApiKeyUsed(id: string, at: number): Promise<void>;
  /** False when there is no such key or it was already revoked. */
  revokeApiKey(id: string, at: number): Promise<boolean>;
}

/** One administered resource's rows, read and written whole: `put` creates or replaces by id. */
export interface RecordStore<T extends { id: string }> {
  list(): Promise<T[]>;
  get(id: string): Promise<T | null>;
  put(record: T): Promise<void>;
  /** False when there was none. */
  remove(id: string): Promise<boolean>;
}

/** An agent as administered: everything but its password and its rating. */
export interface AgentRecord {
  id: string;
  name: string;
  email: string;
  role: AgentRole;
  teamIds: string[];
  nickname: string | null;
  extension: string | null;
  photoFileId: string | null;
  permissions: AgentPermissions;
  /** A deactivated agent cannot log in; its sessions went back to their teams. */
  active: boolean;
  /** The agent's id in the company's CRM (sign-on through an API key). */
  externalId: string | null;
}

/** A day a team does not attend, whatever its working hours. */
export interface Holiday {
  /** `YYYY-MM-DD`, in the team's time zone. */
  date: string;
  name: string;
}

export interface TeamRecord {
  id: string;
  name: string;
  memberIds: string[];
  /** `null`: its waiting sessions never expire. */
  waitingTimeoutMs: number | null;
  /** `null`: always open. */
  workingHours: WorkingHours | null;
  holidays: Holiday[];
}

/** A webchat channel as administered; `id` is its key. */
export type WebchatChannelAdminRecord = Omit<WebchatChannelRecord, 'key'> & { id: string };

/** A WhatsApp Business (Cloud API) channel and the credentials its adapter needs; `id` is its key. */
export interface WhatsappChannelRecord {
  id: string;
  name: string;
  /** Where its new sessions wait. */
  defaultTeamId: string;
  phoneNumberId: string | null;
  businessAccountId: string | null;
  /** Secrets: never sent to clients nor written to the audit log. */
  accessToken: string | null;
  /** Signs the webhooks (`channels.secret`). */
  appSecret: string;
  /** What Meta echoes when it verifies the webhook's address. */
  verifyToken: string | null;
}

/** A canned response with its files by id. */
export type CannedResponseRecord = Omit<CannedResponse, 'attachments'> & { fileIds: string[] };

/** A kind of pause an agent picks, with its time limit. */
export interface PauseTypeRecord {
  id: string;
  name: string;
  /** `null`: no limit. */
  timeLimitMs: number | null;
}

import type { ContactField } from '../../../src/protocol/index.js';
export { CONTACT_FIELDS, type ContactField } from '../../../src/protocol/index.js';

/** Company-wide contact rules; one row, id `contact`. */
export interface ContactSettingsRecord {
  id: string;
  /** The fields an agent must fill in on a contact. */
  requiredFields: ContactField[];
  /** What a contact may be classified as; absent in documents saved before the list existed. */
  classifications?: string[];
}

/** Every administered resource's rows. */
export interface AdminStores {
  agents: RecordStore<AgentRecord>;
  teams: RecordStore<TeamRecord>;
  webchatChannels: RecordStore<WebchatChannelAdminRecord>;
  whatsappChannels: RecordStore<WhatsappChannelRecord>;
  templates: RecordStore<Template>;
  cannedResponses: RecordStore<CannedResponseRecord>;
  tags: RecordStore<Tag>;
  pauseTypes: RecordStore<PauseTypeRecord>;
  contactSettings: RecordStore<ContactSettingsRecord>;
  accounts: RecordStore<CustomerAccount>;
  availabilitySettings: RecordStore<AvailabilitySettings & { id: string }>;
}

/** Who made an administrative change: an agent (through the admin API), a CRM's API key, or the command line. */
export interface AuditActor {
  kind: 'agent' | 'api-key' | 'cli';
  /** The agent's or the key's id; `null` for the command line. */
  id: string | null;
}

export interface NewAuditEntry {
  at: number;
  actor: AuditActor;
  /** What was done: `create`, `update`, `delete`, `deactivate`, `rotate-secret`, `revoke`, … */
  action: string;
  /** The kind of thing changed: `agent`, `team`, `webchat-channel`, `api-key`, … */
  resource: string;
  resourceId: string | null;
  /** The resource as it was and as it became (JSON; secrets left out by the caller); null where there was none. */
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry extends NewAuditEntry {
  id: number;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  resource?: string;
  resourceId?: string;
  actorId?: string;
  /** Entries older than this id (paging back). */
  beforeId?: number;
  /** Entries made at or after this time (ms). */
  since?: number;
  limit: number;
}

/** Every administrative change, kept. */
export interface AuditRepository {
  /** Call inside the change's own transaction, so a change is never kept without its entry or the reverse. */
  insertAudit(entry: NewAuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;
}

/** What setting a password needs to know of an agent. */
export interface PasswordAccount {
  id: string;
  name: string;
  email: string;
  role: Agent['role'];
  /** A deactivated agent gets no link, and its links stop working. */
  active: boolean;
  /** False until the agent sets one through an invite link (an empty hash matches no password). */
  hasPassword: boolean;
}

export type PasswordTokenPurpose = 'invite' | 'reset';

export interface PasswordTokenRecord {
  tokenHash: string;
  agentId: string;
  purpose: PasswordTokenPurpose;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

/** One-time password links (invite, reset), and what setting a password changes. */
export interface PasswordTokenRepository {
  findPasswordAccount(by: { id: string } | { email: string }): Promise<PasswordAccount | null>;
  /** Stores a new link and retires the agent's earlier unused ones: only the newest link works. */
  insertPasswordToken(token: Omit<PasswordTokenRecord, 'usedAt'>): Promise<void>;
  getPasswordToken(tokenHash: string): Promise<PasswordTokenRecord | null>;
  /** How many links of `purpose` the agent got after `since` (used or not): the throttle of reset mails. */
  countPasswordTokensSince(agentId: string, purpose: PasswordTokenPurpose, since: number): Promise<number>;
  /** Marks the link used; false when it already was (the link works once, even for two requests at once). */
  usePasswordToken(tokenHash: string, at: number): Promise<boolean>;
}
