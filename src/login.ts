/** `conecta-elements/login`: defines `<conecta-login>`. */
export * from './elements/conecta-login/conecta-login.js';
