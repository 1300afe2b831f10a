import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

/** The SDK's source folder, as an absolute path prefix. */
const sdkSource = fileURLToPath(new URL('../src/', import.meta.url));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Storybook for the SDK's elements. Stories import the elements from `src/` (Vite compiles Lit's
 * decorators from tsconfig.json) and run on the in-memory mock client of `test/fixtures/`: no server.
 * Storybook 10 ships controls, actions, backgrounds and viewport in core: no addons needed.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The build runs offline (CI, the sandbox): no telemetry, no "what's new" fetch.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(viteConfig) {
    // package.json's `sideEffects` lists only the built `dist/esm/*.js` entries, so a production
    // build drops `import '../src/queue.js'` (none of its exports is used) and the element is never
    // defined: the story shows an empty tag (`storybook dev` does not tree-shake, so it only breaks
    // in `build-storybook`). The SDK's source modules register elements on import: keep them.
    viteConfig.plugins = [
      ...(viteConfig.plugins ?? []),
      {
        name: 'conecta-source-registers-elements',
        transform: {
          filter: { id: new RegExp(`^${escapeRegExp(sdkSource)}.*\\.ts$`) },
          handler: (code: string) => ({ code, map: null, moduleSideEffects: true }),
        },
      },
    ];
    return viteConfig;
  },
};

export default config;
