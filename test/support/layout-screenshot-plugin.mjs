// A web-test-runner command that writes a screenshot of part of the test page to test-results/layout/,
// for reviewers to look at (the layout tests measure; nothing compares pixels).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const DIRECTORY = 'test-results/layout';

/** `executeServerCommand('layout-screenshot', { name, clip: { x, y, width, height } })`. */
export function layoutScreenshotPlugin() {
  return {
    name: 'layout-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'layout-screenshot') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`layout-screenshot needs Chrome, not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      await mkdir(DIRECTORY, { recursive: true });
      const name = String(payload.name).replace(/[^\w.-]+/g, '_');
      await page.screenshot({ path: join(DIRECTORY, `${name}.png`), clip: payload.clip, captureBeyondViewport: true });
      return true;
    },
  };
}
