import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { bundle, pageWith } from './in-chromium.js';

interface VueScenario {
  mount(): void;
  opened(): string[];
  accepts(): unknown[];
}
declare const scenario: VueScenario;

describe('the Vue 3 example (docs/examples/vue-agent-panel.ts)', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  before(async () => {
    const code = await bundle('test/frameworks/vue-page.ts', {
      // The example imports the package by name, as an adopter does; here, its source.
      'conecta-elements': './src',
      // The example's template is compiled at run time: Vue's full build.
      vue: 'vue/dist/vue.esm-bundler.js',
    });
    ({ browser, page, errors } = await pageWith(code));
    await page.evaluate(() => scenario.mount());
  });
  after(() => browser?.close());

  it('leaves the tags to the browser: the elements upgrade, and get the client as a property', async () => {
    await page.locator('conecta-queue [data-session-id="session-1"] [part="accept-button"]').waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('conecta-provider').evaluate((el) => el instanceof customElements.get('conecta-provider')!), true);
    assert.equal(await page.locator('conecta-provider').evaluate((el) => el.hasAttribute('client')), false);
    assert.equal(await page.locator('conecta-session').count(), 0);
  });

  it('opens the accepted session in a <conecta-session> beside the queue, through the element’s event', async () => {
    await page.locator('conecta-queue [data-session-id="session-1"] [part="accept-button"]').click();
    await page.locator('conecta-session').waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('conecta-session').evaluate((el) => (el as unknown as { sessionId: string }).sessionId), 'session-1');
    assert.deepEqual(await page.evaluate(() => scenario.accepts()), [{ sessionId: 'session-1' }]);
    assert.deepEqual(await page.evaluate(() => scenario.opened()), ['session-1']);
    assert.deepEqual(errors, []);
  });
});
