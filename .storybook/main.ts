import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the SDK's elements. Stories import the elements from `src/` (Vite compiles Lit's
 * decorators from tsconfig.json) and run on the in-memory mock client of `test/fixtures/`: no server.
 * Storybook 10 ships controls, actions, backgrounds and viewport in core: no addons needed.
 * (`src/**` is listed in package.json's `sideEffects`: its modules define elements on import.)
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The build runs offline (CI, the sandbox): no telemetry, no "what's new" fetch.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
