import type { Language } from '../language.js';
import { webchatEn } from './en.js';
import { webchatEs } from './es.js';
import { webchatPtBR, type WebchatTranslation } from './pt-BR.js';

export type { WebchatTranslation } from './pt-BR.js';
export { webchatPtBR, webchatEn, webchatEs };

/** The webchat's tables, by language. */
export const webchatTranslations: Readonly<Record<Language, WebchatTranslation>> = { 'pt-BR': webchatPtBR, en: webchatEn, es: webchatEs };
