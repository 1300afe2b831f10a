/** `conecta-elements/contact-form`: defines `<conecta-contact-form>`. */
export * from './elements/conecta-contact-form/conecta-contact-form.js';
export { AuthEndedEvent, type AuthEndedEventDetail } from './elements/auth-ended-event.js';
