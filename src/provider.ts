/** `conecta-elements/provider`: defines `<conecta-provider>`, which gives the elements inside it one client. */
export * from './context/index.js';
