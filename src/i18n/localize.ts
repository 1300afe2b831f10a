import type { ReactiveControllerHost } from 'lit';
import { agentTableSources } from './agent-tables.js';
import type { Language } from './language.js';
import { Localizer, type TableSources } from './localizer.js';
import type { Translation } from './pt-BR.js';

export { browserLangTag, languageOf, resolveLangTag, type Language } from './language.js';

/**
 * The agent elements' localization: their texts, following the element's `lang`, else the nearest
 * ancestor's, else the CRM page's.
 */
export class LocalizeController extends Localizer<Translation> {
  /** The languages whose table this element has. */
  readonly #loaded: Set<Language>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    const loaded = new Set<Language>();
    super(host, tracked(agentTableSources, loaded));
    this.#loaded = loaded;
  }

  /** Whether the table of the language that applies now is here (always, with the tables at hand: npm). */
  get isReady(): boolean {
    return this.#loaded.has(this.language);
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

/** `sources`, noting in `loaded` each language whose table is given or, once loaded, arrives. */
function tracked<T>(sources: TableSources<T>, loaded: Set<Language>): TableSources<T> {
  const entries = Object.entries(sources) as [Language, TableSources<T>[Language]][];
  return Object.fromEntries(
    entries.map(([language, source]) => {
      if (typeof source !== 'function') {
        loaded.add(language);
        return [language, source];
      }
      const load = source as () => Promise<T>;
      return [language, () => load().then((table) => (loaded.add(language), table))];
    }),
  ) as TableSources<T>;
}
