import { en } from './en.js';
import { es } from './es.js';
import type { Language } from './language.js';
import type { TableSources } from './localizer.js';
import { ptBR, type Translation } from './pt-BR.js';

/**
 * The agent elements' tables, every language at hand (for npm users, whose bundler decides what to
 * split). The CDN agent bundle builds with agent-tables-lazy.ts in its place (rollup.config.mjs).
 */
export const agentTableSources: TableSources<Translation> = { 'pt-BR': ptBR, en, es };

/** A language's table if it is loaded (here always), for texts made outside an element (`errorText`). */
export function loadedAgentTable(language: Language): Translation | undefined {
  return { 'pt-BR': ptBR, en, es }[language];
}

/** Start loading the table of a language tag (`pt-BR`, `en-US`…) before an element asks: nothing to do here. */
export function preloadAgentTable(tag: string): void {
  void tag;
}
