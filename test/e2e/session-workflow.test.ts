import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA, BRUNO, connectAgent, DEMO_TEAMS, loginAgent, TestClock } from '../server/harness.js';
import { acceptFromQueue, desksClosedAfterEach, startEndToEnd, visitorWrites, whatsappInbound, type EndToEnd } from './support.js';

const HOUR = 60 * 60 * 1000;

/** The open `<dialog>` of the session, by its title. */
const dialog = (desk: Page, title: string) => desk.getByRole('dialog', { name: title });

describe('the session workflow between agents, end to end', () => {
  // Starts 25 hours in the past, so a WhatsApp contact's last message can be older than its window.
  const clock = new TestClock(Date.now() - 25 * HOUR);
  let e2e: EndToEnd;
  before(async () => (e2e = await startEndToEnd({ now: clock.now })));
  after(() => e2e?.close());
  const desk = desksClosedAfterEach(() => e2e);

  it('a WhatsApp session past its 24-hour window can only go on with a template', async () => {
    await whatsappInbound(e2e.server.url, { from: '+5511988887777', name: 'Wagner Lima', text: 'Oi, tudo bem?', externalId: 'wamid-1' });
    const ana = await desk(ANA);
    await acceptFromQueue(ana, 'Wagner Lima');
    clock.time = Date.now(); // a day later: the contact's last message is 25 hours old

    await ana.getByText('A janela de 24 horas está fechada', { exact: false }).waitFor();
    assert.equal(await ana.getByRole('textbox', { name: 'Mensagem' }).count(), 0, 'no free-text composer');
    await ana.getByRole('button', { name: 'Enviar modelo' }).first().click();
    const picker = dialog(ana, 'Enviar modelo de mensagem');
    await picker.getByLabel('Modelo').selectOption({ label: 'retomar_atendimento' });
    await picker.getByLabel('nome').fill('Wagner');
    await picker.getByLabel('agente').fill('Ana');
    const text = 'Olá Wagner, aqui é Ana da Conecta. Podemos continuar seu atendimento?';
    await picker.getByText(text).waitFor(); // the preview
    await picker.getByRole('button', { name: 'Enviar modelo' }).click();
    await ana.getByRole('log', { name: 'Mensagens do atendimento' }).getByText(text).waitFor();

    // The server holds the same line: free text is refused, the template was stored as one.
    const socket = await connectAgent(e2e.server.url, await loginAgent(e2e.server.url, ANA));
    const { sessions } = await socket.ok('agent.snapshot', {});
    const session = sessions.find((s) => s.channel === 'whatsapp')!;
    const refused = await socket.command('message.send', { id: crypto.randomUUID(), sessionId: session.id, text: 'Oi?' });
    assert.equal(!refused.ok && refused.error.code, 'WINDOW_CLOSED');
    const { messages } = await socket.ok('session.sync', { sessionId: session.id, afterSeq: 0 });
    assert.deepEqual(
      messages.filter((m) => m.kind === 'template').map((m) => m.text),
      [text],
    );
    socket.close();
  });

  it('Ana transfers a session to Bruno with a note; it waits for him only, and he sees why', async () => {
    const { visitor } = await visitorWrites(e2e.server.url, 'Tereza Nunes', DEMO_TEAMS.suporte.id, 'Quero falar com o Bruno');
    const ana = await desk(ANA);
    // Bruno is at his desk: a transfer to an agent who is not online is refused (the company's setting).
    const bruno = await desk(BRUNO);
    await acceptFromQueue(ana, 'Tereza Nunes');
    await ana.getByRole('button', { name: 'Transferir', exact: true }).click();
    const transfer = dialog(ana, 'Transferir atendimento');
    await transfer.getByLabel('Equipe').selectOption({ label: 'Suporte' });
    await transfer.getByLabel('Agente (opcional)').selectOption({ label: 'Bruno Lima (disponível)' });
    await transfer.getByLabel('Nota (opcional)').fill('Cliente pediu o Bruno');
    await transfer.getByRole('button', { name: 'Transferir', exact: true }).click();
    await ana.getByText('Atendimento transferido para Suporte. Ele não está mais com você.').waitFor();

    await bruno.getByText('Para você').waitFor();
    await acceptFromQueue(bruno, 'Tereza Nunes');
    await bruno.getByText(/transferiu para Suporte \(Bruno Lima\): Cliente pediu o Bruno/).waitFor();
    visitor.close();
  });

  it('Ana invites Bruno; he writes, signed with his name, and leaves', async () => {
    const { visitor, sessionId } = await visitorWrites(
      e2e.server.url,
      'Ulisses Prado',
      DEMO_TEAMS.suporte.id,
      'Preciso de ajuda com a fatura',
    );
    const ana = await desk(ANA);
    const bruno = await desk(BRUNO);
    await acceptFromQueue(ana, 'Ulisses Prado');
    // Less frequent actions are in the toolbar's "more" menu.
    await ana.getByRole('button', { name: 'Mais ações' }).click();
    await ana.getByRole('menuitem', { name: 'Convidar' }).click();
    const invite = dialog(ana, 'Convidar colaborador');
    await invite.getByLabel('Agente').selectOption({ label: 'Bruno Lima (disponível)' });
    await invite.getByRole('button', { name: 'Convidar', exact: true }).click();
    await ana.getByText(/convidou Bruno Lima para o atendimento/).waitFor();

    // Bruno finds it among his sessions, marked as an invitation, and answers.
    await bruno.getByRole('tab', { name: /Em atendimento/ }).click();
    await bruno.getByText('Convidado').waitFor();
    await bruno.getByRole('gridcell', { name: /Ulisses Prado/ }).click();
    const composer = bruno.getByRole('textbox', { name: 'Mensagem' });
    await composer.fill('Oi, Ulisses! Sou o Bruno, do financeiro.');
    await composer.press('Enter');
    const fromBruno = await visitor.waitFor('message.created', ({ message }) => message.text.startsWith('Oi, Ulisses'), 8000);
    assert.equal(fromBruno.message.authorName, 'Bruno Lima');
    await ana.getByText('Oi, Ulisses! Sou o Bruno, do financeiro.').waitFor();

    await bruno.getByRole('button', { name: 'Mais ações' }).click();
    await bruno.getByRole('menuitem', { name: 'Sair do atendimento' }).click();
    await ana.getByText(/Bruno Lima saiu do atendimento/).waitFor();
    const socket = await connectAgent(e2e.server.url, await loginAgent(e2e.server.url, ANA));
    const { session } = await socket.ok('session.sync', { sessionId, afterSeq: 0 });
    assert.deepEqual(session.invitedAgentIds, []);
    socket.close();
    visitor.close();
  });
});
