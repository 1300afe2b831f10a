import type { Server } from 'socket.io';
import type { AgentAvailability, ChatMessage, Contact, Message, MessageStatusChange, Note, Session } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import type { DomainEvents, SessionAudienceChange } from '../domain/events.js';
import { QueueEstimator } from '../domain/queue.js';
import { QueueCounts } from './queue-counts.js';
import { QueueNotifier } from './queue-notifier.js';
import type { QueueToldStore } from './queue-told.js';
import { contactForVisitor } from '../domain/visitor-contact.js';
import { isWithinWorkingHours } from '../domain/working-hours.js';
import { AGENTS_ROOM, agentRoom, availableRoom, sessionRoom, supervisorRoom, teamRoom, visitorRoom } from './rooms.js';

/**
 * Who receives what (docs/protocol.md, section 4). Every event goes to all its rooms in one
 * `io.to([...])`, so a socket in several of them receives it once.
 *
 * - session.updated → those who show the session: the owner, the invited agents, the session room,
 *   the contact's visitors (webchat sessions only), and, once it is attended, the team's supervisors.
 *   While it waits for its team, also the team's online agents (not paused, away or offline), and only inside the team's
 *   working hours: the new-session alert; while it waits for one agent, that agent. When the change
 *   took it out of a queue or into one (accepted, finished, expired, transferred), every agent of
 *   those teams, so it leaves or joins their queue; after a transfer or a leave also the agents who
 *   lost the session and the former team's supervisors. Never the whole team for a new message in an
 *   active session: with 50 agents that was 50 frames a message (the load benchmark's profile).
 * - agent.availability → every agent socket; the agent's sockets join or leave its teams'
 *   `available:` rooms.
 * - message.created, message.status → the session room, the owner, the invited agents, the
 *   contact's visitors (webchat sessions only; not the team: agents of the team see the new last
 *   message through session.updated).
 * - contact.updated → the contact's visitors and those who show its open sessions: the whole team
 *   for a waiting one (its queue row), the participants and supervisors for the others. A contact
 *   with no open session (e.g. just created by contact.save) reaches only the saving agent's answer.
 * - note.updated, note.deleted → every agent socket.
 * - webchat.queue → the contact's visitors, when a waiting session's place or estimate changed.
 * - queue.counts → every agent of a team, when its queue changed (a session joined or left it).
 * - chat.message → every socket of the internal chat's two agents, no one else.
 *
 * A contact found by phone may have sessions on other channels (WhatsApp): those never reach its
 * webchat visitors, who may be anyone who typed that number.
 */
export class SocketEvents implements DomainEvents {
  readonly #queue: QueueNotifier;
  readonly #counts: QueueCounts;
  #closed = false;

