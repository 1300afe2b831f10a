import type { Server } from 'socket.io';
import type { Contact, Message, Session } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import type { DomainEvents } from '../domain/events.js';

export const agentRoom = (agentId: string) => `agent:${agentId}`;
export const teamRoom = (teamId: string) => `team:${teamId}`;
export const visitorRoom = (visitorId: string) => `visitor:${visitorId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * Who receives what (docs/protocol.md, section 4). Every event goes to all its rooms in one
 * `io.to([...])`, so a socket in several of them receives it once.
 *
 * - session.updated → the team, the owner, the session room, the webchat visitor.
 * - message.created → the session room, the owner, the webchat visitor (not the team: agents of the
 *   team see the new last message through session.updated).
 * - contact.updated → the rooms of the contact's open sessions, and the contact's visitor. A contact
 *   with no open session (e.g. just created by contact.save) reaches only the saving agent's answer.
 */
export class SocketEvents implements DomainEvents {
  constructor(
    private readonly io: Server,
    private readonly repo: Repository,
    private readonly log: (error: unknown) => void,
  ) {}

  sessionUpdated(session: Session, contact: Contact): void {
    this.#emit(async () => {
      const rooms = [teamRoom(session.teamId), sessionRoom(session.id), ...(await this.#visitorRooms(session.contactId))];
      if (session.agentId) rooms.push(agentRoom(session.agentId));
      this.io.to(rooms).emit('session.updated', { session, contact });
    });
  }

  messageCreated(message: Message, session: Session): void {
    this.#emit(async () => {
      const rooms = [sessionRoom(session.id), ...(await this.#visitorRooms(session.contactId))];
      if (session.agentId) rooms.push(agentRoom(session.agentId));
      this.io.to(rooms).emit('message.created', { message });
    });
  }

  contactUpdated(contact: Contact): void {
    this.#emit(async () => {
      const open = (await this.repo.listSessionsOfContact(contact.id)).filter((s) => s.status !== 'finished');
      const rooms = new Set(await this.#visitorRooms(contact.id));
      for (const session of open) {
        rooms.add(teamRoom(session.teamId)).add(sessionRoom(session.id));
        if (session.agentId) rooms.add(agentRoom(session.agentId));
      }
      if (rooms.size > 0) this.io.to([...rooms]).emit('contact.updated', { contact });
    });
  }

  async #visitorRooms(contactId: string): Promise<string[]> {
    const visitor = await this.repo.findVisitorByContactId(contactId);
    return visitor ? [visitorRoom(visitor.id)] : [];
  }

  /** Events follow a committed change; a failure to route one must not fail the command. */
  #emit(route: () => Promise<void>): void {
    route().catch(this.log);
  }
}
