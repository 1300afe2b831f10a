import { createHash, timingSafeEqual } from 'node:crypto';
import type { Attachment, Message, Session } from '../../../../src/protocol/index.js';
import type { Repository, WhatsappChannelRecord } from '../../db/repository.js';
import { CommandError, forbidden, notFound } from '../../domain/errors.js';
import type { Clock } from '../../domain/events.js';
import type { FileService } from '../../domain/files.js';
import type { ChannelAdapter, OutboundIntent } from '../channel-adapter.js';
import type { ChannelInbox } from '../channel-inbox.js';
import { outboundRefusal } from './conversation-rules.js';
import { GraphError, type GraphAccount, type GraphClient, type GraphTemplate } from './graph-client.js';
import { isValidHubSignature } from './hub-signature.js';
import { readWebhook, type WhatsappInbound } from './webhook-payload.js';

/** What a queued delivery sends, decided when the message was stored. */
type OutboundRequest =
  | { type: 'text'; text: string; fileIds: string[] }
  | { type: 'template'; name: string; language: string; parameters: { name: string; value: string }[] };

/** The channel's Graph API credentials, or null while it has none (then nothing is sent out). */
function accountOf(channel: WhatsappChannelRecord): GraphAccount | null {
  if (!channel.accessToken || !channel.phoneNumberId) return null;
  return { phoneNumberId: channel.phoneNumberId, businessAccountId: channel.businessAccountId, accessToken: channel.accessToken };
}

const GRAPH_MEDIA_TYPE = { image: 'image', audio: 'audio', video: 'video', file: 'document' } as const;

/**
 * A WhatsApp Business Cloud API channel: Meta's webhook in (handshake, signed payloads, messages,
 * media and statuses), agents' messages out through the Graph API under WhatsApp's rules.
 */
