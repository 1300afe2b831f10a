import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ptBR } from '../../src/i18n/pt-BR.js';
import { es } from '../../src/i18n/es.js';
import { ANA } from '../server/harness.js';
import { newPage, startEndToEnd, type EndToEnd } from './support.js';

/** The demo's login page (/agent/, /crm/) tells why a login failed in the page's language, by the error's code. */
describe('the demo login page', () => {
  let e2e: EndToEnd;
  before(async () => (e2e = await startEndToEnd()));
  after(() => e2e?.close());

  /** Signs in through <conecta-login> (Playwright's locators reach into its shadow root) and reads its alert. */
  async function tryLogin(page: Page, password: string): Promise<string> {
    const form = page.getByRole('form');
    await form.getByRole('textbox', { name: /e-mail|correo/i }).fill(ANA);
    await form.locator('input[name=password]').fill(password);
    const answered = page.waitForResponse('**/api/auth/login');
    await form.locator('button[type=submit]').click();
    await answered;
    // The button is disabled while the attempt is under way, the error shown once it ended.
    await form.locator('button[type=submit]:not([disabled])').waitFor();
    return (await form.locator('[part=error]').textContent()) ?? '';
  }

  it('says the credentials are wrong in the page’s language, not in the server’s English', async () => {
    const page = await newPage(e2e);
    await page.goto(`${e2e.server.url}/agent/`);
    assert.equal(await tryLogin(page, 'wrong'), ptBR.login.wrongCredentials);
    await page.evaluate(() => (document.documentElement.lang = 'es'));
    assert.equal(await tryLogin(page, 'wrong'), es.login.wrongCredentials);
    await page.close();
  });

  it('says how long to wait when the login is throttled', async () => {
    const page = await newPage(e2e);
    await page.goto(`${e2e.server.url}/crm/`);
    let text = '';
    for (let attempt = 0; attempt < 6 && !text.startsWith(ptBR.errors.RATE_LIMITED); attempt++) text = await tryLogin(page, 'wrong');
    assert.ok(text.startsWith(ptBR.errors.RATE_LIMITED), text);
    assert.match(text.slice(ptBR.errors.RATE_LIMITED.length), /\d/, 'with the time to wait');
    await page.close();
  });
});
