/** `conecta-elements/webchat`: defines `<conecta-webchat>`. */
export * from './elements/conecta-webchat/conecta-webchat.js';
