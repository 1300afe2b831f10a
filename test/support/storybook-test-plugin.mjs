// Serves `storybook/test` to web-test-runner as one ES module. Its Testing Library imports three
// CommonJS packages (aria-query, lz-string, pretty-format) that the browser cannot load as they are;
// Vite pre-bundles them for Storybook, and esbuild (already here for TypeScript) does the same here.
import { build } from 'esbuild';
import { createRequire } from 'node:module';

const BUNDLE = '/__storybook-test.js';

export function storybookTestPlugin() {
  let bundle;
  return {
    name: 'storybook-test-bundle',
    resolveImport({ source }) {
      return source === 'storybook/test' ? BUNDLE : undefined;
    },
    async serve(context) {
      if (context.path !== BUNDLE) return undefined;
      bundle ??= build({
        entryPoints: [createRequire(import.meta.url).resolve('storybook/test')],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        // Storybook's own modules stay shared with the rest of the page (one instrumenter, one channel).
        external: ['storybook/*'],
        define: { 'process.env.NODE_ENV': '"test"' },
        logLevel: 'silent',
      }).then((result) => result.outputFiles[0].text);
      return { body: await bundle, type: 'js' };
    },
  };
}
