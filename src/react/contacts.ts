// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConectaContacts as ConectaContactsElement } from '../elements/conecta-contacts/conecta-contacts.js';
import type { AuthEndedEvent } from '../elements/auth-ended-event.js';
import type { ContactSavedEvent } from '../elements/conecta-contact-form/events.js';
import type { ContactRequestEvent } from '../elements/conecta-contacts/events.js';
import type { ConversationStartedEvent } from '../elements/conecta-start-conversation/events.js';

/** `<conecta-contacts>` as a React component. The contact directory: every contact of the company, searched on the server by name, CPF/CNPJ, phone or e-mail and filtered by channel and customer account, paged as the list scrolls; each contact opens to edit (`<conecta-contact-form>`), shows its history (`<conecta-contact-history>`) or starts a conversation (`<conecta-start-conversation>`), in a dialog; "Adicionar contato" creates one. */
export const ConectaContacts = createComponent({
  react: React,
  tagName: 'conecta-contacts',
  elementClass: ConectaContactsElement,
  displayName: 'ConectaContacts',
  events: {
    /** The agent asked to add, edit, see the history of, or start a conversation with a contact (cancelable). `detail: {action, contact}`. */
    onContactRequest: 'conecta-contact-request' as EventName<ContactRequestEvent>,
    /** From the form in the dialog: a contact was created or edited. `detail: {contact}`. */
    onContactSaved: 'conecta-contact-saved' as EventName<ContactSavedEvent>,
    /** From the dialog: a conversation started, active for the agent (a desk opens it). `detail: {session, contact}`. */
    onConversationStarted: 'conecta-conversation-started' as EventName<ConversationStartedEvent>,
    /** The agent's sign-in ended and could not be renewed. `detail: {reason}`. */
    onAuthEnded: 'conecta-auth-ended' as EventName<AuthEndedEvent>,
  },
});
