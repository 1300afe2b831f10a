/** `conecta-elements/contact-history`: defines `<conecta-contact-history>` (and the session view it opens a past session in). */
export * from './elements/conecta-contact-history/conecta-contact-history.js';
export { AuthEndedEvent, type AuthEndedEventDetail } from './elements/auth-ended-event.js';
