export { LocalizeController, browserLangTag, languageOf, resolveLangTag, translations, type Language } from './localize.js';
export { Localizer, type LocalizerOptions } from './localizer.js';
export { ptBR, type Translation } from './pt-BR.js';
export { en } from './en.js';
export { es } from './es.js';
