import type { ChatConversation, ChatMessage } from '../protocol/internal-chat.js';
import type { ProtocolError } from '../protocol/errors.js';

/** A chat message as the client holds it: acknowledged (`sent`), or still sending, or failed (with why). */
export interface ClientChatMessage extends ChatMessage {
  status: 'sending' | 'sent' | 'failed';
  errorCode?: ProtocolError['code'];
  error?: string;
}

/** One conversation as held: unread count and last message kept current by `chat.message` events. */
export interface HeldConversation {
  withAgentId: string;
  lastMessage: ChatMessage | null;
  unread: number;
}

/** The internal chat, keyed by the colleague's agent id. */
export interface ChatState {
  /** `null` until `chat.list` answered. */
  conversations: Readonly<Record<string, HeldConversation>> | null;
  /** Per colleague: acknowledged messages by `seq`, then the ones still sending. */
  messages: Readonly<Record<string, readonly ClientChatMessage[]>>;
  /** Per colleague: whether the server holds older messages than the first held. */
  hasOlder: Readonly<Record<string, boolean>>;
  /** The agent may not use the chat (the server answered FORBIDDEN). */
  forbidden: boolean;
}

export const initialChatState: ChatState = { conversations: null, messages: {}, hasOlder: {}, forbidden: false };

export type { ChatConversation, ChatMessage };
