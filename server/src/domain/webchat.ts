import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import * as v from 'valibot';
import { ContactEmail, ContactPhone, emptyContactRecord, OptionalContactName } from '../../../src/protocol/index.js';
import type {
  Contact,
  Message,
  ParsedPayload,
  QueuePosition,
  Session,
  Visitor,
  WebchatChannel,
  WebchatTeam,
} from '../../../src/protocol/index.js';
import type { Repository, VisitorRecord, WebchatChannelRecord } from '../db/repository.js';
import { CommandError, notFound } from './errors.js';
import { contactText } from './messages.js';
import type { Clock, DomainEvents } from './events.js';
import type { VisitorIdentity } from './identity.js';
import type { QueueEstimator } from './queue.js';
import { hashToken, newId, newToken } from './secrets.js';
import type { SessionService, SessionWithContact } from './sessions.js';
import { isWithinWorkingHours } from './working-hours.js';

/** The contact's name when the visitor gave none (the channel does not ask, or asks optionally). */
const DEFAULT_VISITOR_NAME = 'Visitante';

const optional = <T extends v.GenericSchema>(schema: T) => v.optional(v.nullable(schema), null);

/** A site's logged-in user as `POST /api/webchat/:key/visitors` takes it (src/protocol WebchatUser). */
export const WebchatUserSchema = v.object({
  id: v.pipe(v.string('must be a string'), v.minLength(1, 'is required'), v.maxLength(256, 'is too long')),
  hash: v.pipe(v.string('must be a string'), v.maxLength(256, 'is too long')),
  // A site may send an empty name for a user who has none: that is "not given", not an error.
  name: optional(OptionalContactName),
  email: optional(ContactEmail),
  phone: optional(ContactPhone),
});
type WebchatUserInput = v.InferOutput<typeof WebchatUserSchema>;

/** What a visitor told about itself (pre-chat form, or the site for a verified user); null: not given. */
interface ContactFields {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** The hex HMAC-SHA256 of a user id with the channel's secret: what a site computes on its server. */
export function identityHash(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId).digest('hex');
}

/**
 * Webchat channels (what a site offers, when, and how it looks) and their visitors. An anonymous
 * visitor's contact id is reserved when the visitor is created, and its contact row is created by
 * its first `webchat.start`; a verified user's contact is created at its first verification and
 * shared by all its visitors (devices) on the channel.
 */
/** In a channel's allowed origins: any site may use the channel (the demo's). */
export const ANY_ORIGIN = '*';

