// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConectaContactForm as ConectaContactFormElement } from '../elements/conecta-contact-form/conecta-contact-form.js';
import type { AuthEndedEvent } from '../elements/auth-ended-event.js';
import type { ContactSavedEvent } from '../elements/conecta-contact-form/events.js';

/** `<conecta-contact-form>` as a React component. Creates a contact (without `contact-id`) or edits one: name, e-mail, phone with the country calling code (DDI) and CPF/CNPJ, validated before sending and shown with the server's field errors. */
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
  },
});
