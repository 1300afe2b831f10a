/** `conecta-elements/agent-bar`: defines `<conecta-agent-bar>`. */
export * from './elements/conecta-agent-bar/conecta-agent-bar.js';
export { AuthEndedEvent, type AuthEndedEventDetail } from './elements/auth-ended-event.js';
export { LanguageChangedEvent, type LanguageChangedEventDetail } from './elements/conecta-login/events.js';
