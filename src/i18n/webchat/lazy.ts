import type { TableSources } from '../localizer.js';
import type { WebchatTranslation } from './pt-BR.js';

/**
 * The webchat's tables as the widget loads them: each in its own chunk, fetched when a visitor needs
 * it. A visitor reads one language, so the widget does not make everyone download all three — nor
 * the source language's, which the others' visitors would never read.
 */
export const webchatTableSources: TableSources<WebchatTranslation> = {
  'pt-BR': () => import('./pt-BR.js').then((module) => module.webchatPtBR),
  en: () => import('./en.js').then((module) => module.webchatEn),
  es: () => import('./es.js').then((module) => module.webchatEs),
};
