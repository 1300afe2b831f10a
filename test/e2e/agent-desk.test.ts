import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ANA, BRUNO, connectAgent, connectVisitor, DEMO_TEAMS, loginAgent, postJson } from '../server/harness.js';
import { acceptFromQueue, desksClosedAfterEach, startEndToEnd, visitorWrites, type EndToEnd } from './support.js';

describe("the agent's desk, end to end", () => {
  let e2e: EndToEnd;
  before(async () => (e2e = await startEndToEnd()));
  after(() => e2e?.close());
  const desk = desksClosedAfterEach(() => e2e);

  it("Ana's transfer list follows Bruno coming online and logging out, without a reload", async () => {
    const { visitor } = await visitorWrites(e2e.server.url, 'Olga Prado', DEMO_TEAMS.suporte.id, 'Preciso de ajuda');
    const ana = await desk(ANA);
    await acceptFromQueue(ana, 'Olga Prado');
    await ana.getByRole('button', { name: 'Transferir', exact: true }).click();
    const agent = ana.getByRole('dialog', { name: 'Transferir atendimento' }).getByLabel('Agente (opcional)');
    const options = () => agent.locator('option').allTextContents();
    await agent.locator('option', { hasText: 'Bruno Lima (offline)' }).waitFor({ state: 'attached' });

    const token = await loginAgent(e2e.server.url, BRUNO);
    const bruno = await connectAgent(e2e.server.url, token);
    await agent.locator('option', { hasText: 'Bruno Lima (disponível)' }).waitFor({ state: 'attached' });

    const { status } = await postJson(`${e2e.server.url}/api/auth/logout`, {}, { authorization: `Bearer ${token}` });
    assert.equal(status, 200);
    await agent.locator('option', { hasText: 'Bruno Lima (offline)' }).waitFor({ state: 'attached' });
    assert.ok(!(await options()).some((option) => option.includes('(disponível)')), 'no colleague is left online');
    bruno.close();
    visitor.close();
  });

  it('an earlier session opens read-only from "Histórico", and the way back finds the draft', async () => {
    // Rita wrote before (a session Ana finished) and writes again, from the same browser.
    const first = await connectVisitor(e2e.server.url);
    const earlierId = crypto.randomUUID();
    await first.ok('webchat.start', { sessionId: earlierId, name: 'Rita Alves', email: null, teamId: DEMO_TEAMS.suporte.id });
    await first.ok('message.send', { id: crypto.randomUUID(), sessionId: earlierId, text: 'Meu boleto venceu ontem' });
    const anaSocket = await connectAgent(e2e.server.url, await loginAgent(e2e.server.url, ANA));
    await anaSocket.ok('session.accept', { sessionId: earlierId });
    const { session: earlier } = await anaSocket.ok('session.finish', { sessionId: earlierId });
    const again = await connectVisitor(e2e.server.url, undefined, first.visitorToken);
    const currentId = crypto.randomUUID();
    await again.ok('webchat.start', { sessionId: currentId, name: 'Rita Alves', email: null, teamId: DEMO_TEAMS.suporte.id });
    await again.ok('message.send', { id: crypto.randomUUID(), sessionId: currentId, text: 'Voltei, ainda sobre o boleto' });

    const ana = await desk(ANA);
    await acceptFromQueue(ana, 'Rita Alves');
    const composer = ana.getByRole('textbox', { name: 'Mensagem' });
    await composer.fill('Rita, um momento');
    await ana.getByRole('button', { name: 'Histórico', exact: true }).click();
    await ana
      .getByRole('dialog', { name: 'Histórico de atendimentos' })
      .getByRole('button', { name: `Protocolo ${earlier.protocol}` })
      .click();

    const view = ana.getByRole('region', { name: `Atendimento anterior · Protocolo ${earlier.protocol}` });
    await view.getByRole('log', { name: 'Mensagens do atendimento anterior' }).getByText('Meu boleto venceu ontem').waitFor();
    assert.equal(await composer.isVisible(), false, 'nothing to write with in an earlier session');
    assert.equal(await ana.locator('conecta-session').getAttribute('session-id'), currentId, 'the desk still holds the current session');

    await view.getByRole('button', { name: 'Voltar ao atendimento atual' }).click();
    assert.equal(await composer.inputValue(), 'Rita, um momento');
    await ana.getByRole('log', { name: 'Mensagens do atendimento' }).getByText('Voltei, ainda sobre o boleto').waitFor();
    first.close();
    again.close();
    anaSocket.close();
  });
});
