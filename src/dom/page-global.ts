/**
 * One value per page, shared by every copy of the SDK on it (the CDN bundle and an npm copy): kept
 * on `globalThis` under the registered symbol `conecta-elements.<name>`, created by the first copy.
 */
export function pageGlobal<T>(name: string, create: () => T): T {
  const global = globalThis as Record<symbol, unknown>;
  return (global[Symbol.for(`conecta-elements.${name}`)] ??= create()) as T;
}
