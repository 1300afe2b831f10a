import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the SDK's elements. Stories import the elements from `src/` (Vite compiles Lit's
 * decorators from tsconfig.json) and run on the in-memory mock client of `test/fixtures/`: no server.
 * Storybook 10 ships controls, actions, backgrounds and viewport in core; the docs pages (autodocs,
 * MDX) and the Accessibility panel (axe) are the two addons.
 * (`src/**` is listed in package.json's `sideEffects`: its modules define elements on import.)
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // The build runs offline (CI, the sandbox): no telemetry, no "what's new" fetch.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
