import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA } from '../server/harness.js';
import { newContext, newTab, openAgentDesk, openWebchat, startEndToEnd, startWebchat, visitorSays, type EndToEnd } from './support.js';

/**
 * A visitor with the site open in two tabs has one conversation: what is written in one tab shows
 * in the other, both count the same unread messages, and both keep it across a reload.
 */
describe('webchat in two tabs, across reloads', () => {
  let e2e: EndToEnd;

  before(async () => {
    e2e = await startEndToEnd();
  });

  after(() => e2e?.close());

  const unreadBadge = (tab: Page) => tab.locator('conecta-webchat [part~="badge"]');

  it('one conversation and one unread count in every tab; a reload keeps everything', async () => {
    const visitor = await newContext(e2e);
    const first = await newTab(visitor);
    await first.goto(`${e2e.server.url}/site/`);
    await startWebchat(first, { name: 'Bia Tavares', option: 'Suporte' });
    await visitorSays(first, 'Escrevi na primeira aba.');

    // The second tab shows the same conversation, and what it writes shows in the first.
    const second = await newTab(visitor);
    await second.goto(`${e2e.server.url}/site/`);
    await openWebchat(second);
    const secondLog = second.locator('conecta-webchat').getByRole('log');
    await secondLog.getByText('Escrevi na primeira aba.').waitFor();
    await visitorSays(second, 'E esta na segunda.');
    await first.locator('conecta-webchat').getByRole('log').getByText('E esta na segunda.').waitFor();

    // Both panels closed: Ana answers twice, and both tabs count two unread messages.
    for (const tab of [first, second]) await tab.locator('conecta-webchat').getByRole('button', { name: 'Minimizar' }).click();
    const ana = await openAgentDesk(e2e, ANA);
    await ana.getByRole('button', { name: 'Aceitar atendimento de Bia Tavares' }).click();
    const composer = ana.getByRole('textbox', { name: 'Mensagem' });
    for (const text of ['Oi, Bia!', 'Como posso ajudar?']) {
      await composer.fill(text);
      await composer.press('Enter');
    }
    for (const tab of [first, second]) {
      await unreadBadge(tab).getByText('2').waitFor();
      await tab.getByRole('button', { name: 'Abrir chat, 2 mensagens não lidas' }).waitFor();
    }

    // Reading in one tab clears the count in both.
    await first.bringToFront();
    await openWebchat(first);
    await first.locator('conecta-webchat').getByRole('log').getByText('Como posso ajudar?').waitFor();
    await unreadBadge(second).waitFor({ state: 'detached' });
    await second.getByRole('button', { name: 'Abrir chat', exact: true }).waitFor();

    // A reload keeps the whole conversation, in order.
    await second.reload();
    await openWebchat(second);
    const log = second.locator('conecta-webchat').getByRole('log');
    await log.getByText('Como posso ajudar?').waitFor();
    const texts = await log.locator('[part~="message"]').allInnerTexts();
    const order = ['Escrevi na primeira aba.', 'E esta na segunda.', 'Oi, Bia!', 'Como posso ajudar?'].map((text) =>
      texts.findIndex((each) => each.includes(text)),
    );
    assert.ok(
      order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1]!)),
      `messages out of order: ${texts.join(' | ')}`,
    );
    await visitor.close();
  });
});
