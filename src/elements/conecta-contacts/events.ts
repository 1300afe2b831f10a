import type { Contact } from '../../protocol/index.js';

/**
 * The agent asked for a contact in `<conecta-contacts>`: to edit it (`action: 'edit'`), see its
 * history or start a conversation with it; `contact` is null for "add a contact". Cancel it to show
 * your own screen instead of the directory's dialog.
 */
export class ContactRequestEvent extends CustomEvent<{ action: ContactAction; contact: Contact | null }> {
  static readonly eventName = 'conecta-contact-request';
  constructor(detail: { action: ContactAction; contact: Contact | null }) {
    super(ContactRequestEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export type ContactAction = 'add' | 'edit' | 'history' | 'start';

declare global {
  interface GlobalEventHandlersEventMap {
    'conecta-contact-request': ContactRequestEvent;
  }
}
