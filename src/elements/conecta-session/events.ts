import type { Contact, Session } from '../../protocol/index.js';
import type { SessionEventDetail } from '../conecta-queue/events.js';

export { SessionSelectedEvent, type SessionEventDetail } from '../conecta-queue/events.js';

/** The agent finished the session (after confirming). */
export class SessionFinishedEvent extends CustomEvent<SessionEventDetail> {
  static readonly eventName = 'conecta-session-finished';
  constructor(detail: SessionEventDetail) {
    super(SessionFinishedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

export interface CallRequestDetail {
  /** The contact's number, E.164. */
  phone: string;
  /** The agent's extension (ramal), for a PBX to ring first; `null` when the agent has none. */
  extension: string | null;
  session: Session;
  contact: Contact;
}

/** The agent asked to call the contact: a CRM or PBX integration places the call. */
export class CallRequestEvent extends CustomEvent<CallRequestDetail> {
  static readonly eventName = 'conecta-call-request';
  constructor(detail: CallRequestDetail) {
    super(CallRequestEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/**
 * The agent asked to edit the contact. Cancelable: a host page that edits contacts in its own CRM
 * calls `preventDefault()`; otherwise the session opens `<conecta-contact-form>` in a dialog.
 */
export class ContactEditEvent extends CustomEvent<{ contact: Contact; session: Session }> {
  static readonly eventName = 'conecta-contact-edit';
  constructor(detail: { contact: Contact; session: Session }) {
    super(ContactEditEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conecta-session-finished': SessionFinishedEvent;
    'conecta-call-request': CallRequestEvent;
    'conecta-contact-edit': ContactEditEvent;
  }
}
