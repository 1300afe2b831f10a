import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA, DEMO_PASSWORD } from '../server/harness.js';
import { newPage, startEndToEnd, startWebchat, visitorSays, type EndToEnd } from './support.js';

const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = 'test-results/layout';

/** Nothing on the page is wider than the phone: no sideways scrolling. */
async function assertFitsWidth(page: Page, where: string): Promise<void> {
  const { scroll, desk } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    desk: document.querySelector('conecta-agent-desk')!.getBoundingClientRect().right,
  }));
  assert.ok(scroll <= PHONE.width, `${where}: the page scrolls sideways (${scroll} px)`);
  assert.ok(desk <= PHONE.width, `${where}: the desk ends at ${desk} px`);
}

/**
 * The core scenario on a phone: a visitor writes on the website; Ana, on the demo desk in a 390 px
 * wide browser (the desk's phone layout: tabs, the conversation full screen), accepts, answers and
 * finishes; the visitor sees the answer. Real server, real Chromium.
 */
describe('the agent desk on a phone, end to end', () => {
  let e2e: EndToEnd;

  before(async () => {
    e2e = await startEndToEnd();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  after(() => e2e?.close());

  it('a visitor writes; Ana accepts, answers and finishes on a 390 px desk; the visitor sees the answer', async () => {
    const visitor = await newPage(e2e);
    await visitor.goto(`${e2e.server.url}/site/`);
    await startWebchat(visitor, { name: 'Paula Reis', option: 'Suporte' });
    await visitorSays(visitor, 'Oi! Estou no celular?');

    const context = await e2e.browser.newContext({ viewport: PHONE, locale: 'pt-BR', hasTouch: true });
    const ana = await context.newPage();
    ana.on('pageerror', (error) => console.error('[page error]', error));
    await ana.goto(`${e2e.server.url}/agent/`);
    const login = ana.getByRole('form', { name: 'Entrar' });
    await login.getByLabel('E-mail').fill(ANA);
    await login.getByLabel('Senha').fill(DEMO_PASSWORD);
    await login.getByRole('button', { name: 'Entrar' }).click();

    // The app's tabs, Espera first; the queue fills the phone's width.
    const tabs = ana.getByRole('tablist', { name: 'Seções da mesa' });
    await tabs.getByRole('tab', { name: 'Espera' }).waitFor();
    for (const name of ['Atendimentos', 'Cliente', 'Agentes']) await tabs.getByRole('tab', { name }).waitFor();
    const accept = ana.getByRole('button', { name: 'Aceitar atendimento de Paula Reis' });
    await accept.waitFor();
    await assertFitsWidth(ana, 'the queue');
    await ana.screenshot({ path: `${SCREENSHOTS}/e2e-desk-390-queue.png` });

    // The bar's less frequent controls, logout among them, are one button away and on screen.
    await ana.getByRole('button', { name: 'Mais opções do agente' }).click();
    const logout = ana.getByRole('button', { name: 'Sair' });
    await logout.waitFor();
    const logoutBox = (await logout.boundingBox())!;
    assert.ok(logoutBox.x >= 0 && logoutBox.x + logoutBox.width <= PHONE.width, 'Sair is on screen');
    await ana.getByRole('button', { name: 'Mais opções do agente' }).click();

    // Accepting opens the conversation full screen, with a way back.
    await accept.click();
    const log = ana.getByRole('log', { name: 'Mensagens do atendimento' });
    await log.getByText('Oi! Estou no celular?').waitFor();
    await ana.getByRole('button', { name: 'Voltar' }).waitFor();
    assert.equal(await tabs.count(), 0, 'the tabs give the conversation their room');
    const logBox = (await log.boundingBox())!;
    assert.ok(logBox.width > PHONE.width * 0.8, `the transcript is ${logBox.width} px wide`);
    await assertFitsWidth(ana, 'the conversation');

    const composer = ana.getByRole('textbox', { name: 'Mensagem' });
    await composer.fill('Sim! Respondo pelo celular.');
    await composer.press('Enter');
    await ana.screenshot({ path: `${SCREENSHOTS}/e2e-desk-390-conversation.png` });

    const widget = visitor.locator('conecta-webchat');
    await widget.getByRole('log', { name: 'Conversa' }).getByText('Sim! Respondo pelo celular.').waitFor();

    await ana.getByRole('button', { name: 'Finalizar', exact: true }).click();
    await ana.getByRole('button', { name: 'Sim, finalizar' }).click();
    await widget.getByText('Como foi o atendimento?').waitFor();

    // Back to the tabs (Escape from inside the conversation does the same).
    await ana.getByRole('button', { name: 'Voltar' }).click();
    await tabs.waitFor();
    await ana.screenshot({ path: `${SCREENSHOTS}/e2e-desk-390-back.png` });
    await assertFitsWidth(ana, 'back at the tabs');
    await context.close();
  });
});
