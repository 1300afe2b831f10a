/** `conecta-elements/agent-desk`: defines `<conecta-agent-desk>` (and the queue, session and contact form it composes). */
export * from './elements/conecta-agent-desk/conecta-agent-desk.js';
export { AuthEndedEvent, type AuthEndedEventDetail } from './elements/auth-ended-event.js';
export * from './elements/conecta-queue/events.js';
export * from './elements/conecta-session/events.js';
export * from './elements/conecta-start-conversation/events.js';
