import type { ClientChatMessage } from '../../client/chat-state.js';
import type { ClientMessage } from '../../protocol/index.js';

/**
 * Internal-chat messages in the shape the shared transcript renders (a session's messages): the
 * sender as an agent author, the read mark as the `read` status of one's own messages.
 */
export function asTranscriptMessages(
  messages: readonly ClientChatMessage[],
  withAgentId: string,
  nameOf: (agentId: string) => string,
): ClientMessage[] {
  return messages.map((message) => ({
    id: message.id,
    sessionId: `chat:${withAgentId}`,
    seq: message.seq,
    authorKind: 'agent',
    authorId: message.fromAgentId,
    authorName: nameOf(message.fromAgentId),
    kind: 'text',
    text: message.text,
    attachments: message.attachments,
    templateId: null,
    system: null,
    createdAt: message.createdAt,
    deliveredAt: null,
    readAt: message.readAt,
    status: message.status === 'sent' ? (message.readAt !== null ? 'read' : 'sent') : message.status,
    errorCode: message.errorCode,
    error: message.error,
  }));
}
