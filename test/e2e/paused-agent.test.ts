import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA, BRUNO, DEMO_TEAMS } from '../server/harness.js';
import { desksClosedAfterEach, startEndToEnd, visitorWrites, type EndToEnd, setPause } from './support.js';

/**
 * The desk's tab is in the background (the agent works in another one) and what the browser does to
 * get the agent's attention is recorded: each notification shown and each beep started.
 */
async function inBackgroundRecordingAlerts(page: Page): Promise<void> {
  // A string, not a function: the test's TypeScript transform would add helpers the page lacks.
  await page.addInitScript({
    content: `
      const alerts = (window.recordedAlerts = []);
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      window.Notification = class {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        constructor(title, options) { alerts.push(title + ': ' + options?.body); }
      };
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (...args) { alerts.push('beep'); return start.apply(this, args); };
    `,
  });
}

const recordedAlerts = (page: Page) => page.evaluate(() => (window as unknown as { recordedAlerts: string[] }).recordedAlerts);

/** The agent turns on sound and notifications in the bar, as on any workday. */
async function turnAlertsOn(page: Page): Promise<void> {
  const alerts = page.getByRole('switch', { name: 'Som e notificações' });
  await alerts.click();
  await page.waitForFunction(() => document.querySelector('#agent-desk')?.hasAttribute('with-alerts'));
}

/** Issue 10: routing obeys availability. A paused agent is offered nothing new; an online colleague is. */
describe('a paused agent, end to end', () => {
  let e2e: EndToEnd;
  before(async () => (e2e = await startEndToEnd()));
  after(() => e2e?.close());
  const desk = desksClosedAfterEach(() => e2e);

  it('gets no new waiting session and no alert while paused, as an online colleague does; back online, it is there', async () => {
    const ana = await desk(ANA, inBackgroundRecordingAlerts);
    const bruno = await desk(BRUNO, inBackgroundRecordingAlerts);
    await turnAlertsOn(ana);
    await turnAlertsOn(bruno);
    await setPause(bruno, 'pt-cafe');

    const { visitor } = await visitorWrites(e2e.server.url, 'Vera Lúcia', DEMO_TEAMS.suporte.id, 'Alguém me ajuda?');
    const accept = (page: Page) => page.getByRole('button', { name: 'Aceitar atendimento de Vera Lúcia' });
    await accept(ana).waitFor();
    // Ana was offered it live; Bruno, on his break, was not (given time to arrive, had it been sent).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(await accept(bruno).count(), 0, 'a paused agent is offered no new session');
    // Ana, her tab in the background, was called to it by a sound and a notification; Bruno by nothing.
    assert.deepEqual(await recordedAlerts(ana), ['beep', 'Novo atendimento em espera: Vera Lúcia · Suporte']);
    assert.deepEqual(await recordedAlerts(bruno), []);

    await setPause(bruno, null);
    await accept(bruno).waitFor();
    visitor.close();
  });
});
