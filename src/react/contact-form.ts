// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConectaContactForm as ConectaContactFormElement } from '../elements/conecta-contact-form/conecta-contact-form.js';
import type { AuthEndedEvent } from '../elements/auth-ended-event.js';
import type { ContactCancelEvent, ContactOpenEvent, ContactSavedEvent } from '../elements/conecta-contact-form/events.js';

/** `<conecta-contact-form>` as a React component. Creates a contact (without `contact-id`) or edits one: the whole record in three tabs — Contato (name, phones with their DDI, account and classification from the company's lists, CPF/CNPJ, e-mail, birth date, assigned agent, photo, …; an account since deactivated or a classification no longer listed stays, marked, until the agent changes it), Endereços (any number of addresses, with a CEP lookup) and Redes sociais (the channels the contact was served on, read only). Fields are checked as they are left and on save, with the same rules as the server; which are required is the company's configuration. Inline by default; with `dialog` it is a modal dialog opened by `show()` (or the `open` attribute). */
export const ConectaContactForm = createComponent({
  react: React,
  tagName: 'conecta-contact-form',
  elementClass: ConectaContactFormElement,
  displayName: 'ConectaContactForm',
  events: {
    /** The agent's sign-in ended and could not be renewed: sign them in again. `detail: {reason}`. */
    onAuthEnded: 'conecta-auth-ended' as EventName<AuthEndedEvent>,
    /** The contact was saved. `detail: {contact}`. */
    onContactSaved: 'conecta-contact-saved' as EventName<ContactSavedEvent>,
    /** The agent cancelled (Cancel, or Escape in a dialog): what was typed is dropped. `detail: {contactId}`. */
    onContactCancel: 'conecta-contact-cancel' as EventName<ContactCancelEvent>,
    /** The agent asked to open the other contact that already has a phone, e-mail or CPF/CNPJ. Cancelable: by default the form switches to it. `detail: {contactId}`. */
    onContactOpen: 'conecta-contact-open' as EventName<ContactOpenEvent>,
  },
});
