/**
 * `conecta-elements/contacts`: defines `<conecta-contacts>` (the directory), `<conecta-contact-history>`
 * and `<conecta-start-conversation>` (and the contact form the directory opens).
 */
export * from './elements/conecta-contacts/conecta-contacts.js';
export * from './elements/conecta-contacts/events.js';
export * from './elements/conecta-contact-history/conecta-contact-history.js';
export * from './elements/conecta-start-conversation/conecta-start-conversation.js';
export * from './elements/conecta-start-conversation/events.js';
export { AuthEndedEvent, type AuthEndedEventDetail } from './elements/auth-ended-event.js';
