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

/** The elements' JSDoc opens with `@summary`, which the analyzer keeps apart from the description. */
interface Declaration {
  tagName?: string;
  summary?: string;
  description?: string;
}
const describeElement = (tagName: string): string => {
  const declarations: Declaration[] = (getCustomElements()?.modules ?? []).flatMap(
    (module: { declarations?: Declaration[] }) => module.declarations ?? [],
  );
  const element = declarations.find((declaration) => declaration.tagName === tagName);
  return [element?.summary, element?.description].filter(Boolean).join('\n\n');
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
