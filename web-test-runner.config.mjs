// Browser tests: every element in real Chromium, TypeScript served through esbuild (no build step).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromeArgs, findChrome } from './test/support/chrome.mjs';
import { layoutScreenshotPlugin } from './test/support/layout-screenshot-plugin.mjs';
import { storybookTestPlugin } from './test/support/storybook-test-plugin.mjs';

export default {
  files: ['test/elements/**/*.test.ts', 'test/controllers/**/*.test.ts', 'test/stories/**/*.test.ts'],
  // socket.io-client must resolve to its browser build, not the Node one (which needs `ws`).
  nodeResolve: { browser: true, exportConditions: ['browser', 'production'] },
  // One page at a time: on a 2-core machine it is faster than two, and a background page gets no
  // animation frames in headless Chrome (open-wc's fixture() waits for one on plain elements).
  concurrency: 1,
  testsFinishTimeout: 120_000,
  // Lit's legacy decorators need experimentalDecorators + useDefineForClassFields: false (tsconfig.json).
  // layoutScreenshotPlugin: the layout tests write screenshots of every agent element at each width.
  // storybookTestPlugin: the stories' tests (test/stories/) run play functions that use storybook/test.
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), storybookTestPlugin(), layoutScreenshotPlugin()],
  browsers: [
    chromeLauncher({
      // No test tool may download a browser: use the one installed on the machine.
      launchOptions: {
        executablePath: findChrome(),
        args: [...chromeArgs, '--disable-background-timer-throttling', '--disable-renderer-backgrounding'],
      },
    }),
  ],
  testFramework: { config: { timeout: 5_000 } },
};
