/** `conecta-elements/contact-form`: defines `<conecta-contact-form>`. */
export * from './elements/conecta-contact-form/conecta-contact-form.js';
