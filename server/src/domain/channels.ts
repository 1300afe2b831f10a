import { createHmac, timingSafeEqual } from 'node:crypto';
import * as v from 'valibot';
import { ContactPhone, fieldErrors, MAX_MESSAGE_LENGTH, OptionalContactName } from '../../../src/protocol/index.js';
import type { ChannelInbox } from '../channels/channel-inbox.js';
import type { Repository } from '../db/repository.js';
import { CommandError, notFound } from './errors.js';

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
    private readonly inbox: ChannelInbox,
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

    // Stored the way every channel's inbound message is (server/src/channels/channel-inbox.ts).
    return this.inbox.receive(channel, { externalId: input.externalId, from: input.from, name: input.name ?? null, text: input.text });
  }
}
