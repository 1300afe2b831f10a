import type { Contact } from '../../protocol/index.js';

export interface ContactEventDetail {
  contact: Contact;
}

/** A contact was created or updated by the form. */
export class ContactSavedEvent extends CustomEvent<ContactEventDetail> {
  static readonly eventName = 'conecta-contact-saved';
  constructor(detail: ContactEventDetail) {
    super(ContactSavedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conecta-contact-saved': ContactSavedEvent;
  }
}
