/** `conecta-elements/session`: defines `<conecta-session>`. */
export * from './elements/conecta-session/conecta-session.js';
