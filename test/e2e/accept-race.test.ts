import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ANA, BRUNO, connectAgent, DEMO_TEAMS, loginAgent } from '../server/harness.js';
import { openAgentDesk, startEndToEnd, visitorWrites, type EndToEnd } from './support.js';

/** Two agents of Suporte press Accept on the same waiting session at the same moment. */
describe('a race of two accepts, end to end', () => {
  let e2e: EndToEnd;
  before(async () => (e2e = await startEndToEnd()));
  after(() => e2e?.close());

  it('gives the session to exactly one agent and tells the other clearly', async () => {
    const { sessionId } = await visitorWrites(e2e.server.url, 'Helena Prado', DEMO_TEAMS.suporte.id, 'Alguém pode me ajudar?');
    const desks = await Promise.all([openAgentDesk(e2e, ANA), openAgentDesk(e2e, BRUNO)]);
    const buttons = desks.map((desk) => desk.getByRole('button', { name: 'Aceitar atendimento de Helena Prado' }));
    await Promise.all(buttons.map((button) => button.waitFor()));

    // Both clicks leave their pages in the same instant, before either hears of the other.
    await Promise.all(buttons.map((button) => button.evaluate((element: HTMLElement) => element.click())));

    const observer = await connectAgent(e2e.server.url, await loginAgent(e2e.server.url, ANA));
    let owner: string | null = null;
    for (let tries = 0; tries < 50 && !owner; tries++) {
      const { session } = await observer.ok('session.sync', { sessionId, afterSeq: 0 });
      owner = session.status === 'active' ? session.agentId : null;
      if (!owner) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    observer.close();
    assert.ok(owner, 'one of them owns the session');
    const loser = owner === 'ag-ana' ? desks[1] : desks[0];
    await loser.getByText('Este atendimento já foi aceito por outro agente.').waitFor();
  });
});
