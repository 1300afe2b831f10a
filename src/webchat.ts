/** `conecta-elements/webchat`: defines `<conecta-webchat>`. */
export * from './elements/conecta-webchat/conecta-webchat.js';
export * from './elements/conecta-webchat/events.js';
