import type { Contact, Session } from '../../protocol/index.js';

export interface ConversationStartedDetail {
  session: Session;
  contact: Contact;
}

/** An agent started a conversation: the new session, active for the agent (a desk opens it). */
export class ConversationStartedEvent extends CustomEvent<ConversationStartedDetail> {
  static readonly eventName = 'conecta-conversation-started';
  constructor(detail: ConversationStartedDetail) {
    super(ConversationStartedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conecta-conversation-started': ConversationStartedEvent;
  }
}
