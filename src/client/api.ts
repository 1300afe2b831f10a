import type { CommandName, CommandPayload, CommandResult } from '../protocol/commands.js';
import type { Agent, AgentAvailability, AgentStats, Attachment, WebchatChannel, WebchatUser } from '../protocol/entities.js';
import type { UploadOptions } from './upload.js';
import type { Store } from './store.js';
import type { InternalChat } from './internal-chat.js';

/**
 * What elements need of a client: `ClientApi` for every element, `AgentClientApi` besides for the
 * agents' elements, `VisitorClientApi` for the webchat. `ConectaClient` implements all of it over a
 * socket; tests and stories use an in-memory one with the same behaviour towards the store.
 */
export interface ConectaClientApi extends AgentClientApi, VisitorClientApi {}

/** What every element needs of a client, an agent's or a visitor's. */
export interface ClientApi {
  /** The server's base URL, e.g. `https://chat.example.com`. */
  readonly server: string;
  readonly store: Store;
  /** Send a command; resolves with its `data`, rejects with a `ConectaError`. */
  command<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<CommandResult<N>>;
  /**
   * Write in a session: the message shows at once as `sending`, goes through the outbox, and turns
   * `sent` (or `failed`, with a retry) when the server answers. Returns the message's id.
   */
  sendMessage(sessionId: string, text: string, attachments?: readonly Attachment[]): string;
  /** Send a failed message again, with the same id (the server stores each id once). */
  retryMessage(sessionId: string, messageId: string): void;
  /**
   * Load a session with its contact and its newest messages (or every one after those held), and
   * follow it from now on; `state.hasOlder[sessionId]` says whether there is more to page back to.
   */
  openSession(sessionId: string): Promise<void>;
  /** Tell the other side the caller is (or stopped) typing. Callers throttle. */
  sendTyping(sessionId: string, typing: boolean): void;
  /** Mark the other side's messages held in this session as read (sent once per new message). */
  markRead(sessionId: string): void;
  /** Upload a file for a message; resolves with the attachment to pass to `sendMessage`. */
  uploadFile(file: Blob & { name?: string }, options?: UploadOptions): Promise<Attachment>;
  /** An attachment's absolute URL on this server. */
  fileUrl(attachment: Pick<Attachment, 'url'>): string;
}

/** What the agents' elements need besides. */
export interface AgentClientApi extends ClientApi {
  /** Load the page of messages before the oldest held; resolves with whether there are still older ones. */
  loadOlder(sessionId: string): Promise<boolean>;
  /** Colleagues, tags, templates and canned responses, into `state.catalog`. */
  loadCatalog(): Promise<void>;
  /** A contact's notes, into `state.notes[contactId]` (kept current by events). */
  loadNotes(contactId: string): Promise<void>;
  deleteNote(noteId: string): Promise<void>;
  /**
   * Load profile, teams and the sessions of the queue (and the agent's availability and time logged
   * in today): of the sessions waiting for its teams, the counts and the first page (`state.waitingQueue`).
   */
  loadQueue(): Promise<void>;
  /** Load the next page of the sessions waiting for the agent's teams (`teamId` null) or for one team; nothing when all are held. */
  loadMoreWaiting(teamId: string | null): Promise<void>;
  /** The internal chat with colleagues (`state.chat`). */
  readonly chat: InternalChat;
  /** Start a pause of that type, or switch to it: into `state.availability`. */
  pause(pauseTypeId: string): Promise<AgentAvailability>;
  /** End the pause: online again, into `state.availability`. */
  resume(): Promise<AgentAvailability>;
  /** The agent's counters, into `state.stats`; rejects with FORBIDDEN without the statistics permission. */
  loadStats(): Promise<AgentStats>;
  /** Change the agent's own nickname, extension, language or photo (an uploaded file's id); into `state.me`. */
  updateProfile(changes: ProfileChanges): Promise<Agent>;
  /** Change the agent's password (`current` must match); the agent's other sign-ins end. */
  changePassword(current: string, next: string): Promise<void>;
  /** End the agent's sign-in on the server (the token is revoked) and close this client. */
  logout(): Promise<void>;
}

/** What `updateProfile` may change; `null` clears a field, a missing one stays. */
export interface ProfileChanges {
  nickname?: string | null;
  extension?: string | null;
  language?: string | null;
  photoFileId?: string | null;
}

/** What the webchat needs besides: a webchat visitor's own commands. */
export interface VisitorClientApi extends ClientApi {
  /** Visitors: the public face of the client's webchat channel (name, teams offered). */
  fetchChannel(): Promise<WebchatChannel>;
  /** Visitors: load the visitor's sessions and contact (what survives a reload). */
  loadVisitorSessions(): Promise<void>;
  /**
   * Visitors: start a conversation for a team; resolves with the new session's id. `text` is its
   * first message (the offline form's). Fields the channel does not ask for may be left out.
   */
  startWebchat(input: WebchatStart): Promise<string>;
  /** Visitors: end the visitor's own conversation. */
  finishWebchat(sessionId: string): Promise<void>;
  /** Visitors: rate a finished conversation 1–5, with an optional comment (once). */
  rateSession(sessionId: string, score: number, comment?: string | null): Promise<void>;
  /**
   * Visitors: become the site's logged-in user (identity verification), or the anonymous visitor
   * again with `null`. Rejects with IDENTITY_REJECTED when the server refuses the hash; the
   * previous identity is then kept. Reconnects under the new identity and reloads its sessions.
   */
  setUser(user: WebchatUser | null): Promise<void>;
  /** Visitors: forget the visitor (token, held sessions, persisted outbox) and start as a new one. */
  resetVisitor(): Promise<void>;
}

export interface WebchatStart {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  teamId: string;
  text?: string | null;
}
