/** `conecta-elements/login`: defines `<conecta-login>`. */
export * from './elements/conecta-login/conecta-login.js';
export { AuthEndedEvent, type AuthEndedEventDetail } from './elements/auth-ended-event.js';
