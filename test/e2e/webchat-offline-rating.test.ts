import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ANA, BRUNO, connectAgent, DEMO_TEAMS, loginAgent, NEVER_OPEN, setWorkingHours } from '../server/harness.js';
import { newPage, openAgentDesk, openWebchat, startEndToEnd, startWebchat, visitorSays, type EndToEnd } from './support.js';

/** Outside working hours the visitor leaves a message; at the end of a conversation the visitor rates it. */
describe('webchat offline form and rating', () => {
  let e2e: EndToEnd;

  before(async () => {
    e2e = await startEndToEnd();
  });

  after(() => e2e?.close());

  it('outside working hours, the offline form’s message becomes a waiting session the agents answer later', async () => {
    for (const team of Object.values(DEMO_TEAMS)) await setWorkingHours(e2e.server, team.id, NEVER_OPEN);
    try {
      const visitor = await newPage(e2e);
      await visitor.goto(`${e2e.server.url}/site/`);
      await openWebchat(visitor);
      const widget = visitor.locator('conecta-webchat');
      await widget.getByText('Estamos fora do horário de atendimento').waitFor();
      await widget.getByLabel('Nome', { exact: true }).fill('Noemi Castro');
      await widget.getByRole('textbox', { name: 'Mensagem' }).fill('Vocês entregam aos domingos?');
      await widget.getByRole('button', { name: 'Enviar mensagem' }).click();
      await widget.getByText('Recebemos sua mensagem. Responderemos assim que voltarmos.').first().waitFor();
      await widget.getByRole('log').getByText('Vocês entregam aos domingos?').waitFor();

      // The message waits in the queue like any session, with the text the visitor left.
      const ana = await openAgentDesk(e2e, ANA);
      await ana.getByRole('button', { name: 'Aceitar atendimento de Noemi Castro' }).waitFor();
      await ana.getByText('Vocês entregam aos domingos?').first().waitFor();
    } finally {
      for (const team of Object.values(DEMO_TEAMS)) await setWorkingHours(e2e.server, team.id, null);
    }
  });

  it('the visitor ends the conversation and rates it; the rating feeds the agent’s average', async () => {
    const visitor = await newPage(e2e);
    await visitor.goto(`${e2e.server.url}/site/`);
    await startWebchat(visitor, { name: 'Paula Dias', option: 'Suporte' });
    await visitorSays(visitor, 'Preciso de ajuda com meu pedido.');

    const bruno = await openAgentDesk(e2e, BRUNO);
    await bruno.getByRole('button', { name: 'Aceitar atendimento de Paula Dias' }).click();
    const composer = bruno.getByRole('textbox', { name: 'Mensagem' });
    await composer.fill('Resolvido, Paula!');
    await composer.press('Enter');

    const widget = visitor.locator('conecta-webchat');
    await widget.getByRole('log').getByText('Resolvido, Paula!').waitFor();
    await widget.getByRole('button', { name: 'Encerrar conversa' }).click();
    await widget.getByRole('button', { name: 'Sim, encerrar' }).click();
    await widget.getByText('Como foi o atendimento?').waitFor();
    // Keyboard: focus the stars, move to the fourth with the arrow keys.
    await widget.getByRole('radio', { name: '1 estrela' }).focus();
    for (let i = 0; i < 3; i++) await visitor.keyboard.press('ArrowRight');
    assert.equal(await widget.getByRole('radio', { name: '4 estrelas' }).isChecked(), true);
    await widget.getByLabel('Comentário (opcional)').fill('Rápido e simpático.');
    await widget.getByRole('button', { name: 'Enviar avaliação' }).click();
    await widget.getByText('Obrigado pela avaliação!').waitFor();

    // Bruno's average, as the server tells his desk and his colleagues.
    const token = await loginAgent(e2e.server.url, BRUNO);
    const socket = await connectAgent(e2e.server.url, token);
    const snapshot = await socket.ok('agent.snapshot', {});
    assert.deepEqual(snapshot.agent.rating, { average: 4, count: 1 });
    const catalog = await socket.ok('agent.catalog', {});
    assert.deepEqual(catalog.agents.find((agent) => agent.id === snapshot.agent.id)?.rating, { average: 4, count: 1 });
    socket.close();
  });
});
