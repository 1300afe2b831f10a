import type { TableSources } from '../localizer.js';
import type { WebchatEndingTranslation } from './pt-BR.js';

/** The ending's tables as the rating stage loads them: each in a chunk of its own, the visitor's language only. */
export const webchatEndingTableSources: TableSources<WebchatEndingTranslation> = {
  'pt-BR': () => import('./pt-BR.js').then((module) => module.webchatEndingPtBR),
  en: () => import('./en.js').then((module) => module.webchatEndingEn),
  es: () => import('./es.js').then((module) => module.webchatEndingEs),
};
