/**
 * Register a custom element once. The SDK may be on a page twice (the CDN bundle and an npm copy,
 * or two widgets): the first definition wins and the second load is a no-op instead of a
 * "name already used" error.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, ctor);
}