  constructor(
    private readonly io: Server,
    private readonly repo: Repository,
    private readonly log: (error: unknown) => void,
    private readonly now: () => number = Date.now,
    queueTold?: QueueToldStore,
  ) {
    this.#queue = new QueueNotifier(
      new QueueEstimator(repo),
      (contactId, position) => this.io.to(visitorRoom(contactId)).emit('webchat.queue', position),
      log,
      queueTold,
    );
    this.#counts = new QueueCounts(repo, (teamId, waiting) => this.io.to(teamRoom(teamId)).emit('queue.counts', { teamId, waiting }), log);
  }

  sessionUpdated(session: Session, contact: Contact, former?: SessionAudienceChange): void {
    this.#emit(async () => {
      const rooms = new Set([...this.#participants(session), ...this.#visitorRooms(session)]);
      // Supervisors follow what is being attended; a waiting session is offered like to anyone (a paused supervisor is not alerted).
      if (session.status !== 'waiting') rooms.add(supervisorRoom(session.teamId));
      else if (session.targetAgentId) rooms.add(agentRoom(session.targetAgentId));
      else if (await this.#attending(session.teamId)) rooms.add(availableRoom(session.teamId));
      for (const teamId of former?.queueTeamIds ?? []) {
        // A session now waiting for one agent of its team is in no one else's queue.
        if (!(session.status === 'waiting' && session.targetAgentId && teamId === session.teamId)) rooms.add(teamRoom(teamId));
      }
      for (const agentId of former?.agentIds ?? []) rooms.add(agentRoom(agentId));
      if (former?.teamId) rooms.add(supervisorRoom(former.teamId));
      // Visitors (in the session room too) get the contact as they may see it.
      const visitor = visitorRoom(session.contactId);
      this.io
        .to([...rooms])
        .except(visitor)
        .emit('session.updated', { session, contact });
      if (session.channel === 'webchat') this.io.to(visitor).emit('session.updated', { session, contact: contactForVisitor(contact) });
    });
  }

  messageCreated(message: Message, session: Session): void {
    this.#emit(async () => {
      const rooms = [...this.#participants(session), ...this.#visitorRooms(session)];
      this.io.to(rooms).emit('message.created', { message });
    });
  }

  messageStatus(session: Session, status: MessageStatusChange): void {
    this.#emit(async () => {
      const rooms = [...this.#participants(session), ...this.#visitorRooms(session)];
      this.io.to(rooms).emit('message.status', { sessionId: session.id, ...status });
    });
  }

  noteUpdated(note: Note): void {
    this.io.to(AGENTS_ROOM).emit('note.updated', { note });
  }

  noteDeleted(noteId: string, contactId: string): void {
    this.io.to(AGENTS_ROOM).emit('note.deleted', { noteId, contactId });
  }

  chatMessage(message: ChatMessage): void {
    this.io.to([agentRoom(message.fromAgentId), agentRoom(message.toAgentId)]).emit('chat.message', message);
  }

  queueChanged(teamId: string): void {
    this.#queue.teamChanged(teamId);
    this.#counts.teamChanged(teamId);
  }

  availabilityChanged(availability: AgentAvailability): void {
    this.#emit(async () => {
      const agent = await this.repo.getAgent(availability.agentId);
      const rooms = agent?.teamIds.map(availableRoom) ?? [];
      const sockets = this.io.in(agentRoom(availability.agentId));
      if (availability.state === 'online') sockets.socketsJoin(rooms);
      else sockets.socketsLeave(rooms);
      this.io.to(AGENTS_ROOM).emit('agent.availability', availability);
    });
  }

  /** Within the team's working hours now (a team without hours always attends). */
  async #attending(teamId: string): Promise<boolean> {
    const hours = (await this.repo.getWorkingHours([teamId])).get(teamId) ?? null;
    return isWithinWorkingHours(hours, this.now());
  }

  /** Before the database closes: no more queue recounts, and events not routed yet are dropped. */
  close(): Promise<void> {
    this.#closed = true;
    return Promise.all([this.#queue.close(), this.#counts.close()]).then(() => undefined);
  }

  contactUpdated(contact: Contact): void {
    this.#emit(async () => {
      const open = (await this.repo.listSessionsOfContact(contact.id)).filter((s) => s.status !== 'finished');
      const rooms = new Set<string>();
      for (const session of open) {
        // A waiting session's row shows the contact in every queue of its team.
        rooms.add(session.status === 'waiting' ? teamRoom(session.teamId) : supervisorRoom(session.teamId));
        for (const room of this.#participants(session)) rooms.add(room);
      }
      // Never `to([])`: no room at all means every socket.
      if (rooms.size > 0)
        this.io
          .to([...rooms])
          .except(visitorRoom(contact.id))
          .emit('contact.updated', { contact });
      this.io.to(visitorRoom(contact.id)).emit('contact.updated', { contact: contactForVisitor(contact) });
    });
  }

  /** The session room, the owner and the invited agents. */
  #participants(session: Session): string[] {
    const rooms = [sessionRoom(session.id), ...session.invitedAgentIds.map(agentRoom)];
    if (session.agentId) rooms.push(agentRoom(session.agentId));
    return rooms;
  }

  #visitorRooms(session: Session): string[] {
    return session.channel === 'webchat' ? [visitorRoom(session.contactId)] : [];
  }

  /**
   * Events follow a committed change; a failure to route one must not fail the command. Routed on
   * the next turn of the event loop, in the order announced: the command's acknowledgement then
   * usually goes out first, which spares clients a race (they must still accept either order).
   */
  #emit(route: () => Promise<void>): void {
    setImmediate(() => {
      if (!this.#closed) route().catch(this.log);
    });
  }
}
