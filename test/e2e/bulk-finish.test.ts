import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ANA, connectAgent, DEMO_TEAMS, loginAgent } from '../server/harness.js';
import { newPage, openAgentDesk, startEndToEnd, startWebchat, visitorSays, visitorWrites, type EndToEnd } from './support.js';

const PENDING = 50;

/** Ana ends her day with 50 parked sessions and finishes them all at once from the pending phase. */
describe('bulk finish of 50 pending sessions, end to end', () => {
  let e2e: EndToEnd;
  // The setup sends a few hundred commands from one socket: lift the per-socket rate limit.
  before(async () => (e2e = await startEndToEnd({ rateLimits: { commands: { perSecond: 1_000, burst: 1_000 } } })));
  after(() => e2e?.close());

  it('selects the 50, finishes them in one action, and sends no survey', async () => {
    const url = e2e.server.url;
    const ana = await connectAgent(url, await loginAgent(url, ANA));
    const sessionIds: string[] = [];
    for (let i = 1; i <= PENDING; i++) {
      const { visitor, sessionId } = await visitorWrites(url, `Cliente ${String(i).padStart(2, '0')}`, DEMO_TEAMS.suporte.id, 'Oi');
      visitor.close();
      await ana.ok('session.accept', { sessionId });
      await ana.ok('session.park', { sessionId });
      sessionIds.push(sessionId);
    }

    const desk = await openAgentDesk(e2e, ANA);
    await desk.getByRole('tab', { name: /Pendentes/ }).click();
    await desk.getByRole('checkbox', { name: 'Selecionar todos os visíveis' }).check();
    await desk.getByText('50 selecionados').waitFor();
    await desk.getByRole('button', { name: 'Finalizar 50 atendimentos selecionados' }).click();
    await desk.getByText('Atendimentos finalizados em massa não recebem a pesquisa de satisfação.').waitFor();
    await desk.getByRole('button', { name: 'Sim, finalizar' }).click();
    await desk.getByText('50 atendimentos finalizados.').waitFor();

    const snapshot = await ana.ok('agent.snapshot', {});
    assert.equal(snapshot.sessions.filter((s) => sessionIds.includes(s.id)).length, 0, 'none left pending');
    for (const sessionId of [sessionIds[0], sessionIds[PENDING - 1]]) {
      const { session, messages } = await ana.ok('session.sync', { sessionId, afterSeq: 0 });
      assert.equal(session.status, 'finished');
      const finished = messages.find((m) => m.system?.type === 'finished');
      assert.deepEqual(finished?.system && 'bulk' in finished.system && finished.system.bulk, true);
    }
    ana.close();
  });

  it('shows a webchat visitor whose session was finished in bulk no rating form, only thanks', async () => {
    const url = e2e.server.url;
    const visitor = await newPage(e2e);
    await visitor.goto(`${url}/site/`);
    await startWebchat(visitor, { name: 'Rita Moraes', option: 'Suporte' });
    await visitorSays(visitor, 'Ainda estão aí?');

    const ana = await connectAgent(url, await loginAgent(url, ANA));
    const snapshot = await ana.ok('agent.snapshot', {});
    const rita = snapshot.contacts.find((contact) => contact.name === 'Rita Moraes');
    const session = snapshot.sessions.find((each) => each.contactId === rita?.id && each.status === 'waiting');
    assert.ok(session, "Rita's session waits in the queue");
    await ana.ok('session.accept', { sessionId: session.id });
    await ana.ok('session.finishMany', { sessionIds: [session.id] });

    const widget = visitor.locator('conecta-webchat');
    // Whichever the widget shows once the session is finished: the rating form, or the thanks.
    await widget.locator('[part="rating"], [part="thanks"]').waitFor();
    assert.equal(await widget.locator('[part="rating"]').count(), 0, 'no rating form after a bulk finish');
    await widget.locator('[part="thanks"]').getByText('Obrigado pelo contato!').waitFor();
    await widget.getByRole('button', { name: 'Nova conversa' }).waitFor();
    ana.close();
  });
});
