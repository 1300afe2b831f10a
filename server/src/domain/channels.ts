import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import * as v from 'valibot';
import { ContactPhone, fieldErrors, MAX_MESSAGE_LENGTH, OptionalContactName, type Contact } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import { CommandError, notFound } from './errors.js';
import { contactText } from './messages.js';
import type { Clock, DomainEvents } from './events.js';
import { newId } from './secrets.js';
import type { SessionService } from './sessions.js';

const InboundBody = v.object({
  from: ContactPhone,
  name: v.optional(v.nullable(OptionalContactName)),
  text: v.pipe(v.string('must be a string'), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_MESSAGE_LENGTH, 'is too long')),
  externalId: v.pipe(v.string('must be a string'), v.minLength(1, 'is required'), v.maxLength(128, 'is too long')),
});

/** `sha256=<hex HMAC-SHA256 of the raw body>` with the channel's secret. */
export function signBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * Channels reached through an adapter's webhook. This reference server simulates WhatsApp: the
 * adapter posts each inbound message, signed with the channel's secret.
 */
export class ChannelService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
    private readonly sessions: SessionService,
  ) {}

  /** Stores an inbound message (once per `externalId`), continuing the contact's open session or opening one. */
  async inbound(key: string, rawBody: string, signature: string | undefined): Promise<{ sessionId: string; messageId: string }> {
    const channel = await this.repo.getChannel(key);
    if (!channel) throw notFound('channel');
    const expected = Buffer.from(signBody(channel.secret, rawBody));
    const actual = Buffer.from(signature ?? '');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw new CommandError('UNAUTHENTICATED', 'The X-Conecta-Signature header is missing or does not match the body.');
    }
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new CommandError('INVALID_PAYLOAD', 'The request body is not valid JSON.');
    }
    const parsed = v.safeParse(InboundBody, json);
    if (!parsed.success) throw new CommandError('INVALID_PAYLOAD', 'The request body is not valid.', fieldErrors(parsed.issues));
    const input = parsed.output;

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
      // The adapter hands it over: it has reached the company.
      const { message, session: updated } = contactText(session, contact, input.text, { id: randomUUID(), at, delivered: true });
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
}
