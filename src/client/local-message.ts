import type { Attachment, ClientMessage } from '../protocol/entities.js';
import type { ConectaState } from './state.js';

/**
 * A message the user just wrote, signed as the client's identity (the agent, or the visitor's
 * contact), shown at once as `sending` until the server acknowledges it.
 */
export function localMessage(
  state: ConectaState,
  input: { sessionId: string; text: string; attachments: readonly Attachment[]; asVisitor: boolean },
): ClientMessage {
  const { me, visitor, contacts } = state;
  return {
    id: crypto.randomUUID(),
    sessionId: input.sessionId,
    seq: 0,
    authorKind: input.asVisitor ? 'contact' : 'agent',
    authorId: input.asVisitor ? (visitor?.contactId ?? null) : (me?.id ?? null),
    authorName: input.asVisitor ? (contacts[visitor?.contactId ?? '']?.name ?? '') : (me?.nickname ?? me?.name ?? ''),
    kind: 'text',
    text: input.text,
    attachments: [...input.attachments],
    templateId: null,
    system: null,
    createdAt: Date.now(),
    deliveredAt: null,
    readAt: null,
    status: 'sending',
  };
}