export class WhatsappChannel implements ChannelAdapter {
  readonly kind = 'whatsapp' as const;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly inbox: ChannelInbox,
    private readonly files: FileService,
    readonly graph: GraphClient,
    private readonly logError: (error: unknown, context: Record<string, unknown>) => void,
  ) {}

  /** The channel with its credentials (server side only). */
  channelRecord(key: string): Promise<WhatsappChannelRecord | null> {
    return this.repo.admin.whatsappChannels.get(key);
  }

  /** The templates of the channel's WhatsApp Business Account, as Meta has them. */
  async accountTemplates(channel: WhatsappChannelRecord): Promise<GraphTemplate[]> {
    const account = accountOf(channel);
    if (!account) throw new GraphError('The channel has no access token or phone number id.', false, null);
    return this.graph.listTemplates(account);
  }

  async #channel(key: string): Promise<WhatsappChannelRecord> {
    const channel = await this.channelRecord(key);
    if (!channel) throw notFound('channel');
    return channel;
  }

  /** Meta's subscription check: answers `hub.challenge` when the verify token matches. */
  async verifySubscription(key: string, query: Record<string, unknown>): Promise<string> {
    const channel = await this.#channel(key);
    const token = query['hub.verify_token'];
    if (query['hub.mode'] !== 'subscribe' || !channel.verifyToken || typeof token !== 'string' || !sameSecret(token, channel.verifyToken)) {
      throw forbidden('The verify token does not match this channel\u2019s.');
    }
    return String(query['hub.challenge'] ?? '');
  }

  /** A webhook delivery: refused unless signed with the app secret; then every message and status in it. */
  async webhook(key: string, rawBody: string, signature: string | undefined): Promise<void> {
    const channel = await this.#channel(key);
    if (!isValidHubSignature(channel.appSecret, rawBody, signature)) {
      throw new CommandError('UNAUTHENTICATED', 'The X-Hub-Signature-256 header is missing or does not match the body.');
    }
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new CommandError('INVALID_PAYLOAD', 'The request body is not valid JSON.');
    }
    const changes = readWebhook(json);
    if (!changes) throw new CommandError('INVALID_PAYLOAD', 'This is not a WhatsApp Business Account webhook.');
    const record = await this.repo.getChannel(key);
    if (!record) throw notFound('channel');
    for (const change of changes) {
      // One app may serve several numbers: each channel takes its own.
      if (channel.phoneNumberId && change.phoneNumberId !== channel.phoneNumberId) continue;
      for (const message of change.messages) {
        if (await this.inbox.seen(key, message.externalId)) continue;
        await this.inbox.receive(record, message, await this.#mediaOf(channel, message));
      }
      for (const status of change.statuses) await this.inbox.status(key, status);
    }
  }

  /** The contact's file, downloaded from the Graph API into our files; none when it cannot be. */
  async #mediaOf(channel: WhatsappChannelRecord, message: WhatsappInbound): Promise<Attachment[]> {
    const account = accountOf(channel);
    if (!message.media || !account) return [];
    try {
      const { bytes, mime } = await this.graph.downloadMedia(account, message.media.id);
      const contact = await this.repo.findContactByPhone(message.from);
      const name = message.media.filename ?? `${message.media.kind}${extensionOf(message.media.mime ?? mime)}`;
      return [await this.files.upload({ ownerKind: 'contact', ownerId: contact?.id ?? `whatsapp:${message.from}` }, name, bytes)];
    } catch (error) {
      // The text still reaches the agents; Meta keeps the media for a while, the logs say why.
      this.logError(error, { during: 'downloading WhatsApp media', channel: channel.id, mediaId: message.media.id });
      return [];
    }
  }

  async checkOutbound(tx: Repository, session: Session, intent: OutboundIntent): Promise<void> {
    const sessions = await tx.listSessionsOfContact(session.contactId, session.channelKey);
    const lastInboundAt = sessions.reduce<number | null>(
      (last, s) => (s.lastInboundAt !== null && (last === null || s.lastInboundAt > last) ? s.lastInboundAt : last),
      null,
    );
    const templatesSinceInbound = await tx.countTemplatesSince(session.contactId, session.channelKey, lastInboundAt ?? -1);
    const refusal = outboundRefusal({ kind: intent.kind, lastInboundAt, templatesSinceInbound, now: this.now() });
    if (refusal) throw new CommandError(refusal.code, refusal.message);
  }

  async queueOutbound(tx: Repository, message: Message, session: Session, intent: OutboundIntent): Promise<void> {
    const channel = await tx.admin.whatsappChannels.get(session.channelKey);
    // A channel without Graph credentials (the simulated demo channel) keeps its messages here.
    if (!channel || !accountOf(channel)) return;
    const request: OutboundRequest =
      intent.kind === 'text'
        ? { type: 'text', text: intent.text, fileIds: intent.fileIds }
        : {
            type: 'template',
            name: intent.template.name,
            language: intent.template.language,
            parameters: intent.template.variables.map((name) => ({ name, value: (intent.variables[name] ?? '').trim() })),
          };
    await tx.queueOutbound(
      { messageId: message.id, channelKey: session.channelKey, sessionId: session.id, request: JSON.stringify(request) },
      this.now(),
    );
  }

  deliver(message: Message): void {
    this.#deliver(message.id);
  }

  /**
   * After a start: sends what was queued and not sent, and fails what was being handed over when the
   * server stopped. Those may or may not have reached the contact (the Cloud API has no idempotency key,
   * so sending again could say it twice): the agent sees CHANNEL_UNCONFIRMED and decides. A claim
   * younger than the longest send may be another node's, still under way: the caller looks again at
   * the claims made before this start once that time has passed.
   */
  async resumeQueued(): Promise<void> {
    for (const delivery of await this.repo.listQueuedOutbound()) this.#deliver(delivery.messageId);
    await this.failUnanswered(this.now() - this.graph.longestRequestMs);
    await this.idle();
  }

  /** Fails the deliveries claimed at or before `claimedBy` that never got the Graph API's answer. */
  async failUnanswered(claimedBy: number): Promise<void> {
    for (const delivery of await this.repo.listUnansweredOutbound(claimedBy)) {
      await this.repo.transaction((tx) => tx.outboundFailed(delivery.messageId, delivery.attempts, this.now()));
      await this.inbox.fail(
        delivery.messageId,
        'The server stopped while handing this message to WhatsApp: it may or may not have reached the contact.',
        'CHANNEL_UNCONFIRMED',
      );
    }
  }

  #deliver(messageId: string): void {
    const sending = this.#send(messageId)
      .catch((error) => this.logError(error, { during: 'sending a WhatsApp message', messageId }))
      .finally(() => this.#inFlight.delete(sending));
    this.#inFlight.add(sending);
  }

  /** Resolves once every send under way has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  async #send(messageId: string): Promise<void> {
    // Claimed once: a message is never handed to the Graph API twice, even if delivered again.
    if (!(await this.repo.transaction((tx) => tx.claimOutbound(messageId, this.now())))) return;
    const delivery = await this.repo.getOutbound(messageId);
    const session = delivery && (await this.repo.getSession(delivery.sessionId));
    const contact = session && (await this.repo.getContact(session.contactId));
    const channel = delivery && (await this.repo.admin.whatsappChannels.get(delivery.channelKey));
    const account = channel && accountOf(channel);
    if (!delivery || !account) return;
    let attempts = 0;
    try {
      if (!contact?.phone) throw new GraphError('The contact has no phone number.', false, null);
      const to = contact.phone.replace(/^\+/, '');
      let last: { externalId: string; attempts: number } | null = null;
      for (const body of await this.#bodies(account, JSON.parse(delivery.request) as OutboundRequest)) {
        last = await this.graph.sendMessage(account, { to, ...body });
        attempts += last.attempts;
      }
      if (!last) throw new GraphError('There was nothing to send.', false, null);
      // With several files the last one's id stands for the message: its statuses come last.
      await this.repo.transaction((tx) => tx.outboundSent(messageId, last.externalId, attempts, this.now()));
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      await this.repo.transaction((tx) => tx.outboundFailed(messageId, attempts, this.now()));
      await this.inbox.fail(messageId, error.message);
    }
  }

  /** The Graph API message bodies for a request: text, a template, or each file (the text as the first one's caption). */
  async #bodies(account: GraphAccount, request: OutboundRequest): Promise<Record<string, unknown>[]> {
    if (request.type === 'template') {
      const named = request.parameters.some((p) => !/^\d+$/.test(p.name));
      return [
        {
          type: 'template',
          template: {
            name: request.name,
            language: { code: request.language },
            components: request.parameters.length
              ? [
                  {
                    type: 'body',
                    parameters: request.parameters.map((p) => ({
                      type: 'text',
                      text: p.value,
                      ...(named ? { parameter_name: p.name } : {}),
                    })),
                  },
                ]
              : [],
          },
        },
      ];
    }
    const bodies: Record<string, unknown>[] = [];
    let caption: string | null = request.text || null;
    for (const fileId of request.fileIds) {
      const stored = await this.files.read(fileId);
      if (!stored) continue;
      const type = GRAPH_MEDIA_TYPE[stored.file.kind];
      const id = await this.graph.uploadMedia(account, { bytes: stored.bytes, mime: stored.file.mime, name: stored.file.name });
      const withCaption = caption !== null && type !== 'audio';
      bodies.push({
        type,
        [type]: { id, ...(withCaption ? { caption } : {}), ...(type === 'document' ? { filename: stored.file.name } : {}) },
      });
      if (withCaption) caption = null;
    }
    if (caption !== null) bodies.unshift({ type: 'text', text: { body: caption, preview_url: false } });
    return bodies;
  }
}

/** Compares two secrets in constant time (their hashes have one length). */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

function extensionOf(mime: string | null): string {
  const sub = mime?.split(';')[0].split('/')[1];
  return sub ? `.${sub.replace('jpeg', 'jpg').replace(/[^a-z0-9]/g, '')}` : '';
}
