import { pageGlobal } from './page-global.js';

/** Tags whose definition is a chunk not loaded yet, with what loads it. */
const pending = pageGlobal('on-demand-definitions', () => new Map<string, () => Promise<unknown>>());
/** Every tag ever registered here, loaded or not. */
const registered = pageGlobal('on-demand-tags', () => new Set<string>());
let observer: MutationObserver | null = null;

/**
 * Defines `tag` when it is first needed, with `load` (a dynamic import of its module, a chunk of its
 * own): when the page's markup has it (now or later), or an element asks (`requestDefinition`) before
 * rendering it in its shadow root. An element in the DOM before its definition upgrades once it loads.
 * A rarely used element then costs nothing to the pages that do not use it.
 */
export function defineOnDemand(tag: string, load: () => Promise<unknown>): void {
  if (typeof customElements === 'undefined' || customElements.get(tag) || pending.has(tag)) return;
  pending.set(tag, load);
  registered.add(tag);
  if (document.querySelector(tag)) return void requestDefinition(tag);
  // The page's own markup (light DOM) is watched; shadow roots are their elements' to ask for.
  observer ??= new MutationObserver(() => {
    for (const each of pending.keys()) if (document.querySelector(each)) void requestDefinition(each);
    if (pending.size === 0) observer?.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Whether `tag` is defined, or will be once asked for (`defineOnDemand`): what a host may offer. */
export function isDefinable(tag: string): boolean {
  return customElements.get(tag) !== undefined || registered.has(tag);
}

/**
 * Loads `tag`'s definition if `defineOnDemand` registered it and it has not loaded yet; resolves once
 * the tag is defined. A failed load (offline) is forgotten: the next ask tries again.
 */
export function requestDefinition(tag: string): Promise<void> {
  const load = pending.get(tag);
  if (load) {
    pending.delete(tag);
    load().catch(() => pending.set(tag, load));
  }
  return customElements.get(tag) ? Promise.resolve() : customElements.whenDefined(tag).then(() => undefined);
}
