import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA } from '../server/harness.js';
import { newPage, openAgentDesk, openWebchat, startEndToEnd, startWebchat, visitorSays, type EndToEnd } from './support.js';

/**
 * The whole product once, as people use it: a visitor writes on the customer's website, Ana sees
 * the session waiting in her desk, accepts and answers; the visitor sees the answer, reloads and
 * still has the conversation; Ana finishes it. Real server, real SQLite, real Chromium.
 */
describe('webchat to agent desk, end to end', () => {
  let e2e: EndToEnd;
  let visitor: Page;

  before(async () => {
    e2e = await startEndToEnd();
    visitor = await newPage(e2e);
  });

  after(() => e2e?.close());

  it('a visitor writes, Ana accepts and answers, the visitor sees it, reloads, and Ana finishes', async () => {
    // The visitor opens the chat on the website, fills the pre-chat form, picks Suporte in the menu and writes.
    await visitor.goto(`${e2e.server.url}/site/`);
    await startWebchat(visitor, { name: 'Carla Dias', email: 'carla@example.com', option: 'Suporte' });
    await visitorSays(visitor, 'Olá! Meu pedido não chegou.');

    // Ana logs in and sees the session waiting, with its wait time.
    const ana = await openAgentDesk(e2e, ANA);
    const accept = ana.getByRole('button', { name: 'Aceitar atendimento de Carla Dias' });
    await accept.waitFor();
    await ana
      .getByText(/Aguardando há/)
      .first()
      .waitFor();
    await ana.getByText('Olá! Meu pedido não chegou.').first().waitFor();

    // She accepts and answers.
    await accept.click();
    const anaComposer = ana.getByRole('textbox', { name: 'Mensagem' });
    await anaComposer.fill('Oi, Carla! Vou verificar agora mesmo.');
    await anaComposer.press('Enter');

    // The visitor sees the answer in the conversation, written by Ana, reloads, and the whole
    // conversation is still there.
    const widget = visitor.locator('conecta-webchat');
    const transcript = widget.getByRole('log', { name: 'Conversa' });
    const reply = transcript.locator('[part~="message"]', { hasText: 'Oi, Carla! Vou verificar agora mesmo.' });
    await reply.waitFor();
    assert.equal(await reply.locator('.author').textContent(), 'Ana', 'the reply is shown as Ana’s');
    await widget.getByRole('heading', { name: /^Ana/ }).waitFor();
    await visitor.reload();
    await openWebchat(visitor);
    await transcript.getByText('Olá! Meu pedido não chegou.').waitFor();
    await transcript.getByText('Oi, Carla! Vou verificar agora mesmo.').waitFor();

    // Ana finishes the session; the visitor is told.
    await ana.getByRole('button', { name: 'Finalizar', exact: true }).click();
    await ana.getByRole('button', { name: 'Sim, finalizar' }).click();
    await widget.getByText('Como foi o atendimento?').waitFor();
  });
});
