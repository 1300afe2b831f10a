/**
 * `conecta-elements/contacts`: defines `<conecta-contacts>` (the directory), and the elements it opens:
 * `<conecta-contact-form>`, `<conecta-contact-history>` and `<conecta-start-conversation>`.
 */
export * from './elements/conecta-contacts/conecta-contacts.js';
export * from './elements/conecta-contacts/events.js';
export * from './contact-form.js';
export * from './contact-history.js';
export * from './start-conversation.js';
