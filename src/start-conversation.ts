/** `conecta-elements/start-conversation`: defines `<conecta-start-conversation>`. */
export * from './elements/conecta-start-conversation/conecta-start-conversation.js';
export * from './elements/conecta-start-conversation/events.js';
export { AuthEndedEvent, type AuthEndedEventDetail } from './elements/auth-ended-event.js';
