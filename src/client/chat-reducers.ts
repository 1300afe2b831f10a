import type { ChatConversation, ChatMessage } from '../protocol/internal-chat.js';
import type { ProtocolError } from '../protocol/errors.js';
import { initialChatState, type ChatState, type ClientChatMessage, type HeldConversation } from './chat-state.js';
import type { ConectaState } from './state.js';

/** The colleague a message is exchanged with, seen from `meId`. */
export const colleagueOf = (message: Pick<ChatMessage, 'fromAgentId' | 'toAgentId'>, meId: string | null | undefined): string =>
  message.fromAgentId === meId ? message.toAgentId : message.fromAgentId;

/** The internal chat held (empty until the first chat command). */
export const chatOf = (state: ConectaState): ChatState => state.chat ?? initialChatState;

const withChat = (state: ConectaState, chat: ChatState): ConectaState => ({ ...state, chat });

function byChatOrder(a: ClientChatMessage, b: ClientChatMessage): number {
  const sa = a.status === 'sent' ? a.seq : Infinity;
  const sb = b.status === 'sent' ? b.seq : Infinity;
  return sa === sb ? a.createdAt - b.createdAt : sa - sb;
}

/** `chat.list`'s answer: every conversation, replacing what was held. */
export function setChatConversations(state: ConectaState, conversations: readonly ChatConversation[]): ConectaState {
  const held: Record<string, HeldConversation> = {};
  for (const conversation of conversations) held[conversation.withAgentId] = { ...conversation };
  return withChat(state, { ...chatOf(state), conversations: held, forbidden: false });
}

/** The server refused the chat to this agent (no internalChat permission). */
export function setChatForbidden(state: ConectaState, forbidden: boolean): ConectaState {
  return chatOf(state).forbidden === forbidden ? state : withChat(state, { ...chatOf(state), forbidden });
}

/**
 * Acknowledged messages (a command's answer, `chat.message` events, a history page) into their
 * conversations. A held copy is replaced by an acknowledged one, and an unread one by a read one;
 * the unread count grows with each new message from the colleague and shrinks as they are marked read.
 * `fromHistory`: a page of `chat.history` (old messages: the counts stay), of the conversation with `withAgentId`.
 */
export function mergeChatMessages(
  state: ConectaState,
  incoming: readonly ChatMessage[],
  options: { fromHistory?: boolean; withAgentId?: string } = {},
): ConectaState {
  if (incoming.length === 0) return state;
  const meId = state.me?.id;
  const messages = { ...chatOf(state).messages };
  let conversations = chatOf(state).conversations ? { ...chatOf(state).conversations } : null;
  let changed = false;
  for (const message of incoming) {
    // A history page names its colleague: right even before the agent's profile is loaded.
    const withAgentId = options.withAgentId ?? colleagueOf(message, meId);
    const list = [...(messages[withAgentId] ?? [])];
    const index = list.findIndex((held) => held.id === message.id);
    const held = index >= 0 ? list[index] : undefined;
    if (held && held.status === 'sent' && (held.readAt !== null || message.readAt === null)) continue;
    const acknowledged: ClientChatMessage = { ...message, status: 'sent' };
    if (index >= 0) list[index] = acknowledged;
    else list.push(acknowledged);
    messages[withAgentId] = list.sort(byChatOrder);
    changed = true;
    if (!conversations || options.fromHistory) continue;
    const conversation = conversations[withAgentId] ?? { withAgentId, lastMessage: null, unread: 0 };
    const fromColleague = message.toAgentId === meId;
    let unread = conversation.unread;
    if (fromColleague && !held && message.readAt === null) unread += 1;
    if (fromColleague && held?.status === 'sent' && held.readAt === null && message.readAt !== null) unread = Math.max(0, unread - 1);
    const last = conversation.lastMessage;
    const lastMessage = !last || last.seq <= message.seq ? message : last;
    conversations = { ...conversations, [withAgentId]: { withAgentId, lastMessage, unread } };
  }
  if (!changed) return state;
  return withChat(state, { ...chatOf(state), messages, conversations });
}