export class WebchatService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
    private readonly sessions: SessionService,
    private readonly queue: QueueEstimator,
  ) {}

  async channel(key: string): Promise<WebchatChannelRecord> {
    const channel = await this.repo.getWebchatChannel(key);
    if (!channel) throw notFound('webchat channel');
    return channel;
  }

  /** What a visitor may see before starting: everything but the allowed origins and the secret. */
  async publicChannel(key: string): Promise<WebchatChannel> {
    const channel = await this.channel(key);
    const [teams, hours] = await Promise.all([this.repo.listTeams(channel.teamIds), this.repo.getWorkingHours(channel.teamIds)]);
    const at = this.now();
    const byId = new Map(teams.map((team) => [team.id, team]));
    const offered: WebchatTeam[] = channel.teamIds.flatMap((id) => {
      const team = byId.get(id);
      return team ? [{ id: team.id, name: team.name, online: isWithinWorkingHours(hours.get(id) ?? null, at) }] : [];
    });
    const offeredIds = new Set(offered.map((team) => team.id));
    return {
      key: channel.key,
      name: channel.name,
      teams: offered,
      prechat: { ...channel.prechat },
      // An option routing to a team the channel no longer offers would start nothing.
      menu: { prompt: channel.menu.prompt, options: channel.menu.options.filter((option) => offeredIds.has(option.teamId)) },
      appearance: { ...channel.appearance },
      defaultLanguage: channel.defaultLanguage,
      online: offered.some((team) => team.online),
    };
  }

  /**
   * May a page of `origin` use the channel? The one rule of the HTTP API, uploads and the socket
   * handshake: `*` in the list allows any site, an empty list none. A request with no Origin is not
   * from a browser page (a server, a same-origin request), which a list cannot hold back anyway.
   */
  static allowsOrigin(channel: Pick<WebchatChannelRecord, 'allowedOrigins'>, origin: string | undefined): boolean {
    return origin === undefined || channel.allowedOrigins.includes(ANY_ORIGIN) || channel.allowedOrigins.includes(origin);
  }

  /**
   * A visitor token. Without `user`: the same visitor for a valid previous token of this channel
   * (verified or not), else a new anonymous one. With `user`: IDENTITY_REJECTED unless its hash
   * matches; then the same visitor for a previous token of that user, else a new visitor (device)
   * sharing the user's contact. The first verification of a user on a browser whose anonymous
   * visitor has a history adopts that visitor (and so its conversations) under a new token; a
   * user who already has a contact keeps its own, and the anonymous visitor is left behind.
   */
  async issueVisitor(
    key: string,
    previousToken: string | undefined,
    user?: WebchatUserInput,
  ): Promise<{ visitorToken: string; visitor: Visitor }> {
    const channel = await this.channel(key);
    const previous = previousToken ? await this.repo.findVisitorByTokenHash(hashToken(previousToken)) : null;
    const known = previous && previous.channelKey === channel.key ? previous : null;
    if (!user) {
      if (known && previousToken) return { visitorToken: previousToken, visitor: toVisitor(known) };
      const visitorToken = newToken('vt');
      const visitor: VisitorRecord = {
        id: newId('vi'),
        contactId: newId('ct'),
        channelKey: channel.key,
        userId: null,
        createdAt: this.now(),
      };
      await this.repo.insertVisitor(visitor, hashToken(visitorToken));
      return { visitorToken, visitor: toVisitor(visitor) };
    }

    verifyIdentity(channel, user);
    const result = await this.repo.transaction(async (tx) => {
      let visitorToken: string;
      let visitor: VisitorRecord;
      if (known && previousToken && known.userId === user.id) {
        visitorToken = previousToken;
        visitor = known;
      } else {
        visitorToken = newToken('vt');
        const contactId = await tx.findUserContactId(channel.key, user.id);
        if (contactId === null && known && known.userId === null) {
          await tx.adoptVisitor(known.id, user.id, hashToken(visitorToken));
          visitor = { ...known, userId: user.id };
        } else {
          visitor = {
            id: newId('vi'),
            contactId: contactId ?? newId('ct'),
            channelKey: channel.key,
            userId: user.id,
            createdAt: this.now(),
          };
          await tx.insertVisitor(visitor, hashToken(visitorToken));
        }
      }
      const { contact, changed } = await this.#upsertContact(tx, visitor.contactId, {
        name: user.name || null,
        email: user.email,
        phone: user.phone,
      });
      return { visitorToken, visitor, contact, changed };
    });
    if (result.changed) this.events.contactUpdated(result.contact);
    return { visitorToken: result.visitorToken, visitor: toVisitor(result.visitor) };
  }

  /** Would `issueVisitor` answer the visitor `previousToken` already is (a returning visitor's page load), creating nothing? */
  async isReturning(key: string, previousToken: string | undefined, userId: string | undefined): Promise<boolean> {
    if (!previousToken) return false;
    const previous = await this.repo.findVisitorByTokenHash(hashToken(previousToken));
    return previous !== null && previous.channelKey === key && (userId === undefined || previous.userId === userId);
  }

  async authenticate(visitorToken: string): Promise<VisitorIdentity | null> {
    const visitor = await this.repo.findVisitorByTokenHash(hashToken(visitorToken));
    return visitor ? { kind: 'visitor', visitorId: visitor.id, contactId: visitor.contactId, channelKey: visitor.channelKey } : null;
  }

  async sessionsOf(visitor: VisitorIdentity): Promise<{ contact: Contact | null; sessions: Session[]; queue: QueuePosition[] }> {
    const [contact, sessions] = await Promise.all([
      this.repo.getContact(visitor.contactId),
      this.repo.listSessionsOfContact(visitor.contactId, visitor.channelKey),
    ]);
    return { contact, sessions, queue: await this.queue.positionsOf(sessions) };
  }

  /**
   * Starts a waiting session for one of the channel's teams, with `text` as its first message;
   * idempotent by `sessionId` (a repeat answers the session, and its first message, as they are).
   * CONFLICT while the visitor's contact has another open (not finished) session on the channel.
   * The fields are held to the channel's pre-chat rules: a hidden one is ignored, a required one
   * must be given unless the contact already has it.
   */
  async start(visitor: VisitorIdentity, input: ParsedPayload<'webchat.start'>): Promise<SessionWithContact & { message: Message | null }> {
    const channel = await this.channel(visitor.channelKey);
    if (!channel.teamIds.includes(input.teamId)) throw invalid({ teamId: 'is not one of the channel\u2019s teams' });
    const result = await this.repo.transaction(async (tx) => {
      const existing = await tx.getSession(input.sessionId);
      if (existing) {
        const mine =
          existing.channel === 'webchat' && existing.contactId === visitor.contactId && existing.channelKey === visitor.channelKey;
        if (!mine) throw new CommandError('CONFLICT', 'This session id is already used. Start with a new id.');
        const contact = (await tx.getContact(existing.contactId))!;
        const first = await tx.getMessage(firstMessageId(existing.id));
        const message = first?.sessionId === existing.id ? first : null;
        return { session: existing, contact, message, created: false, contactChanged: false };
      }
      // One open conversation per visitor and channel: more would only lengthen the queue (a flood, or a double click).
      const open = (await tx.listSessionsOfContact(visitor.contactId, channel.key)).find((session) => session.status !== 'finished');
      if (open)
        throw new CommandError('CONFLICT', `This visitor already has an open session on this channel (${open.id}): finish it first.`);
      const fields = applyPrechat(channel.prechat, input, await tx.getContact(visitor.contactId));
      const { contact, changed } = await this.#upsertContact(tx, visitor.contactId, fields);
      let session = await this.sessions.create(tx, {
        id: input.sessionId,
        channel: 'webchat',
        channelKey: channel.key,
        teamId: input.teamId,
        contactId: contact.id,
      });
      let message: Message | null = null;
      if (input.text) {
        // Its id is derived from the session id: a start is stored once, so is its message.
        const first = contactText(session, contact, input.text, {
          id: firstMessageId(session.id),
          at: session.createdAt,
          delivered: false,
        });
        await tx.insertMessage(first.message);
        if (!(await tx.updateSession(first.session, session.version))) throw new Error('session changed during webchat.start');
        ({ message, session } = first);
      }
      return { session, contact, message, created: true, contactChanged: changed };
    });
    if (result.contactChanged) this.events.contactUpdated(result.contact);
    if (result.created) {
      this.events.sessionUpdated(result.session, result.contact);
      if (result.message) this.events.messageCreated(result.message, result.session);
      this.events.queueChanged(result.session.teamId);
    }
    return { session: result.session, contact: result.contact, message: result.message };
  }

  /**
   * Creates the contact, or sets the fields given. An e-mail already used by another contact is
   * not taken (a visitor is not authenticated, and a site vouches only for the user id) and not
   * reported either (that would tell anyone which e-mails are known): an agent can merge them later.
   */
  async #upsertContact(tx: Repository, contactId: string, fields: ContactFields): Promise<{ contact: Contact; changed: boolean }> {
    const owner = fields.email === null ? null : await tx.findContactByEmail(fields.email);
    const email = owner && owner.id !== contactId ? null : fields.email;
    const at = this.now();
    const existing = await tx.getContact(contactId);
    if (!existing) {
      const contact: Contact = {
        id: contactId,
        name: fields.name ?? DEFAULT_VISITOR_NAME,
        email,
        phone: fields.phone,
        document: null,
        ...emptyContactRecord(),
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      await tx.insertContact(contact);
      return { contact, changed: false };
    }
    const next = { name: fields.name ?? existing.name, email: email ?? existing.email, phone: fields.phone ?? existing.phone };
    if (existing.name === next.name && existing.email === next.email && existing.phone === next.phone)
      return { contact: existing, changed: false };
    const contact: Contact = { ...existing, ...next, updatedAt: at, version: existing.version + 1 };
    if (!(await tx.updateContact(contact, existing.version))) throw new Error('contact changed during a webchat update');
    return { contact, changed: true };
  }
}

