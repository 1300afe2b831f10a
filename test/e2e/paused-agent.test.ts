import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA, BRUNO, DEMO_TEAMS } from '../server/harness.js';
import { desksClosedAfterEach, startEndToEnd, visitorWrites, type EndToEnd, setPause } from './support.js';

/** Issue 10: routing obeys availability. A paused agent is offered nothing new; an online colleague is. */
describe('a paused agent, end to end', () => {
  let e2e: EndToEnd;
  before(async () => (e2e = await startEndToEnd()));
  after(() => e2e?.close());
  const desk = desksClosedAfterEach(() => e2e);

  it('gets no new waiting session while paused, as an online colleague does; back online, it is there', async () => {
    const ana = await desk(ANA);
    const bruno = await desk(BRUNO);
    await setPause(bruno, 'pt-cafe');

    const { visitor } = await visitorWrites(e2e.server.url, 'Vera Lúcia', DEMO_TEAMS.suporte.id, 'Alguém me ajuda?');
    const accept = (page: Page) => page.getByRole('button', { name: 'Aceitar atendimento de Vera Lúcia' });
    await accept(ana).waitFor();
    // Ana was offered it live; Bruno, on his break, was not (given time to arrive, had it been sent).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(await accept(bruno).count(), 0, 'a paused agent is offered no new session');

    await setPause(bruno, null);
    await accept(bruno).waitFor();
    visitor.close();
  });
});
