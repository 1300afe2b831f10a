import type { Agent, Attachment, ChatConversation, ChatMessage, ParsedPayload } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';
import { CommandError, forbidden, notFound } from './errors.js';
import type { Clock, DomainEvents } from './events.js';
import { may } from './roles.js';

/** One conversation whoever writes: both agents' ids, sorted. */
export const chatPairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

/**
 * The internal chat between agents (manual 000, section 6): only agents the admin allowed
 * (`internalChat`; owners and admins always) write and read, and only to colleagues allowed too.
 * Messages are numbered per pair of agents in the transaction that stores them, like a session's.
 */
export class InternalChatService {
  constructor(
    private readonly repo: Repository,
    private readonly now: Clock,
    private readonly events: DomainEvents,
  ) {}

  async list(agent: Agent): Promise<{ conversations: ChatConversation[] }> {
    requireChat(agent);
    return { conversations: await this.repo.listChatConversations(agent.id) };
  }

  async history(agent: Agent, input: ParsedPayload<'chat.history'>): Promise<{ messages: ChatMessage[] }> {
    requireChat(agent);
    const pairKey = chatPairKey(agent.id, input.withAgentId);
    return { messages: await this.repo.listChatMessagesBefore(pairKey, input.beforeSeq ?? null, input.limit) };
  }

  async send(agent: Agent, input: ParsedPayload<'chat.send'>): Promise<ChatMessage> {
    requireChat(agent);
    if (input.toAgentId === agent.id) {
      throw new CommandError('INVALID_PAYLOAD', 'The payload is not valid.', { toAgentId: 'is yourself: write to a colleague' });
    }
    const result = await this.repo.transaction(async (tx) => {
      // A retry first: the first result, whatever changed since.
      const existing = await tx.getChatMessage(input.id);
      if (existing) {
        if (existing.fromAgentId !== agent.id || existing.toAgentId !== input.toAgentId) {
          throw new CommandError('CONFLICT', 'This message id is already used by another message. Send it with a new id.');
        }
        return { message: existing, created: false };
      }
      const recipient = await tx.getAgent(input.toAgentId);
      if (!recipient) throw notFound('agent');
      // A deactivated colleague can no longer read anything: refused like one without the chat.
      if (!(await tx.findAgentAccountByEmail(recipient.email))?.active) throw forbidden(`${recipient.name} is deactivated.`);
      if (!may(recipient, 'internalChat')) throw forbidden(`${recipient.name} does not use the internal chat.`);
      const attachments = await ownUploads(tx, agent, input.attachmentIds);
      const pairKey = chatPairKey(agent.id, recipient.id);
      const message: ChatMessage = {
        id: input.id,
        seq: (await tx.lastChatSeq(pairKey)) + 1,
        fromAgentId: agent.id,
        toAgentId: recipient.id,
        text: input.text,
        attachments,
        createdAt: this.now(),
        readAt: null,
      };
      await tx.insertChatMessage(pairKey, message);
      return { message, created: true };
    });
    if (result.created) this.events.chatMessage(result.message);
    return result.message;
  }

  /** The caller read the colleague's messages up to `upToSeq`: each one changed goes out again, with `readAt`. */
  async read(agent: Agent, input: ParsedPayload<'chat.read'>): Promise<{ ok: true }> {
    requireChat(agent);
    const pairKey = chatPairKey(agent.id, input.withAgentId);
    const changed = await this.repo.transaction((tx) => tx.markChatRead(pairKey, agent.id, input.upToSeq, this.now()));
    for (const message of changed) this.events.chatMessage(message);
    return { ok: true };
  }
}

function requireChat(agent: Agent): void {
  if (!may(agent, 'internalChat'))
    throw forbidden('The internal chat is not enabled for you: ask an admin for the internalChat permission.');
}

/** Files the agent uploaded, as attachments: a file id seen elsewhere must not be re-sent by someone else. */
async function ownUploads(tx: Repository, agent: Agent, fileIds: readonly string[]): Promise<Attachment[]> {
  const attachments: Attachment[] = [];
  for (const [index, fileId] of fileIds.entries()) {
    const file = await tx.getFile(fileId);
    if (!file || file.ownerKind !== 'agent' || file.ownerId !== agent.id) {
      throw new CommandError('INVALID_PAYLOAD', 'The payload is not valid.', { [`attachmentIds.${index}`]: 'is not a file you uploaded' });
    }
    if (!attachments.some((a) => a.id === file.id)) attachments.push(tx.toAttachment(file));
  }
  return attachments;
}
