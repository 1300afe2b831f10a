// Where Chrome or Chromium is, for browser and end-to-end tests. No test tool may download its own
// browser here, so we look for an installed one and say clearly what to do when there is none.
import { existsSync } from 'node:fs';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The path of an installed Chrome/Chromium: `CHROME_PATH` first, then the usual places. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chrome or Chromium found for the browser tests. Install one (Debian/Ubuntu: `apt-get install chromium`) ' +
      'or point CHROME_PATH at its executable.',
  );
}

/** Flags for headless runs on CI and in containers (root, no GPU, no network beyond localhost). */
export const chromeArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