/** A message the agent just wrote, shown at once while `chat.send` travels. */
export function addLocalChatMessage(state: ConectaState, message: ClientChatMessage): ConectaState {
  const list = chatOf(state).messages[message.toAgentId] ?? [];
  if (list.some((held) => held.id === message.id)) return state;
  return withChat(state, {
    ...chatOf(state),
    messages: { ...chatOf(state).messages, [message.toAgentId]: [...list, message].sort(byChatOrder) },
  });
}

/** A local message failed (with why) or is sending again (retry); acknowledged ones stay as they are. */
export function setLocalChatStatus(
  state: ConectaState,
  withAgentId: string,
  messageId: string,
  status: 'sending' | 'failed',
  error?: Pick<ProtocolError, 'code' | 'message'>,
): ConectaState {
  const list = chatOf(state).messages[withAgentId];
  const index = list?.findIndex((held) => held.id === messageId) ?? -1;
  if (!list || index < 0 || list[index].status === 'sent') return state;
  const next = [...list];
  next[index] = { ...list[index], status, errorCode: error?.code, error: error?.message };
  return withChat(state, { ...chatOf(state), messages: { ...chatOf(state).messages, [withAgentId]: next } });
}

/** The agent read the colleague's messages up to `upToSeq` (before the server's events confirm it). */
export function markChatReadLocally(state: ConectaState, withAgentId: string, upToSeq: number, at: number): ConectaState {
  const meId = state.me?.id;
  const list = chatOf(state).messages[withAgentId] ?? [];
  const read = list.filter((m) => m.status === 'sent' && m.toAgentId === meId && m.seq <= upToSeq && m.readAt === null);
  let next = mergeChatMessages(
    state,
    read.map(({ status: _status, errorCode: _code, error: _error, ...message }) => ({ ...message, readAt: at })),
  );
  // Unread messages not held (older than the page shown) are read too.
  const conversation = chatOf(next).conversations?.[withAgentId];
  if (conversation && conversation.lastMessage && conversation.lastMessage.seq <= upToSeq && conversation.unread > 0) {
    next = withChat(next, {
      ...chatOf(next),
      conversations: { ...chatOf(next).conversations, [withAgentId]: { ...conversation, unread: 0 } },
    });
  }
  return next;
}

export function setChatHasOlder(state: ConectaState, withAgentId: string, hasOlder: boolean): ConectaState {
  if (chatOf(state).hasOlder[withAgentId] === hasOlder) return state;
  return withChat(state, { ...chatOf(state), hasOlder: { ...chatOf(state).hasOlder, [withAgentId]: hasOlder } });
}

/** The lowest acknowledged seq held with a colleague: where paging back continues from (0: none). */
export function firstChatSeqHeld(state: ConectaState, withAgentId: string): number {
  for (const message of chatOf(state).messages[withAgentId] ?? []) if (message.status === 'sent') return message.seq;
  return 0;
}

/** The highest seq of the colleague's messages held: what `chat.read` marks up to. */
export function lastColleagueSeq(state: ConectaState, withAgentId: string): number {
  let last = 0;
  for (const message of chatOf(state).messages[withAgentId] ?? []) {
    if (message.status === 'sent' && message.fromAgentId === withAgentId && message.seq > last) last = message.seq;
  }
  return last;
}

const noChatMessages: readonly ClientChatMessage[] = [];

export const selectChatMessages = (state: ConectaState, withAgentId: string | null | undefined): readonly ClientChatMessage[] =>
  (withAgentId && chatOf(state).messages[withAgentId]) || noChatMessages;

/** Conversations, the most recent first (those without a message last). */
export function selectChatConversations(state: ConectaState): HeldConversation[] {
  return Object.values(chatOf(state).conversations ?? {}).sort((a, b) => (b.lastMessage?.createdAt ?? 0) - (a.lastMessage?.createdAt ?? 0));
}

/** Every unread message of every conversation: the badge. */
export function selectChatUnreadTotal(state: ConectaState): number {
  let total = 0;
  for (const conversation of Object.values(chatOf(state).conversations ?? {})) total += conversation.unread;
  return total;
}
