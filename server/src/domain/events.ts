import type { AgentAvailability, ChatMessage, Contact, Message, MessageStatusChange, Note, Session } from '../../../src/protocol/index.js';

/**
 * What the services announce after a change is committed. The socket layer decides who receives
 * it (rooms); the services only say what happened.
 */
export interface DomainEvents {
  /**
   * `former.agentIds`: agents who saw the session before this change and may not now (a previous
   * owner or invitee after a transfer, an agent who left): they get this last update too.
   * `former.teamId`: the team a transfer took the session from.
   * `former.queueTeamIds`: the teams whose queue this change altered (the session left or joined it):
   * every desk of those teams shows or drops its row. A change that leaves the queues as they were
   * (a new message in an active session) reaches only those who show the session.
   */
  sessionUpdated(session: Session, contact: Contact, former?: SessionAudienceChange): void;
  messageCreated(message: Message, session: Session): void;
  contactUpdated(contact: Contact): void;
  messageStatus(session: Session, status: MessageStatusChange): void;
  noteUpdated(note: Note): void;
  noteDeleted(noteId: string, contactId: string): void;
  /**
   * The team's queue of waiting sessions changed (one joined or left it, or its recent waits did):
   * the webchat visitors waiting in it are told their new place. Not called for new messages.
   */
  queueChanged(teamId: string): void;
  /** An agent's availability changed (online, paused, away, offline): every agent is told, routing follows it. */
  availabilityChanged(availability: AgentAvailability): void;
  /** An internal-chat message was sent, or its recipient read it. */
  chatMessage(message: ChatMessage): void;
}

export type Clock = () => number;

/** Who saw a session before a change and may not see it after (DomainEvents.sessionUpdated). */
export interface SessionAudienceChange {
  agentIds?: readonly string[];
  teamId?: string;
  queueTeamIds?: readonly string[];
}
