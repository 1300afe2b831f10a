// Browser tests: every element in real Chromium, TypeScript served through esbuild (no build step).
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

// No test tool may download a browser: use the one installed on the machine.
function findChrome() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('No Chrome/Chromium found: install chromium or set CHROME_PATH');
  return found;
}

export default {
  files: ['test/elements/**/*.test.ts'],
  // socket.io-client must resolve to its browser build, not the Node one (which needs `ws`).
  nodeResolve: { browser: true, exportConditions: ['browser', 'production'] },
  // One page at a time: on a 2-core machine it is faster than two, and a background page gets no
  // animation frames in headless Chrome (open-wc's fixture() waits for one on plain elements).
  concurrency: 1,
  testsFinishTimeout: 120_000,
  // Lit's legacy decorators need experimentalDecorators + useDefineForClassFields: false (tsconfig.json).
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Two test pages run at once; the one in the background must not have its timers and
          // animation frames throttled (open-wc's fixture waits for a frame).
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 5_000 } },
};
