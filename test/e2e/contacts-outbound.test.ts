import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { DEMO_WHATSAPP } from '../../server/src/demo-company.js';
import { ANA, connectAgent, loginAgent } from '../server/harness.js';
import { newPage, openAgentDesk, startEndToEnd, type EndToEnd } from './support.js';

const SCREENSHOTS = 'test-results/layout';

/** The contact of this scenario: its CPF (valid check digits) and its WhatsApp number. */
const RITA = { name: 'Rita Campos', cpf: '529.982.247-25', national: '11 95550-1234', e164: '+5511955501234' };

/**
 * Issue 12's outbound scenario, end to end on the demo (real server, real Chromium, the simulated
 * phone): Ana creates a contact, finds it by CPF in the directory, starts a WhatsApp conversation
 * with a template; free text waits for the contact's reply; the reply comes from the phone, Ana's
 * answer goes out and is marked delivered, then read; a webhook with a bad signature is refused
 * and changes nothing; the contact's history shows the session.
 */
describe('contacts and outbound WhatsApp, end to end', { timeout: 120_000 }, () => {
  let e2e: EndToEnd;

  before(async () => {
    e2e = await startEndToEnd();
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  after(() => e2e?.close());

  /** The desk's contact directory, opened from its Contatos button. */
  async function openDirectory(desk: Page): Promise<Locator> {
    await desk.getByRole('button', { name: 'Contatos', exact: true }).click();
    const dialog = desk.getByRole('dialog', { name: 'Contatos' });
    await dialog.waitFor();
    return dialog;
  }

  async function searchDirectory(directory: Locator, query: string): Promise<void> {
    await directory.getByLabel('Buscar contato').fill(query);
    await directory.getByRole('button', { name: `Editar ${RITA.name}` }).waitFor();
  }

  it('an agent creates a contact, finds it by CPF, starts a WhatsApp conversation with a template, and it goes on once the phone replies', async () => {
    const desk = await openAgentDesk(e2e, ANA);
    desk.on('pageerror', (error) => console.error('[desk page error]', error));

    // Add the contact in the directory.
    let directory = await openDirectory(desk);
    await directory.getByRole('button', { name: 'Adicionar contato' }).click();
    const form = desk.getByRole('dialog', { name: 'Novo contato' });
    await form.getByLabel(/^Nome\s*\*?$/).fill(RITA.name); // required fields end in *
    await form.getByLabel(/^Número com DDD\s*\*?$/).fill(RITA.national);
    await form.getByLabel(/^CPF ou CNPJ\s*\*?$/).fill(RITA.cpf);
    await form.getByRole('button', { name: 'Salvar', exact: true }).click();
    await form.waitFor({ state: 'detached' });

    // Find it by its CPF, as typed with its mask.
    await searchDirectory(directory, RITA.cpf);
    await desk.screenshot({ path: `${SCREENSHOTS}/e2e-contacts-directory.png` });
    const rows = directory.getByRole('listitem');
    assert.equal(await rows.count(), 1, 'only Rita has that CPF');

    // Start a WhatsApp conversation: the window is closed, so a template, pre-filled from the contact.
    await directory.getByRole('button', { name: `Iniciar conversa com ${RITA.name}` }).click();
    const start = desk.getByRole('dialog', { name: 'Iniciar conversa' });
    await start.getByLabel('Equipe', { exact: true }).selectOption({ label: 'Suporte' });
    await start.getByLabel('Modelo de mensagem').selectOption({ label: 'retomar_atendimento' });
    assert.equal(await start.getByLabel('Variável nome').inputValue(), 'Rita');
    await start.getByText('Olá Rita, aqui é').waitFor();
    await desk.screenshot({ path: `${SCREENSHOTS}/e2e-contacts-start-conversation.png` });
    await start.getByRole('button', { name: 'Iniciar' }).click();

    // The desk opens the new session, active for Ana, with the template sent.
    const log = desk.getByRole('log', { name: 'Mensagens do atendimento' });
    await log.getByText('Olá Rita, aqui é').waitFor();
    assert.equal(await directory.isVisible(), false, 'the directory closed');

    // The contact's phone receives it.
    const phone = await newPage(e2e);
    await phone.goto(`${e2e.server.url}/phone/`);
    await phone.getByLabel('Telefone do contato').fill(RITA.e164);
    await phone.getByLabel('Telefone do contato').dispatchEvent('change');
    await phone.locator('#chat').getByText('Olá Rita, aqui é').waitFor();

    // A free message is refused until the contact replies: no composer, only templates; the server says why.
    await desk.locator('conecta-session [part="window-closed"]').waitFor();
    assert.equal(await desk.getByRole('textbox', { name: 'Mensagem' }).count(), 0, 'no free message while the window is closed');
    const session = (await desk.locator('conecta-session').getAttribute('session-id'))!;
    const socket = await connectAgent(e2e.server.url, await loginAgent(e2e.server.url, ANA));
    const early = await socket.command('message.send', { id: crypto.randomUUID(), sessionId: session, text: 'Ainda não pode' });
    socket.close();
    assert.equal(!early.ok && early.error.code, 'WINDOW_CLOSED');

    // The phone replies: the conversation continues with free text.
    await phone.getByRole('textbox', { name: 'Mensagem' }).fill('Oi! Pode falar.');
    await phone.getByRole('button', { name: 'Enviar' }).click();
    await log.getByText('Oi! Pode falar.').waitFor();
    const composer = desk.getByRole('textbox', { name: 'Mensagem' });
    await composer.fill('Que bom, Rita! Seu pedido saiu hoje.');
    await composer.press('Enter');

    // It goes out, reaches the phone (delivered), and is read there.
    await phone.locator('#chat').getByText('Que bom, Rita! Seu pedido saiu hoje.').waitFor();
    const answer = (status: string) => log.locator(`[data-status="${status}"]`, { hasText: 'Que bom, Rita! Seu pedido saiu hoje.' });
    await answer('delivered').waitFor();
    await phone.getByRole('button', { name: 'Marcar como lidas' }).click();
    await answer('read').waitFor();

    // A webhook with a bad signature is refused, and changes nothing.
    const before = await e2e.server.server.repo.countMessages(session);
    const forged = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'demo-waba',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '5511400000000', phone_number_id: 'demo-phone-number' },
                contacts: [{ profile: { name: RITA.name }, wa_id: RITA.e164.slice(1) }],
                messages: [{ from: RITA.e164.slice(1), id: 'wamid.forged', timestamp: '1', type: 'text', text: { body: 'Forjada' } }],
              },
            },
          ],
        },
      ],
    });
    const refused = await fetch(`${e2e.server.url}/api/whatsapp/${DEMO_WHATSAPP.key}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
      body: forged,
    });
    assert.equal(refused.status, 401);
    assert.equal(await e2e.server.server.repo.countMessages(session), before, 'nothing stored');
    assert.equal(await log.getByText('Forjada').count(), 0);

    // The contact's history shows the session.
    const protocol = (await e2e.server.server.repo.getSession(session))!.protocol;
    directory = await openDirectory(desk);
    await searchDirectory(directory, 'rita campos');
    await directory.getByRole('button', { name: `Histórico de ${RITA.name}` }).click();
    await desk.getByRole('button', { name: `Abrir o atendimento ${protocol}` }).waitFor();
    await desk.screenshot({ path: `${SCREENSHOTS}/e2e-contacts-history.png` });
    await phone.close();
    await desk.close();
  });
});
