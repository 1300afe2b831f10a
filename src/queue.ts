/** `conecta-elements/queue`: defines `<conecta-queue>`. */
export * from './elements/conecta-queue/conecta-queue.js';
export * from './elements/conecta-queue/events.js';
export { AuthEndedEvent, type AuthEndedEventDetail } from './elements/auth-ended-event.js';
