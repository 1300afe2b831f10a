import type { Agent, Message, ParsedPayload, Session, SessionWithContact } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import { CommandError, forbidden, notFound } from '../domain/errors.js';
import type { Clock, DomainEvents } from '../domain/events.js';
import type { Identity } from '../domain/identity.js';
import type { MessageService } from '../domain/messages.js';
import { nameOf } from '../domain/session-access.js';
import type { SessionService } from '../domain/sessions.js';
import type { ChannelAdapters, OutboundIntent } from './channel-adapter.js';

const invalid = (field: string, message: string) => new CommandError('INVALID_PAYLOAD', 'The payload is not valid.', { [field]: message });

/**
 * "Iniciar conversa": an agent writes first to a contact on a channel with a way out (WhatsApp).
 * The session opens active for the agent, then its first message goes the way every agent message
 * goes (the channel's rules, then the Graph API). The rules are checked before the session is
 * created, so a refused template leaves nothing behind.
 */
export class ConversationStarter {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
    private readonly sessions: SessionService,
    private readonly messages: MessageService,
    private readonly channels: ChannelAdapters,
  ) {}

  async start(agent: Agent, who: Identity, input: ParsedPayload<'session.start'>): Promise<SessionWithContact & { message: Message }> {
    if (!agent.permissions.startConversations) throw forbidden('Starting conversations needs the startConversations permission.');
    if (!agent.teamIds.includes(input.teamId)) throw invalid('teamId', 'is not one of your teams');
    const created = await this.repo.transaction(async (tx) => {
      const existing = await tx.getSession(input.sessionId);
      if (existing) {
        // A retry: the same agent's session, whatever became of it since (sent to the flow, it has no agent).
        const mine = existing.agentId === agent.id || (input.destination === 'flow' && existing.agentId === null);
        if (!mine || existing.contactId !== input.contactId) {
          throw new CommandError('CONFLICT', 'This session id is already used. Start again with a new id.');
        }
        return null;
      }
      const contact = await tx.getContact(input.contactId);
      if (!contact) throw notFound('contact');
      const channel = await tx.getChannel(input.channelKey);
      const adapter = channel && this.channels.of({ channel: channel.kind });
      if (!channel || !adapter || channel.kind === 'webchat') throw invalid('channelKey', 'is not a channel an agent can write first on');
      if (!contact.phone) throw invalid('contactId', 'has no phone number: add one to reach the contact on WhatsApp');
      const open = (await tx.listSessionsOfContact(contact.id, channel.key)).find((s) => s.status !== 'finished');
      if (open) {
        throw new CommandError(
          'CONFLICT',
          `The contact already has an open session on this channel (${open.protocol}): continue it instead.`,
        );
      }
      const intent = await this.#intent(tx, input);
      const draft: Session = {
        ...(await this.sessions.create(tx, {
          id: input.sessionId,
          channel: channel.kind,
          channelKey: channel.key,
          teamId: input.teamId,
          contactId: contact.id,
        })),
      };
      await adapter.checkOutbound(tx, draft, intent);
      const active: Session = {
        ...draft,
        status: 'active',
        agentId: agent.id,
        agentName: nameOf(agent),
        acceptedAt: this.now(),
        version: draft.version + 1,
      };
      if (!(await tx.updateSession(active, draft.version))) throw new Error('session changed while it was started');
      return { session: active, contact };
    });
    if (created) this.events.sessionUpdated(created.session, created.contact);

    const { message } = input.message.templateId
      ? await this.messages.sendTemplate(agent, who, {
          id: input.message.id,
          sessionId: input.sessionId,
          templateId: input.message.templateId,
          variables: input.message.variables,
        })
      : await this.messages.send(who, agent, {
          id: input.message.id,
          sessionId: input.sessionId,
          text: input.message.text,
          attachmentIds: [],
        });
    let session = (await this.repo.getSession(input.sessionId))!;
    if (input.destination === 'flow' && session.status === 'active') session = await this.#toFlow(agent, session);
    return { session, contact: (await this.repo.getContact(session.contactId))!, message };
  }

  /** The automatic flow's destination: waiting in the channel's own team, as a conversation the contact starts. */
  async #toFlow(agent: Agent, session: Session): Promise<Session> {
    const channel = (await this.repo.getChannel(session.channelKey))!;
    const moved = await this.sessions.transfer(agent, {
      sessionId: session.id,
      toTeamId: channel.defaultTeamId,
      toAgentId: null,
      note: null,
    });
    return moved.session;
  }

  async #intent(tx: Repository, input: ParsedPayload<'session.start'>): Promise<OutboundIntent> {
    if (!input.message.templateId) return { kind: 'text', text: input.message.text, fileIds: [] };
    const template = await tx.getTemplate(input.message.templateId);
    if (!template || template.teamId !== input.teamId) throw invalid('message.templateId', 'is not a template of this team');
    return { kind: 'template', template, variables: input.message.variables };
  }
}
