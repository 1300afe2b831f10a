import { randomUUID } from 'node:crypto';
import { appendMessage, emptyContactRecord, type Attachment, type Contact, type MessageFailure } from '../../../src/protocol/index.js';
import type { ChannelRecord, Repository } from '../db/repository.js';
import type { Clock, DomainEvents } from '../domain/events.js';
import { newId } from '../domain/secrets.js';
import type { SessionService } from '../domain/sessions.js';

/** A contact's message as a channel delivered it. */
export interface InboundMessage {
  /** The channel's id of the message: stored once per channel. */
  externalId: string;
  /** E.164. */
  from: string;
  name: string | null;
  text: string;
}

/** What became of a message sent through the channel. */
export interface InboundStatus {
  externalId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  reason: string | null;
}

/**
 * Where channels hand over what comes in: contacts' messages (onto the contact's open session on
 * that channel, else a new one) and the statuses of the messages agents sent. Idempotent: a
 * message id seen before, or a status already applied, changes nothing.
 */
export class ChannelInbox {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
    private readonly sessions: SessionService,
  ) {}

  /** Whether the message was already stored (so its media need not be downloaded again). */
  async seen(channelKey: string, externalId: string): Promise<boolean> {
    return (await this.repo.findInbound(channelKey, externalId)) !== null;
  }

  async receive(
    channel: ChannelRecord,
    input: InboundMessage,
    attachments: Attachment[] = [],
  ): Promise<{ sessionId: string; messageId: string }> {
    const result = await this.repo.transaction(async (tx) => {
      const seen = await tx.findInbound(channel.key, input.externalId);
      if (seen) return { ...seen, created: null };
      const at = this.now();
      let contact: Contact | null = await tx.findContactByPhone(input.from);
      if (!contact) {
        contact = {
          id: newId('ct'),
          name: input.name || input.from,
          email: null,
          phone: input.from,
          document: null,
          ...emptyContactRecord(),
          createdAt: at,
          updatedAt: at,
          version: 1,
        };
        await tx.insertContact(contact);
      }
      const open = (await tx.listSessionsOfContact(contact.id, channel.key)).find((s) => s.status !== 'finished');
      const session =
        open ??
        (await this.sessions.create(tx, {
          id: randomUUID(),
          channel: channel.kind,
          channelKey: channel.key,
          teamId: channel.defaultTeamId,
          contactId: contact.id,
        }));
      // The channel hands it over: it has reached the company.
      const { message, session: updated } = appendMessage(session, {
        id: randomUUID(),
        authorKind: 'contact',
        authorId: contact.id,
        authorName: contact.name,
        kind: 'text',
        text: input.text,
        attachments,
        templateId: null,
        system: null,
        createdAt: at,
        deliveredAt: at,
        readAt: null,
      });
      await tx.insertMessage(message);
      if (!(await tx.updateSession(updated, session.version))) throw new Error('session changed during an inbound message');
      await tx.insertInbound(channel.key, input.externalId, session.id, message.id);
      return { sessionId: session.id, messageId: message.id, created: { message, session: updated, contact, opened: !open } };
    });
    if (result.created) {
      this.events.messageCreated(result.created.message, result.created.session);
      this.events.sessionUpdated(result.created.session, result.created.contact);
      if (result.created.opened) this.events.queueChanged(result.created.session.teamId);
    }
    return { sessionId: result.sessionId, messageId: result.messageId };
  }

  /**
   * A status of an agent's message: delivered and read move it (and the agents' earlier ones, as
   * WhatsApp's receipts mean) forward; failed marks that one message with the channel's reason.
   * A status of a message we do not know (sent from elsewhere) is ignored.
   */
  async status(channelKey: string, input: InboundStatus): Promise<void> {
    const delivery = await this.repo.findOutboundByExternalId(channelKey, input.externalId);
    if (!delivery || input.status === 'sent') return;
    if (input.status === 'failed') {
      await this.fail(delivery.messageId, input.reason ?? 'WhatsApp did not say why.');
      return;
    }
    const message = await this.repo.getMessage(delivery.messageId);
    const session = await this.repo.getSession(delivery.sessionId);
    if (!message || !session) return;
    const at = this.now();
    const changed = await this.repo.transaction((tx) =>
      tx.markMessages(session.id, message.seq, ['agent'], input.status as 'delivered' | 'read', at),
    );
    if (changed > 0) this.events.messageStatus(session, { upToSeq: message.seq, status: input.status, at, authorKinds: ['agent'] });
  }

  /** The channel refused a stored message: recorded once on the message, and the agents told why. */
  async fail(messageId: string, reason: string, code: MessageFailure['code'] = 'CHANNEL_REFUSED'): Promise<void> {
    const message = await this.repo.getMessage(messageId);
    if (!message || message.failure) return;
    const session = await this.repo.getSession(message.sessionId);
    if (!session) return;
    const failure: MessageFailure = { code, message: reason, at: this.now() };
    // Two nodes failing one send (both started at once, both found it unanswered) tell it once.
    if (!(await this.repo.transaction((tx) => tx.markMessageFailed(messageId, failure)))) return;
    this.events.messageStatus(session, {
      upToSeq: message.seq,
      status: 'failed',
      at: failure.at,
      authorKinds: [message.authorKind],
      messageId,
      failure,
    });
  }
}
