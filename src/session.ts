/** `conecta-elements/session`: defines `<conecta-session>`. */
export * from './elements/conecta-session/conecta-session.js';
export { AuthEndedEvent, type AuthEndedEventDetail } from './elements/auth-ended-event.js';
