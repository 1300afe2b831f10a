import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { bundle, pageWith } from './in-chromium.js';

interface ReactScenario {
  render(): void;
  accepted(): string[];
  accepts(): unknown[];
}
declare const scenario: ReactScenario;

describe('conecta-elements/react in a React 19 render', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  before(async () => {
    ({ browser, page, errors } = await pageWith(await bundle('test/frameworks/react-page.tsx')));
    await page.evaluate(() => scenario.render());
  });
  after(() => browser?.close());

  it('renders the element, upgraded, with its properties set as properties (the client is an object)', async () => {
    const queue = page.locator('conecta-queue');
    assert.equal(await queue.evaluate((el) => el instanceof customElements.get('conecta-queue')!), true);
    assert.equal(await queue.evaluate((el) => typeof (el as unknown as { client: unknown }).client), 'object');
    assert.equal(await queue.evaluate((el) => el.hasAttribute('client')), false);
    assert.equal(await queue.getAttribute('lang'), 'en');
    // The element renders from the mock client's store: the waiting sessions, in English.
    await page
      .getByRole('button', { name: /accept/i })
      .first()
      .waitFor();
    assert.deepEqual(errors, []);
  });

  it('follows React state: a boolean prop becomes the reflected attribute', async () => {
    const queue = page.locator('conecta-queue');
    assert.equal(await queue.getAttribute('with-alerts'), null);
    await page.click('#alerts');
    await page.waitForFunction(() => document.querySelector('conecta-queue')!.hasAttribute('with-alerts'), undefined, { timeout: 5_000 });
  });

  it('calls the typed onSessionAccepted prop with the element’s event', async () => {
    await page.locator('conecta-queue [data-session-id="session-1"] [part="accept-button"]').click();
    await page.waitForFunction(() => scenario.accepted().length > 0, undefined, { timeout: 5_000 });
    assert.deepEqual(await page.evaluate(() => scenario.accepts()), [{ sessionId: 'session-1' }]);
    assert.deepEqual(await page.evaluate(() => scenario.accepted()), ['session-1 Carla Mendes']);
    assert.deepEqual(errors, []);
  });
});
