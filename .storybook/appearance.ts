import type { Decorator, Preview } from '@storybook/web-components-vite';
import type { GlobalTypes } from 'storybook/internal/types';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { withActions } from 'storybook/actions/decorator';
import { darkColors } from '../src/styles/tokens.js';

/** The widths a designer checks every element at (issue 11): a small phone, a phone, a tablet, a laptop. */
const viewports = {
  phone320: { name: 'Phone 320', styles: { width: '320px', height: '640px' }, type: 'mobile' },
  phone390: { name: 'Phone 390', styles: { width: '390px', height: '844px' }, type: 'mobile' },
  tablet768: { name: 'Tablet 768', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
  laptop1280: { name: 'Laptop 1280', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
} as const;

/** The names of Storybook's toolbar icons (@storybook/icons). */
type ToolbarIcon = NonNullable<GlobalTypes[string]['toolbar']>['icon'];

/** A toolbar switch: one global every story follows. `''` leaves the story's own choice. */
const toolbar = (description: string, icon: ToolbarIcon, items: { value: string; title: string }[]) => ({
  description,
  toolbar: { icon, items, dynamicTitle: true },
});

/** The wrapper's watcher of added elements, replaced on each render of the story. */
const observers = new WeakMap<Element, MutationObserver>();

/**
 * Applies the toolbar's theme, density and language to every Conecta element of the story (their own
 * attributes, as a page would set them), and the direction to the story's wrapper. Switches left on
 * "story" keep what the story's controls say.
 */
const withAppearance: Decorator = (story, { globals }) => {
  const { theme = '', density = '', locale = '', direction = 'ltr' } = globals as Record<string, string>;
  const applyTo = (root: Element) => {
    for (const element of [root, ...root.querySelectorAll('*')]) {
      if (!element.localName.startsWith('conecta-')) continue;
      if (theme) element.setAttribute('theme', theme);
      if (density) element.setAttribute('density', density);
      if (locale) element.setAttribute('lang', locale);
    }
  };
  // After the story's own render (the wrapper's ref is bound before its children are), and to the
  // elements a story adds later (the theming page draws its preview in its own update).
  const apply = (wrapper: Element | undefined) => {
    if (!wrapper) return;
    observers.get(wrapper)?.disconnect();
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) applyTo(node);
    });
    observer.observe(wrapper, { childList: true, subtree: true });
    observers.set(wrapper, observer);
    queueMicrotask(() => applyTo(wrapper));
  };
  const dark = theme === 'dark';
  return html`<div
    dir=${direction}
    style=${dark ? `background:${darkColors.surfaceAlt};color-scheme:dark;padding:1rem;min-block-size:100vh;box-sizing:border-box` : nothing}
    ${ref(apply)}
  >
    ${story()}
  </div>`;
};

/**
 * The toolbar switches every story follows (theme, density, language, direction), the viewports, and
 * the actions log: Storybook's preview and the stories' tests (test/stories/) share them, so a story
 * is tested as a designer sees it.
 */
export const appearance: Preview = {
  // Logs the events named in each story's `parameters.actions.handles` in the Actions panel.
  decorators: [withActions, withAppearance],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    viewport: { options: viewports },
  },
  globalTypes: {
    theme: toolbar('Theme of every element (their `theme` attribute)', 'contrast', [
      { value: '', title: 'Theme: story' },
      { value: 'light', title: 'Light' },
      { value: 'dark', title: 'Dark' },
    ]),
    density: toolbar('Density of the agent elements (their `density` attribute)', 'component', [
      { value: '', title: 'Density: story' },
      { value: 'comfortable', title: 'Comfortable' },
      { value: 'compact', title: 'Compact' },
    ]),
    locale: toolbar('Language of every element (their `lang` attribute)', 'globe', [
      { value: '', title: 'Language: story' },
      { value: 'pt-BR', title: 'Português (Brasil)' },
      { value: 'en', title: 'English' },
      { value: 'es', title: 'Español' },
    ]),
    direction: toolbar('Text direction of the page around the elements', 'transfer', [
      { value: 'ltr', title: 'Left to right' },
      { value: 'rtl', title: 'Right to left' },
    ]),
  },
  initialGlobals: { theme: '', density: '', locale: '', direction: 'ltr' },
};
