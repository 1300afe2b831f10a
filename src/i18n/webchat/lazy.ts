import type { TableSources } from '../localizer.js';
import { webchatPtBR, type WebchatTranslation } from './pt-BR.js';

/**
 * The webchat's tables as the widget loads them: the source language in the bundle, the others
 * each in its own chunk fetched when a visitor needs it (a visitor reads one language, so the widget
 * does not make everyone download all three).
 */
export const webchatTableSources: TableSources<WebchatTranslation> = {
  'pt-BR': webchatPtBR,
  en: () => import('./en.js').then((module) => module.webchatEn),
  es: () => import('./es.js').then((module) => module.webchatEs),
};
