import type { ReactiveControllerHost } from 'lit';
import { en } from './en.js';
import { es } from './es.js';
import type { Language } from './language.js';
import { Localizer } from './localizer.js';
import { ptBR, type Translation } from './pt-BR.js';

export { browserLangTag, languageOf, resolveLangTag, type Language } from './language.js';

/** The agent elements' tables (queue, session, contact form). The webchat brings its own. */
export const translations: Readonly<Record<Language, Translation>> = { 'pt-BR': ptBR, en, es };

/**
 * The agent elements' localization: their texts, following the element's `lang`, else the nearest
 * ancestor's, else the CRM page's.
 */
export class LocalizeController extends Localizer<Translation> {
  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host, translations);
  }

  /** A country's name in the element's language, e.g. `Brasil` for `BR`. */
  region(code: string): string {
    try {
      return new Intl.DisplayNames(this.locale, { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }
}
