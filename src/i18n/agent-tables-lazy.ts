import { languageOf, type Language } from './language.js';
import type { TableSources } from './localizer.js';
import type { Translation } from './pt-BR.js';

/**
 * agent-tables.ts as the CDN agent bundle has it (rollup.config.mjs puts this module in its place):
 * each language's table is a chunk of its own, loaded when a page or an element speaks it. An agent
 * reads one language: the bundle does not make everyone download all three.
 */
const loaded = new Map<Language, Translation>();
const loading = new Map<Language, Promise<Translation>>();

const imports: Readonly<Record<Language, () => Promise<Translation>>> = {
  'pt-BR': () => import('./pt-BR.js').then((module) => module.ptBR),
  en: () => import('./en.js').then((module) => module.en),
  es: () => import('./es.js').then((module) => module.es),
};

/** Loads a language's table once; a failed load (offline) is forgotten so that the next ask tries again. */
function load(language: Language): Promise<Translation> {
  let promise = loading.get(language);
  if (!promise) {
    promise = imports[language]().then(
      (table) => (loaded.set(language, table), table),
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, promise);
  }
  return promise;
}

export const agentTableSources: TableSources<Translation> = {
  'pt-BR': () => load('pt-BR'),
  en: () => load('en'),
  es: () => load('es'),
};

export function loadedAgentTable(language: Language): Translation | undefined {
  return loaded.get(language);
}

export function preloadAgentTable(tag: string): void {
  load(languageOf(tag)).catch(() => undefined); // an element asking later tries again
}
