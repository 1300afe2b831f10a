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

export interface ContactCancelDetail {
  /** The contact being edited, or `''` for a new one. */
  contactId: string;
}

/** The agent cancelled the form (its Cancel button, or Escape in dialog mode): what was typed is dropped. */
export class ContactCancelEvent extends CustomEvent<ContactCancelDetail> {
  static readonly eventName = 'conecta-contact-cancel';
  constructor(detail: ContactCancelDetail) {
    super(ContactCancelEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

export interface ContactOpenDetail {
  /** The other contact: the one that already has the phone, e-mail or CPF/CNPJ just typed. */
  contactId: string;
}

/**
 * The agent asked to open another contact (from a "belongs to another contact" error). Cancelable:
 * unless a listener calls `preventDefault()`, the form itself switches to that contact.
 */
export class ContactOpenEvent extends CustomEvent<ContactOpenDetail> {
  static readonly eventName = 'conecta-contact-open';
  constructor(detail: ContactOpenDetail) {
    super(ContactOpenEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conecta-contact-saved': ContactSavedEvent;
    'conecta-contact-cancel': ContactCancelEvent;
    'conecta-contact-open': ContactOpenEvent;
  }
}
