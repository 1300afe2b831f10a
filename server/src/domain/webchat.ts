import type { Contact, ParsedPayload, Session, Visitor, WebchatChannel } from '../../../src/protocol/index.js';
import type { Repository, WebchatChannelRecord } from '../db/repository.js';
import { CommandError, notFound } from './errors.js';
import type { Clock, DomainEvents } from './events.js';
import type { VisitorIdentity } from './identity.js';
import { hashToken, newId, newToken } from './secrets.js';
import type { SessionService, SessionWithContact } from './sessions.js';

/**
 * Webchat channels (what a site offers) and their visitors. A visitor's contact id is reserved
 * when the visitor is created; the contact row is created by its first `webchat.start`.
 */
export class WebchatService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
    private readonly sessions: SessionService,
  ) {}

  async channel(key: string): Promise<WebchatChannelRecord> {
    const channel = await this.repo.getWebchatChannel(key);
    if (!channel) throw notFound('webchat channel');
    return channel;
  }

  /** What a visitor may see before starting: the name and the teams it can pick. */
  async publicChannel(key: string): Promise<WebchatChannel> {
    const channel = await this.channel(key);
    const teams = await this.repo.listTeams(channel.teamIds);
    const byId = new Map(teams.map((team) => [team.id, team]));
    return { key: channel.key, name: channel.name, teams: channel.teamIds.flatMap((id) => byId.get(id) ?? []) };
  }

  /** May a page of `origin` use the channel? A request with no Origin is not from a browser page. */
  static allowsOrigin(channel: WebchatChannelRecord, origin: string | undefined): boolean {
    return channel.allowedOrigins.length === 0 || origin === undefined || channel.allowedOrigins.includes(origin);
  }

  /** The same visitor for a valid previous token of this channel, else a new one. */
  async issueVisitor(key: string, previousToken: string | undefined): Promise<{ visitorToken: string; visitor: Visitor }> {
    const channel = await this.channel(key);
    if (previousToken) {
      const known = await this.repo.findVisitorByTokenHash(hashToken(previousToken));
      if (known && known.channelKey === channel.key) {
        return { visitorToken: previousToken, visitor: { id: known.id, contactId: known.contactId, channelKey: known.channelKey } };
      }
    }
    const visitorToken = newToken('vt');
    const visitor = { id: newId('vi'), contactId: newId('ct'), channelKey: channel.key };
    await this.repo.insertVisitor({ ...visitor, createdAt: this.now() }, hashToken(visitorToken));
    return { visitorToken, visitor };
  }

  async authenticate(visitorToken: string): Promise<VisitorIdentity | null> {
    const visitor = await this.repo.findVisitorByTokenHash(hashToken(visitorToken));
    return visitor ? { kind: 'visitor', visitorId: visitor.id, contactId: visitor.contactId, channelKey: visitor.channelKey } : null;
  }

  /** The visitor id of a webchat contact, if it has one. */
  async visitorOfContact(contactId: string): Promise<string | null> {
    return (await this.repo.findVisitorByContactId(contactId))?.id ?? null;
  }

  async sessionsOf(visitor: VisitorIdentity): Promise<{ contact: Contact | null; sessions: Session[] }> {
    const [contact, sessions] = await Promise.all([
      this.repo.getContact(visitor.contactId),
      this.repo.listSessionsOfContact(visitor.contactId, visitor.channelKey),
    ]);
    return { contact, sessions };
  }

  /** Starts a waiting session for one of the channel's teams; idempotent by `sessionId`. */
  async start(visitor: VisitorIdentity, input: ParsedPayload<'webchat.start'>): Promise<SessionWithContact & { created: boolean }> {
    const channel = await this.channel(visitor.channelKey);
    if (!channel.teamIds.includes(input.teamId)) {
      throw new CommandError('INVALID_PAYLOAD', 'The payload is not valid.', { teamId: 'is not one of the channel\u2019s teams' });
    }
    const result = await this.repo.transaction(async (tx) => {
      const existing = await tx.getSession(input.sessionId);
      if (existing) {
        const mine = existing.channel === 'webchat' && existing.contactId === visitor.contactId && existing.channelKey === visitor.channelKey;
        if (!mine) throw new CommandError('CONFLICT', 'This session id is already used. Start with a new id.');
        return { session: existing, contact: (await tx.getContact(existing.contactId))!, created: false, contactChanged: false };
      }
      const { contact, changed } = await this.#upsertContact(tx, visitor.contactId, input.name, input.email);
      const session = await this.sessions.create(tx, {
        id: input.sessionId,
        channel: 'webchat',
        channelKey: channel.key,
        teamId: input.teamId,
        contactId: contact.id,
      });
      return { session, contact, created: true, contactChanged: changed };
    });
    if (result.contactChanged) this.events.contactUpdated(result.contact);
    if (result.created) this.events.sessionUpdated(result.session, result.contact);
    return { session: result.session, contact: result.contact, created: result.created };
  }

  /**
   * Sets the name and e-mail the visitor typed. An e-mail already used by another contact is not
   * taken (the visitor is not authenticated, so it may not claim it) and not reported either (that
   * would tell anyone which e-mails are known): the agent can merge the contacts later.
   */
  async #upsertContact(tx: Repository, contactId: string, name: string, rawEmail: string | null): Promise<{ contact: Contact; changed: boolean }> {
    const owner = rawEmail === null ? null : await tx.findContactByEmail(rawEmail);
    const email = owner && owner.id !== contactId ? null : rawEmail;
    const at = this.now();
    const existing = await tx.getContact(contactId);
    if (!existing) {
      const contact: Contact = { id: contactId, name, email, phone: null, document: null, createdAt: at, updatedAt: at, version: 1 };
      await tx.insertContact(contact);
      return { contact, changed: false };
    }
    const nextEmail = email ?? existing.email;
    if (existing.name === name && existing.email === nextEmail) return { contact: existing, changed: false };
    const contact: Contact = { ...existing, name, email: nextEmail, updatedAt: at, version: existing.version + 1 };
    if (!(await tx.updateContact(contact, existing.version))) throw new Error('contact changed during webchat.start');
    return { contact, changed: true };
  }
}
