import { html, nothing, type TemplateResult } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';

/** One Lucide icon: the list of SVG elements inside its 24×24 `viewBox` (what `lucide/dist/esm/icons/*.mjs` exports). */
export type IconNode = readonly (readonly [tag: string, attrs: Readonly<Record<string, string | number>>])[];

// Drawn once per icon: Lit templates cannot take a tag name from data, so the icon's elements are
// markup made here from the package's static data (never from anything a user typed).
const markup = new WeakMap<IconNode, ReturnType<typeof unsafeSVG>>();
const escape = (value: string | number) => String(value).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

function inner(node: IconNode) {
  let drawn = markup.get(node);
  if (!drawn) {
    const elements = node.map(([tag, attrs]) => {
      const attributes = Object.entries(attrs).map(([name, value]) => ` ${name}="${escape(value)}"`);
      return `<${tag}${attributes.join('')}/>`;
    });
    drawn = unsafeSVG(elements.join(''));
    markup.set(node, drawn);
  }
  return drawn;
}

/**
 * A stroke icon from the Lucide set, imported one by one (`import paperclip from
 * 'lucide/dist/esm/icons/paperclip.mjs'`) so the bundles carry only the icons used. Decorative
 * (hidden from assistive technology) unless given a `label`: an icon that stands alone, with no
 * text next to it, must have one. Sized by the font (`1.25em`), coloured by `currentColor`; the
 * `icon` class lets an element's styles adjust it.
 */
export function icon(node: IconNode, label?: string): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 24 24" width="1.25em" height="1.25em" fill="none" stroke="currentColor"
    stroke-width="2" stroke-linecap="round" stroke-linejoin="round" focusable="false"
    role=${label ? 'img' : nothing} aria-label=${label ?? nothing} aria-hidden=${label ? nothing : 'true'}>${inner(node)}</svg>`;
}