/** The id of the message a `webchat.start` with `text` stores: derived, so a repeated start finds it. */
const firstMessageId = (sessionId: string) => `wcs-${createHash('sha256').update(sessionId).digest('base64url')}`;

/** IDENTITY_REJECTED unless `user.hash` is the HMAC of its id with the channel's secret (compared in constant time). */
function verifyIdentity(channel: WebchatChannelRecord, user: WebchatUserInput): void {
  const rejected = () =>
    new CommandError(
      'IDENTITY_REJECTED',
      channel.secret === null
        ? 'This channel does not verify identities: it has no secret.'
        : 'The user\u2019s hash does not match: compute it on your server as the hex HMAC-SHA256 of the user id with the channel\u2019s secret.',
    );
  if (channel.secret === null) throw rejected();
  const expected = Buffer.from(identityHash(channel.secret, user.id), 'utf8');
  const actual = Buffer.from(user.hash.toLowerCase(), 'utf8');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw rejected();
}

/**
 * The fields of a `webchat.start` under the channel's pre-chat rules: hidden ones dropped, required
 * ones present (given now, or already on the contact; the default name does not count).
 */
function applyPrechat(
  rules: WebchatChannelRecord['prechat'],
  input: ParsedPayload<'webchat.start'>,
  contact: Contact | null,
): ContactFields {
  const fields: ContactFields = {
    name: rules.name === 'hidden' ? null : input.name,
    email: rules.email === 'hidden' ? null : input.email,
    phone: rules.phone === 'hidden' ? null : input.phone,
  };
  const known: ContactFields = {
    name: contact && contact.name !== DEFAULT_VISITOR_NAME ? contact.name : null,
    email: contact?.email ?? null,
    phone: contact?.phone ?? null,
  };
  const missing: Record<string, string> = {};
  for (const field of ['name', 'email', 'phone'] as const) {
    if (rules[field] === 'required' && !fields[field] && !known[field]) missing[field] = 'is required';
  }
  if (Object.keys(missing).length > 0) throw invalid(missing);
  return fields;
}

const invalid = (fields: Record<string, string>) => new CommandError('INVALID_PAYLOAD', 'The payload is not valid.', fields);

function toVisitor(record: VisitorRecord): Visitor {
  return { id: record.id, contactId: record.contactId, channelKey: record.channelKey, userId: record.userId };
}
