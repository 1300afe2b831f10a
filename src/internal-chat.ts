/** `conecta-elements/internal-chat`: defines `<conecta-internal-chat>`. */
export * from './elements/conecta-internal-chat/conecta-internal-chat.js';
export { AuthEndedEvent, type AuthEndedEventDetail } from './elements/auth-ended-event.js';
