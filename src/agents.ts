/** `conecta-elements/agents`: defines `<conecta-agents>`. */
export * from './elements/conecta-agents/conecta-agents.js';
export * from './elements/conecta-agents/events.js';
export { AuthEndedEvent, type AuthEndedEventDetail } from './elements/auth-ended-event.js';
