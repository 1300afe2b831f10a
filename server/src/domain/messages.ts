import {
  appendMessage,
  fillTemplate,
  isWindowClosed,
  missingTemplateVariables,
  type Agent,
  type Attachment,
  type Contact,
  type AuthorKind,
  type Message,
  type ParsedPayload,
  type Session,
} from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import type { ChannelAdapters, OutboundIntent } from '../channels/channel-adapter.js';
import { CommandError, forbidden, notFound } from './errors.js';
import type { Clock, DomainEvents } from './events.js';
import type { Identity } from './identity.js';
import { agentMayWrite, nameOf, requireSession, visitorOwns } from './session-access.js';

/** The author of a message, resolved from the sender's identity. */
type Author = { kind: 'contact' | 'agent'; id: string; name: string };

/** What a command decides of its message; the author, the time and the place in the session come after. */
type Draft = Pick<Message, 'id' | 'kind' | 'text' | 'attachments' | 'templateId'> & { intent: OutboundIntent };

/**
 * Messages: one row per client-generated id, numbered per session from 1 in the same transaction
 * that updates the session, so `seq` has no gaps and no duplicates.
 */
export class MessageService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
    /** Each channel's rules and transport for what agents send (WhatsApp's window, its Graph API). */
    private readonly channels?: ChannelAdapters,
  ) {}

  async send(who: Identity, agent: Agent | null, input: ParsedPayload<'message.send'>): Promise<{ message: Message; session: Session }> {
    return this.#write(who, agent, input.id, input.sessionId, async (tx, session, author) => {
      // Where an adapter has rules (WhatsApp), it decides; elsewhere the window alone.
      if (author.kind === 'agent' && !this.channels?.of(session) && isWindowClosed(session, this.now())) {
        throw new CommandError(
          'WINDOW_CLOSED',
          'The conversation window is closed: on WhatsApp, free text is allowed only within 24 hours of the contact\u2019s last message. Send a template instead.',
        );
      }
      const attachments: Attachment[] = [];
      for (const [index, fileId] of input.attachmentIds.entries()) {
        const file = await tx.getFile(fileId);
        // Only one's own uploads: a file id seen elsewhere must not be re-sent by someone else.
        if (!file || file.ownerKind !== author.kind || file.ownerId !== author.id) {
          throw new CommandError('INVALID_PAYLOAD', 'The payload is not valid.', {
            [`attachmentIds.${index}`]: 'is not a file you uploaded',
          });
        }
        if (!attachments.some((a) => a.id === file.id)) attachments.push(tx.toAttachment(file));
      }
      return {
        id: input.id,
        kind: 'text',
        text: input.text,
        attachments,
        templateId: null,
        intent: { kind: 'text', text: input.text, fileIds: attachments.map((a) => a.id) },
      };
    });
  }

  /** A template of the session's team, its `{{variables}}` filled in; allowed with the window closed. */
  async sendTemplate(
    agent: Agent,
    who: Identity,
    input: ParsedPayload<'message.sendTemplate'>,
  ): Promise<{ message: Message; session: Session }> {
    return this.#write(who, agent, input.id, input.sessionId, async (tx, session) => {
      const template = await tx.getTemplate(input.templateId);
      if (!template || template.teamId !== session.teamId) {
        throw new CommandError('INVALID_PAYLOAD', 'The payload is not valid.', {
          templateId: 'is not a template of this session\u2019s team',
        });
      }
      const missing = missingTemplateVariables(template, input.variables);
      if (missing.length > 0) {
        throw new CommandError(
          'INVALID_PAYLOAD',
          'The payload is not valid.',
          Object.fromEntries(missing.map((name) => [`variables.${name}`, 'is required'])),
        );
      }
      return {
        id: input.id,
        kind: 'template',
        text: fillTemplate(template, input.variables),
        attachments: [],
        templateId: template.id,
        intent: { kind: 'template', template, variables: input.variables },
      };
    });
  }

  async #write(
    who: Identity,
    agent: Agent | null,
    id: string,
    sessionId: string,
    draft: (tx: Repository, session: Session, author: Author) => Promise<Draft>,
  ): Promise<{ message: Message; session: Session }> {
    const result = await this.repo.transaction(async (tx) => {
      const session = await requireSession(tx, sessionId);
      const authorKind = who.kind === 'agent' ? 'agent' : 'contact';
      const authorId = who.kind === 'agent' ? who.agentId : who.contactId;

      // A retry first: it succeeds even if the session was finished since the first attempt.
      const existing = await tx.getMessage(id);
      if (existing) {
        if (existing.sessionId !== session.id || existing.authorKind !== authorKind || existing.authorId !== authorId) {
          throw new CommandError('CONFLICT', 'This message id is already used by another message. Send it with a new id.');
        }
        return { message: existing, session, created: false, contact: null };
      }

      const { author, contact: visitorContact } = await this.#authorized(tx, who, agent, session);
      const { intent, ...fields } = await draft(tx, session, author);
      const adapter = author.kind === 'agent' ? this.channels?.of(session) : undefined;
      await adapter?.checkOutbound(tx, session, intent);
      const { message, session: updated } = appendMessage(session, {
        ...fields,
        authorKind: author.kind,
        authorId: author.id,
        authorName: author.name,
        system: null,
        createdAt: this.now(),
        deliveredAt: null,
        readAt: null,
      });
      await tx.insertMessage(message);
      if (!(await tx.updateSession(updated, session.version, session))) throw new Error('session changed during message.send');
      await adapter?.queueOutbound(tx, message, updated, intent);
      // Read here: after the commit it would queue behind every transaction waiting for the connection.
      // The visitor's is the session's contact, read above to name the author: not read twice.
      const contact = visitorContact ?? (await tx.getContact(session.contactId))!;
      return { message, session: updated, created: true, contact, adapter };
    });

    if (result.created) {
      result.adapter?.deliver(result.message, result.session);
      this.events.messageCreated(result.message, result.session);
      this.events.sessionUpdated(result.session, result.contact!);
    }
    return { message: result.message, session: result.session };
  }

  /**
   * The caller's side received or showed the other side's messages up to `upToSeq`. Status only
   * moves forward; `message.status` goes out only when a message changed.
   */
  async receipt(
    who: Identity,
    agent: Agent | null,
    input: ParsedPayload<'message.receipt'>,
  ): Promise<{ sessionId: string; upToSeq: number }> {
    const session = await requireSession(this.repo, input.sessionId);
    await this.#authorize(this.repo, who, agent, session, { allowFinished: true });
    // The visitor acknowledges the agents' messages; an agent, the contact's.
    const authorKinds: AuthorKind[] = who.kind === 'visitor' ? ['agent'] : ['contact'];
    const upToSeq = Math.min(input.upToSeq, session.lastSeq);
    const at = this.now();
    const changed = await this.repo.transaction((tx) => tx.markMessages(session.id, upToSeq, authorKinds, input.status, at));
    if (changed > 0) this.events.messageStatus(session, { upToSeq, status: input.status, at, authorKinds });
    return { sessionId: session.id, upToSeq };
  }

  /** Who is typing, if it may write in the session. */
  async typingAuthor(who: Identity, agent: Agent | null, sessionId: string): Promise<{ session: Session; author: Author }> {
    const session = await requireSession(this.repo, sessionId);
    return { session, author: await this.#authorize(this.repo, who, agent, session) };
  }

  async #authorize(
    tx: Repository,
    who: Identity,
    agent: Agent | null,
    session: Session,
    options: { allowFinished?: boolean } = {},
  ): Promise<Author> {
    return (await this.#authorized(tx, who, agent, session, options)).author;
  }

  /** The author, and the visitor's contact when the author is the visitor (read to name it). */
  async #authorized(
    tx: Repository,
    who: Identity,
    agent: Agent | null,
    session: Session,
    options: { allowFinished?: boolean } = {},
  ): Promise<{ author: Author; contact?: Contact | null }> {
    if (who.kind === 'visitor') {
      if (!visitorOwns(who, session)) throw notFound('session');
      if (session.status === 'finished' && !options.allowFinished) throw finishedError();
      const contact = await tx.getContact(who.contactId);
      return { author: { kind: 'contact', id: who.contactId, name: contact?.name ?? '' }, contact };
    }
    if (!agent || !agentMayWrite(agent, session)) {
      throw forbidden(
        session.agentId === null
          ? 'Accept this session before writing in it.'
          : 'Only the agent who owns this session (or an invited one) can write in it.',
      );
    }
    if (session.status === 'finished' && !options.allowFinished) throw finishedError();
    return { author: { kind: 'agent', id: agent.id, name: nameOf(agent) } };
  }
}

const finishedError = () => new CommandError('SESSION_FINISHED', 'This session is finished: no more messages can be sent.');

/**
 * A text the contact wrote, as the next message of `session`, and the session that now ends with it.
 * Channels and the webchat's first message build it the same way; the caller stores both in its
 * transaction.
 */
export function contactText(
  session: Session,
  contact: { id: string; name: string },
  text: string,
  options: { id: string; at: number; delivered: boolean },
): { message: Message; session: Session } {
  return appendMessage(session, {
    id: options.id,
    authorKind: 'contact',
    authorId: contact.id,
    authorName: contact.name,
    kind: 'text',
    text,
    attachments: [],
    templateId: null,
    system: null,
    createdAt: options.at,
    deliveredAt: options.delivered ? options.at : null,
    readAt: null,
  });
}
