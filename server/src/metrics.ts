import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Message } from '../../src/protocol/index.js';
import type { Repository } from './db/repository.js';
import type { DomainEvents } from './domain/events.js';
import type { Identity } from './domain/identity.js';

/**
 * The server's Prometheus metrics, one registry per server (tests run several in one process).
 * What is counted on the message path is a counter increment; what costs a query (sessions waiting)
 * is read only when Prometheus scrapes.
 */
export class ServerMetrics {
  readonly registry = new Registry();

  readonly #sockets = new Gauge({
    name: 'conecta_sockets_connected',
    help: 'Open socket connections, by kind of identity (agent, visitor).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly #commands = new Counter({
    name: 'conecta_commands_total',
    help: 'Commands answered, by name and outcome (ok, or the error code).',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly #commandSeconds = new Histogram({
    name: 'conecta_command_duration_seconds',
    help: 'Time from receiving a command to its answer, by name.',
    labelNames: ['command'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly #messages = new Counter({
    name: 'conecta_messages_stored_total',
    help: 'Messages stored since the server started, by author (contact, agent, system).',
    labelNames: ['author'] as const,
    registers: [this.registry],
  });

  constructor(repo: Repository) {
    new Gauge({
      name: 'conecta_sessions_waiting',
      help: 'Sessions waiting for an agent, by team id.',
      labelNames: ['team'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const team of await repo.listAllTeams()) this.set({ team: team.id }, (await repo.listWaitingQueue(team.id)).length);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  socketConnected(kind: Identity['kind']): void {
    this.#sockets.inc({ kind });
  }

  socketDisconnected(kind: Identity['kind']): void {
    this.#sockets.dec({ kind });
  }

  /** `command`: a known command's name; anything else is counted as `(unknown)`, so senders cannot mint labels. */
  commandAnswered(command: string, outcome: string, seconds: number): void {
    this.#commands.inc({ command, outcome });
    this.#commandSeconds.observe({ command }, seconds);
  }

  messageStored(message: Pick<Message, 'authorKind'>): void {
    this.#messages.inc({ author: message.authorKind });
  }

  /** The services' events, passed on to `events` after counting what they tell (messages stored). */
  counting(events: DomainEvents): DomainEvents {
    return {
      sessionUpdated: (session, contact, former) => events.sessionUpdated(session, contact, former),
      messageCreated: (message, session) => {
        this.messageStored(message);
        events.messageCreated(message, session);
      },
      contactUpdated: (contact) => events.contactUpdated(contact),
      messageStatus: (session, status) => events.messageStatus(session, status),
      noteUpdated: (note) => events.noteUpdated(note),
      noteDeleted: (noteId, contactId) => events.noteDeleted(noteId, contactId),
      queueChanged: (teamId) => events.queueChanged(teamId),
      availabilityChanged: (availability) => events.availabilityChanged(availability),
      chatMessage: (message) => events.chatMessage(message),
    };
  }
}
