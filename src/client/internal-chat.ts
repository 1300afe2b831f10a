import type { CommandName, CommandPayload, CommandResult } from '../protocol/commands.js';
import type { Attachment } from '../protocol/entities.js';
import { ConectaError } from '../protocol/errors.js';
import type { ChatMessage } from '../protocol/internal-chat.js';
import {
  addLocalChatMessage,
  chatOf,
  firstChatSeqHeld,
  lastColleagueSeq,
  markChatReadLocally,
  mergeChatMessages,
  setChatConversations,
  setChatForbidden,
  setChatHasOlder,
  setLocalChatStatus,
} from './chat-reducers.js';
import type { ClientChatMessage } from './chat-state.js';
import type { Store } from './store.js';

type Command = <N extends CommandName>(name: N, payload: CommandPayload<N>) => Promise<CommandResult<N>>;

/** Messages asked for per page of a conversation. */
export const CHAT_PAGE = 50;

/**
 * The internal chat between agents, on a client's store and commands (the real client and the mock
 * share it): conversations with unread counts, pages of history, sending with retry, read marks.
 * State lives in `state.chat`; `chat.message` events go to `receive`.
 */
export class InternalChat {
  /** Conversations shown: after a reconnection their newest page is fetched again. */
  readonly #open = new Set<string>();
  /** Per colleague, the highest seq already marked read (each is sent once). */
  readonly #readSent = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly command: Command,
  ) {}

  /** The agent's conversations, into `state.chat.conversations`; without the permission, `state.chat.forbidden`. */
  async load(): Promise<void> {
    try {
      const { conversations } = await this.command('chat.list', {});
      this.store.update((state) => setChatConversations(state, conversations));
    } catch (error) {
      if (error instanceof ConectaError && error.code === 'FORBIDDEN') this.store.update((state) => setChatForbidden(state, true));
      else throw error;
    }
  }

  /** The newest page of the conversation with a colleague (kept current by events from now on). */
  async open(withAgentId: string): Promise<void> {
    this.#open.add(withAgentId);
    const { messages } = await this.command('chat.history', { withAgentId, limit: CHAT_PAGE });
    this.store.update((state) =>
      setChatHasOlder(mergeChatMessages(state, messages, { fromHistory: true, withAgentId }), withAgentId, messages.length === CHAT_PAGE),
    );
  }

  /** The page before the oldest held; resolves with whether there are still older ones. */
  async loadOlder(withAgentId: string): Promise<boolean> {
    const beforeSeq = firstChatSeqHeld(this.store.state, withAgentId);
    if (beforeSeq === 1) {
      this.store.update((state) => setChatHasOlder(state, withAgentId, false));
      return false;
    }
    const { messages } = await this.command('chat.history', { withAgentId, ...(beforeSeq > 1 && { beforeSeq }), limit: CHAT_PAGE });
    const hasOlder = messages.length === CHAT_PAGE;
    this.store.update((state) =>
      setChatHasOlder(mergeChatMessages(state, messages, { fromHistory: true, withAgentId }), withAgentId, hasOlder),
    );
    return hasOlder;
  }

  /** Write to a colleague: shown at once as `sending`, then `sent` (or `failed`, see `retry`). Returns the message's id. */
  send(toAgentId: string, text: string, attachments: readonly Attachment[] = []): string {
    const me = this.store.state.me;
    const message: ClientChatMessage = {
      id: crypto.randomUUID(),
      seq: 0,
      fromAgentId: me?.id ?? '',
      toAgentId,
      text,
      attachments: [...attachments],
      createdAt: Date.now(),
      readAt: null,
      status: 'sending',
    };
    this.store.update((state) => addLocalChatMessage(state, message));
    this.#deliver(message);
    return message.id;
  }

  /** Send a failed message again, with the same id (the server stores each id once). */
  retry(toAgentId: string, messageId: string): void {
    const message = chatOf(this.store.state).messages[toAgentId]?.find((held) => held.id === messageId);
    if (!message || message.status !== 'failed') return;
    this.store.update((state) => setLocalChatStatus(state, toAgentId, messageId, 'sending'));
    this.#deliver(message);
  }

  /** The colleague's messages held were seen: mark them read (once per new message). */
  markRead(withAgentId: string): void {
    const upToSeq = lastColleagueSeq(this.store.state, withAgentId);
    if (upToSeq <= (this.#readSent.get(withAgentId) ?? 0)) return;
    this.#readSent.set(withAgentId, upToSeq);
    this.store.update((state) => markChatReadLocally(state, withAgentId, upToSeq, Date.now()));
    this.command('chat.read', { withAgentId, upToSeq }).catch(() => this.#readSent.delete(withAgentId));
  }

  /** A `chat.message` event. */
  receive(message: ChatMessage): void {
    this.store.update((state) => mergeChatMessages(state, [message]));
  }

  /** After a reconnection: events may have been missed, so fetch the list and the open conversations again. */
  async resync(): Promise<void> {
    const list = chatOf(this.store.state).conversations ? this.load() : Promise.resolve();
    await Promise.all([list, ...[...this.#open].map((withAgentId) => this.open(withAgentId))]);
  }

  #deliver(message: ClientChatMessage): void {
    const attachmentIds = message.attachments.map((a) => a.id);
    this.command('chat.send', { id: message.id, toAgentId: message.toAgentId, text: message.text, attachmentIds }).then(
      (acknowledged) => this.store.update((state) => mergeChatMessages(state, [acknowledged])),
      (error: ConectaError) => this.store.update((state) => setLocalChatStatus(state, message.toAgentId, message.id, 'failed', error)),
    );
  }
}
