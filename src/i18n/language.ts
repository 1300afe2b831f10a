/** The languages the elements ship: pt-BR is the source, en and es are complete translations. */
export type Language = 'pt-BR' | 'en' | 'es';

/** `pt`, `pt-PT` → pt-BR; `en-US` → en; `es-AR` → es; anything else → pt-BR, the source language. */
export function languageOf(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' ? 'en' : primary === 'es' ? 'es' : 'pt-BR';
}

/** The nearest `lang` from the element outwards, crossing shadow roots through their hosts. */
export function resolveLangTag(element: Element): string {
  for (let node: Node | null = element; node;) {
    // `.lang`, not the attribute: a Conecta element's own property is set before it is reflected.
    const lang = node instanceof HTMLElement ? node.lang : node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return lang;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return document.documentElement.lang || 'pt-BR';
}

/** The first of the browser's preferred languages that the elements ship, or `null`. */
export function browserLangTag(): string | null {
  const tags = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return tags.find((tag) => /^(pt|en|es)\b/i.test(tag)) ?? null;
}
