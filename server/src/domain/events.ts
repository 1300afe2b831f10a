import type { AgentAvailability, ChatMessage, Contact, Message, MessageStatusChange, Note, Session } from '../../../src/protocol/index.js';

/**
 * What the services announce after a change is committed. The socket layer decides who receives
 * it (rooms); the services only say what happened.
 */
export interface DomainEvents {
  /**
   * `formerAgentIds`: agents who saw the session before this change and may not now (a previous
   * owner or invitee after a transfer, an agent who left): they get this last update too.
   * `formerTeamId`: the team a transfer took the session from.
   */
  sessionUpdated(session: Session, contact: Contact, former?: { agentIds?: readonly string[]; teamId?: string }): void;
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
