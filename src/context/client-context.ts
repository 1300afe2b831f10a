import { ContextRoot, createContext } from '@lit/context';
import type { ConectaClientApi } from '../client/api.js';

/**
 * The client shared by every element under a `<conecta-provider>`. The key is from the global
 * symbol registry, so two copies of the SDK on one page still find each other's provider.
 */
export const clientContext = createContext<ConectaClientApi | undefined>(Symbol.for('conecta-client'));

/**
 * A `ContextRoot` keeps the requests of elements that upgraded before their provider and answers
 * them when the provider appears. One per page, whatever the number of SDK copies.
 */
const rootKey = Symbol.for('conecta-elements.context-root');
export function attachContextRoot(): void {
  const global = globalThis as Record<symbol, unknown>;
  if (global[rootKey] || typeof document === 'undefined') return;
  // The SDK may be loaded from <head>, before <body> exists: the root element is always there,
  // and context requests bubble (composed) up to it just the same.
  const target = document.body ?? document.documentElement;
  global[rootKey] = target;
  new ContextRoot().attach(target);
}
attachContextRoot();
