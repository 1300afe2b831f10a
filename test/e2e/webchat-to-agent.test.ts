import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromeArgs, findChrome } from '../support/chrome.mjs';
import { ANA, DEMO_PASSWORD, startTestServer, type TestServer } from '../server/harness.js';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The whole product once, as people use it: a visitor writes on the customer's website, Ana sees
 * the session waiting in her desk, accepts and answers; the visitor sees the answer, reloads and
 * still has the conversation; Ana finishes it. Real server, real SQLite, real Chromium.
 */
describe('webchat to agent desk, end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let visitor: Page;
  let ana: Page;

  before(async () => {
    assert.ok(existsSync(repo('dist/cdn/conecta-webchat.js')), 'run `npm run build` first (npm run test:e2e does)');
    server = await startTestServer({
      staticRoots: [
        { prefix: '/', root: repo('demo') },
        { prefix: '/dist/', root: repo('dist') },
      ],
    });
    browser = await chromium.launch({
      executablePath: findChrome(),
      args: chromeArgs.filter((arg) => !arg.startsWith('--headless')),
      headless: true,
    });
    visitor = await (await browser.newContext()).newPage();
    ana = await (await browser.newContext()).newPage();
    for (const page of [visitor, ana]) page.on('pageerror', (error) => console.error('[page error]', error));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a visitor writes, Ana accepts and answers, the visitor sees it, reloads, and Ana finishes', async () => {
    // The visitor opens the chat on the website and starts a conversation with Suporte.
    await visitor.goto(`${server.url}/site/`);
    await visitor.getByRole('button', { name: 'Fale conosco' }).click();
    await visitor.getByLabel('Seu nome').fill('Carla Dias');
    await visitor.getByLabel('Seu e-mail (opcional)').fill('carla@example.com');
    await visitor.getByRole('radio', { name: 'Suporte' }).check();
    await visitor.getByRole('button', { name: 'Iniciar conversa' }).click();
    const visitorComposer = visitor.getByRole('textbox', { name: 'Mensagem' });
    await visitorComposer.fill('Olá! Meu pedido não chegou.');
    await visitorComposer.press('Enter');
    await visitor.getByText('Olá! Meu pedido não chegou.').waitFor();

    // Ana logs in and sees the session waiting, with its wait time.
    await ana.goto(`${server.url}/agent/`);
    const login = ana.getByRole('form', { name: 'Entrar' });
    await login.getByLabel('E-mail').fill(ANA);
    await login.getByLabel('Senha').fill(DEMO_PASSWORD);
    await login.getByRole('button', { name: 'Entrar' }).click();
    const accept = ana.getByRole('button', { name: 'Aceitar atendimento de Carla Dias' });
    await accept.waitFor();
    await ana.getByText(/Aguardando há/).first().waitFor();
    await ana.getByText('Olá! Meu pedido não chegou.').first().waitFor();

    // She accepts and answers.
    await accept.click();
    const anaComposer = ana.getByRole('textbox', { name: 'Mensagem' });
    await anaComposer.fill('Oi, Carla! Vou verificar agora mesmo.');
    await anaComposer.press('Enter');

    // The visitor sees the answer, reloads, and the whole conversation is still there.
    await visitor.getByText('Oi, Carla! Vou verificar agora mesmo.').waitFor();
    await visitor.reload();
    const launcher = visitor.getByRole('button', { name: 'Fale conosco' });
    if ((await launcher.getAttribute('aria-expanded')) !== 'true') await launcher.click();
    await visitor.getByText('Olá! Meu pedido não chegou.').waitFor();
    await visitor.getByText('Oi, Carla! Vou verificar agora mesmo.').waitFor();

    // Ana finishes the session; the visitor is told.
    await ana.getByRole('button', { name: 'Finalizar', exact: true }).click();
    await ana.getByRole('button', { name: 'Sim, finalizar' }).click();
    await visitor.getByText('Esta conversa foi encerrada.').waitFor();
  });
});
