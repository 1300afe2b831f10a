import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { ANA } from '../server/harness.js';
import { newPage, startEndToEnd, type EndToEnd } from './support.js';

const SENT = 'Se o endereço tiver uma conta, um link está a caminho.';
const SHOTS = '/tmp/shots-client';

/** Whether `locator`'s element has the focus, inside a shadow root or not. */
function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => (element.getRootNode() as Document | ShadowRoot).activeElement === element);
}

/** axe-core's violations on the page (serious and critical ones fail the test). */
async function axeViolations(page: Page): Promise<string[]> {
  const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axe });
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }
    ).axe.run();
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

/** The demo login's (<conecta-login>) "Esqueci minha senha" (/agent/ and /crm/ share it): a reset link through the real server's outbox. */
describe('the demo login: forgot password', () => {
  let e2e: EndToEnd;
  before(async () => {
    e2e = await startEndToEnd();
    await mkdir(SHOTS, { recursive: true });
  });
  after(() => e2e?.close());

  it('is reached by keyboard, sends the link, says the same for an unknown address, and goes back', async () => {
    const page = await newPage(e2e);
    await page.goto(`${e2e.server.url}/agent/`);
    const login = page.getByRole('form', { name: 'Entrar' });
    await login.getByLabel('Senha').focus();
    await page.keyboard.press('Tab'); // Entrar
    await page.keyboard.press('Tab'); // Esqueci minha senha
    const opener = login.getByRole('button', { name: 'Esqueci minha senha' });
    assert.equal(await hasFocus(opener), true, 'the opener follows the submit button');
    await page.keyboard.press('Enter');

    const forgot = page.getByRole('form', { name: 'Esqueci minha senha' });
    const email = forgot.getByLabel('E-mail');
    assert.equal(await hasFocus(email), true, 'focus moves to the address');
    assert.equal(await email.inputValue(), ANA, 'the address typed at the login is carried over');
    await page.keyboard.press('Enter');
    await forgot.getByRole('status').getByText(SENT).waitFor();
    // The demo's own words, slotted into the element's message.
    await page.getByRole('link', { name: 'caixa de e-mails da demonstração' }).waitFor();
    const mail = e2e.server.server.outbox!.last(ANA);
    assert.ok(mail, 'a reset mail to Ana');
    assert.match(mail.text, /\/set-password\/#token=/);
    assert.deepEqual(await axeViolations(page), []);

    e2e.server.server.outbox!.clear();
    await email.fill('nobody@example.com');
    await forgot.getByRole('button', { name: 'Enviar link' }).click();
    await forgot.getByRole('status').getByText(SENT).waitFor();
    assert.equal(e2e.server.server.outbox!.mails().length, 0, 'no account, no mail: and the page says the same');

    await forgot.getByRole('button', { name: 'Voltar para entrar' }).click();
    await login.waitFor();
    assert.equal(await forgot.isHidden(), true);
    assert.equal(await hasFocus(opener), true, 'focus back on the opener');
    await page.context().close();
  });

  for (const width of [390, 768, 1280]) {
    it(`looks right at ${width} px: login and the sent form fit, nothing overflows (screenshots in ${SHOTS})`, async () => {
      const context = await e2e.browser.newContext({ viewport: { width, height: 800 }, locale: 'pt-BR' });
      const page = await context.newPage();
      await page.goto(`${e2e.server.url}/agent/`);
      const login = page.getByRole('form', { name: 'Entrar' });
      await login.waitFor();
      await page.screenshot({ path: `${SHOTS}/login-${width}.png` });
      await login.getByRole('button', { name: 'Esqueci minha senha' }).click();
      const forgot = page.getByRole('form', { name: 'Esqueci minha senha' });
      await forgot.getByRole('button', { name: 'Enviar link' }).click();
      await forgot.getByRole('status').getByText(SENT).waitFor();
      await page.screenshot({ path: `${SHOTS}/forgot-sent-${width}.png` });
      const box = (await forgot.boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= width, `the form fits in ${width} px (${box.x}, ${box.width})`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scroll');
      await context.close();
    });
  }
});
