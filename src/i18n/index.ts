export { LocalizeController, languageOf, resolveLangTag, translations, type Language } from './localize.js';
export { ptBR, type Translation } from './pt-BR.js';
export { en } from './en.js';
export { es } from './es.js';
