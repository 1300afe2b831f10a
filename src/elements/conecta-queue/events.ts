import type { Contact, Session } from '../../protocol/index.js';

export interface SessionEventDetail {
  session: Session;
  contact: Contact;
}

/** The agent accepted a waiting session: it is now `active` and theirs. */
export class SessionAcceptedEvent extends CustomEvent<SessionEventDetail> {
  static readonly eventName = 'conecta-session-accepted';
  constructor(detail: SessionEventDetail) {
    super(SessionAcceptedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** The agent chose one of their active sessions (click or Enter), e.g. to open it beside the queue. */
export class SessionSelectedEvent extends CustomEvent<SessionEventDetail> {
  static readonly eventName = 'conecta-session-selected';
  constructor(detail: SessionEventDetail) {
    super(SessionSelectedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conecta-session-accepted': SessionAcceptedEvent;
    'conecta-session-selected': SessionSelectedEvent;
  }
}
