import type { Agent, Message, ParsedPayload, Session } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import { CommandError, forbidden, notFound } from './errors.js';
import type { Clock, DomainEvents } from './events.js';
import type { Identity } from './identity.js';
import { requireSession, visitorOwns } from './sessions.js';

/** The author of a message, resolved from the sender's identity. */
type Author = { kind: 'contact' | 'agent'; id: string; name: string };

/**
 * Messages: one row per client-generated id, numbered per session from 1 in the same transaction
 * that updates the session, so `seq` has no gaps and no duplicates.
 */
export class MessageService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
  ) {}

  async send(who: Identity, agent: Agent | null, input: ParsedPayload<'message.send'>): Promise<{ message: Message; session: Session }> {
    const result = await this.repo.transaction(async (tx) => {
      const session = await requireSession(tx, input.sessionId);
      const authorKind = who.kind === 'agent' ? 'agent' : 'contact';
      const authorId = who.kind === 'agent' ? who.agentId : who.contactId;

      // A retry first: it succeeds even if the session was finished since the first attempt.
      const existing = await tx.getMessage(input.id);
      if (existing) {
        if (existing.sessionId !== session.id || existing.authorKind !== authorKind || existing.authorId !== authorId) {
          throw new CommandError('CONFLICT', 'This message id is already used by another message. Send it with a new id.');
        }
        return { message: existing, session, created: false };
      }

      const author = await this.#authorize(tx, who, agent, session);
      const at = this.now();
      const message: Message = {
        id: input.id,
        sessionId: session.id,
        seq: session.lastSeq + 1,
        authorKind: author.kind,
        authorId: author.id,
        authorName: author.name,
        text: input.text,
        createdAt: at,
      };
      const updated: Session = {
        ...session,
        lastSeq: message.seq,
        lastMessageAt: at,
        lastMessageText: message.text,
        lastInboundAt: author.kind === 'contact' ? at : session.lastInboundAt,
        version: session.version + 1,
      };
      await tx.insertMessage(message);
      if (!(await tx.updateSession(updated, session.version))) throw new Error('session changed during message.send');
      return { message, session: updated, created: true };
    });

    if (result.created) {
      const contact = await this.repo.getContact(result.session.contactId);
      this.events.messageCreated(result.message, result.session);
      this.events.sessionUpdated(result.session, contact!);
    }
    return { message: result.message, session: result.session };
  }

  async #authorize(tx: Repository, who: Identity, agent: Agent | null, session: Session): Promise<Author> {
    if (who.kind === 'visitor') {
      if (!visitorOwns(who, session)) throw notFound('session');
      if (session.status === 'finished') throw finishedError();
      const contact = await tx.getContact(who.contactId);
      return { kind: 'contact', id: who.contactId, name: contact?.name ?? '' };
    }
    if (!agent || session.agentId !== agent.id) {
      throw forbidden(
        session.agentId === null ? 'Accept this session before writing in it.' : 'Only the agent who owns this session can write in it.',
      );
    }
    if (session.status === 'finished') throw finishedError();
    return { kind: 'agent', id: agent.id, name: agent.nickname || agent.name };
  }
}

const finishedError = () => new CommandError('SESSION_FINISHED', 'This session is finished: no more messages can be sent.');
