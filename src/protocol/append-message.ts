import type { Message, Session } from './entities.js';

/** A message before it has a place in a session: appending gives it its session and `seq`. */
export type MessageDraft = Omit<Message, 'sessionId' | 'seq'>;

/**
 * `draft` as the next message of `session`, and the session that now ends with it: the next `seq`,
 * one version up. What people write becomes the session's last message (its text, else its files'
 * names), a system message does not; the contact's message opens the conversation window.
 * The server stores both in one transaction, with a compare-and-set on the former version.
 */
export function appendMessage(session: Session, draft: MessageDraft): { message: Message; session: Session } {
  const message: Message = { ...draft, sessionId: session.id, seq: session.lastSeq + 1 };
  const written: Session = { ...session, lastSeq: message.seq, version: session.version + 1 };
  if (message.authorKind !== 'system') {
    written.lastMessageAt = message.createdAt;
    written.lastMessageText = message.text || message.attachments.map((attachment) => attachment.name).join(', ');
  }
  if (message.authorKind === 'contact') written.lastInboundAt = message.createdAt;
  return { message, session: written };
}
