import type { AgentAvailability, AuthorKind, Contact, Message, MessageFailure, Note, QueuePosition, Session } from './entities.js';
import type { ChatMessage } from './internal-chat.js';

/**
 * Every event the server broadcasts. Clients apply them idempotently: an event may arrive twice,
 * or after the state it carries was already fetched by a resync.
 */
export interface ServerEvents {
  /** A session changed (created, accepted, finished, new last message); carries its contact. */
  'session.updated': { session: Session; contact: Contact };
  /** A message was stored; `seq` orders it within its session. */
  'message.created': { message: Message };
  /** A contact's record changed. */
  'contact.updated': { contact: Contact };
  /**
   * Messages of one side (`authorKinds`) up to `upToSeq` reached `status` on the other side.
   * Apply to every held message of those kinds with `seq <= upToSeq` (status only moves forward).
   * `failed` concerns one message only (`messageId`, whose seq is `upToSeq`): the channel refused it
   * after it was stored; `failure` says why, as the message's `failure` field does on a resync.
   */
  'message.status': MessageStatusEvent;
  /** Someone in the session started or stopped typing. */
  'session.typing': { sessionId: string; authorKind: AuthorKind; authorId: string | null; authorName: string; typing: boolean };
  /** A note on a contact was created or edited. */
  'note.updated': { note: Note };
  'note.deleted': { noteId: string; contactId: string };
  /**
   * To every agent: a colleague came online (opened a first socket) or went offline (closed the last
   * one: logout, every tab closed). What `agent.catalog`'s `online` said at the time it answered.
   */
  'agent.presence': { agentId: string; online: boolean };
  /** To every agent: a colleague's (or its own) state changed: online, paused (which type), away, offline. */
  'agent.availability': AgentAvailability;
  /**
   * To every agent of a team: how many sessions now wait for the whole team (its queue changed: one
   * joined or left it). A desk that has not loaded the whole queue shows this count.
   */
  'queue.counts': { teamId: string; waiting: number };
  /**
   * To a team's online agents: its working hours just began. The sessions that waited while it was
   * closed were offered to no one; reload the queue (`agent.snapshot`) to see them.
   */
  'team.opened': { teamId: string };
  /**
   * Internal chat, to every socket of both agents: a message was sent, or (sent again) the recipient
   * read it (`readAt` set). Keep the copy with `readAt` when both arrive.
   */
  'chat.message': ChatMessage;
  /**
   * To a webchat visitor: where its waiting session now stands in its team's queue. Sent when the
   * visitor connects and whenever the position or the estimate changes; not after the session left
   * `waiting` (the session.updated event says so).
   */
  'webchat.queue': QueuePosition;
  /**
   * To an agent's socket just before the server closes it because its token stopped working: it
   * expired (and was not refreshed with `auth.refresh`), it was revoked (logout elsewhere, an admin
   * revoked the API key's tokens), or the agent was deactivated. The client does not reconnect with
   * that token: it asks its `getToken()` for another, or shows the reason.
   */
  'auth.ended': { reason: AuthEndReason };
}

/** What changed in a session's messages' status (the `message.status` event without its session). */
export type MessageStatusChange =
  | { upToSeq: number; status: 'delivered' | 'read'; at: number; authorKinds: AuthorKind[] }
  | { upToSeq: number; status: 'failed'; at: number; authorKinds: AuthorKind[]; messageId: string; failure: MessageFailure };
export type MessageStatusEvent = { sessionId: string } & MessageStatusChange;

export type AuthEndReason = 'expired' | 'revoked' | 'deactivated';
export type EventName = keyof ServerEvents;

/** The socket.io event every command travels on: `socket.emit('command', name, payload, ack)`. */
export const COMMAND_EVENT = 'command';
