import { en } from './en.js';
import { es } from './es.js';
import type { Language } from './language.js';
import { ptBR, type Translation } from './pt-BR.js';

export { LocalizeController, browserLangTag, languageOf, resolveLangTag, type Language } from './localize.js';
export { Localizer, type LocalizerOptions } from './localizer.js';
export { ptBR, en, es, type Translation };

/** The agent elements' tables (queue, session, contact form). The webchat brings its own. */
export const translations: Readonly<Record<Language, Translation>> = { 'pt-BR': ptBR, en, es };
