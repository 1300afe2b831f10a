/// <reference types="vite/client" />
import { getCustomElements, setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { appearance } from './appearance.js';
import { manifestControls } from './manifest-controls.js';

// custom-elements.json is made by `npm run manifest` (the storybook scripts run it first) and not
// committed: a glob, so that a checkout without it still typechecks.
const [manifest] = Object.values(import.meta.glob('../custom-elements.json', { eager: true, import: 'default' }));

// Every element's docs page lists its attributes, properties, events, slots, parts and CSS custom
// properties from the manifest, with the JSDoc's descriptions and defaults.
setCustomElementsManifest(manifest);

/**
 * The docs page's description: the element's `@summary` and description, which the analyzer keeps
 * apart, and its custom states (`:state(x)`), which Storybook's table has no row for.
 */
interface Declaration {
  tagName?: string;
  summary?: string;
  description?: string;
  cssStates?: { name: string; description?: string }[];
}
const describeElement = (tagName: string): string => {
  const modules: { declarations?: Declaration[] }[] = getCustomElements()?.modules ?? [];
  const element = modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === tagName);
  const states = element?.cssStates?.length
    ? `**Custom states** (style with \`${tagName}:state(name)\`):\n\n${element.cssStates.map((state) => `- \`${state.name}\` — ${state.description ?? ''}`).join('\n')}`
    : '';
  return [element?.summary, element?.description, states].filter(Boolean).join('\n\n');
};

const preview: Preview = {
  ...appearance,
  tags: ['autodocs'],
  argTypesEnhancers: [manifestControls],
  parameters: {
    ...appearance.parameters,
    docs: { extractComponentDescription: describeElement },
    options: { storySort: { order: ['Introduction', 'Design', 'Agent', 'Visitor'] } },
    // Axe runs on every story (the Accessibility panel); violations show as errors there.
    a11y: { test: 'error' },
  },
};

export default preview;
