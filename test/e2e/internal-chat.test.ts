import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ANA, BRUNO } from '../server/harness.js';
import { desksClosedAfterEach, startEndToEnd, type EndToEnd, setPause } from './support.js';

/** The smallest valid PNG: 1×1, transparent. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The demo desk (`<conecta-agent-desk>`) lists the colleagues and holds the internal chat; wait for the list. */
async function colleaguesListed(desk: Page): Promise<void> {
  await desk.locator('conecta-agents [part~="item"]').first().waitFor();
}

describe('the internal chat between agents, end to end', () => {
  let e2e: EndToEnd;
  before(async () => (e2e = await startEndToEnd()));
  after(() => e2e?.close());
  const desk = desksClosedAfterEach(() => e2e);

  it('Ana picks Bruno among her colleagues and sends him a screenshot; each sees the other’s message live', async () => {
    const ana = await desk(ANA);
    const bruno = await desk(BRUNO);
    await colleaguesListed(ana);
    await colleaguesListed(bruno);

    // Ana sees Bruno available, and opens the conversation from the list.
    const brunoInList = ana.locator('conecta-agents [data-agent-id="ag-bruno"]');
    await brunoInList.locator('[part="state"]', { hasText: 'Disponível' }).waitFor();
    await brunoInList.click();
    const anaChat = ana.locator('conecta-internal-chat');
    await anaChat.getByRole('heading', { name: 'Bruno Lima' }).waitFor();

    // A screenshot attached, a line written, Enter.
    await anaChat.locator('#chat-file-input').setInputFiles({ name: 'tela.png', mimeType: 'image/png', buffer: PNG });
    await anaChat.locator('[part="upload"][data-done="true"]').waitFor();
    const anaInput = anaChat.getByRole('textbox', { name: 'Mensagem para Bruno Lima' });
    await anaInput.fill('Bruno, olha o erro do boleto');
    await anaInput.press('Enter');
    await anaChat.getByRole('log').locator('[data-status="sent"]', { hasText: 'Bruno, olha o erro do boleto' }).waitFor();

    // Bruno: the unread count arrives live, then the message with the image.
    const brunoChat = bruno.locator('conecta-internal-chat');
    const fromAna = brunoChat.locator('[part~="conversation"][data-agent-id="ag-ana"]');
    await fromAna.locator('[part="unread"]', { hasText: '1' }).waitFor();
    await bruno.locator('conecta-agents [data-agent-id="ag-ana"] [part="unread"]').waitFor();
    await fromAna.click();
    const brunoLog = brunoChat.getByRole('log', { name: 'Mensagens com Ana' });
    await brunoLog.getByText('Bruno, olha o erro do boleto').waitFor();
    const image = brunoLog.getByRole('img', { name: 'tela.png' });
    await image.waitFor();
    await bruno.waitForFunction(
      () => {
        const chat = document.getElementById('agent-desk')?.shadowRoot?.querySelector('conecta-internal-chat');
        const img = chat?.shadowRoot?.querySelector('img');
        return img instanceof HTMLImageElement && img.complete && img.naturalWidth === 1;
      },
      undefined,
      { timeout: 5000 },
    );
    assert.equal(await fromAna.locator('[part="unread"]').count(), 0, 'reading it cleared the count');

    // Ana sees it read; Bruno answers and Ana sees the answer live.
    await anaChat.getByRole('log').locator('[data-status="read"]', { hasText: 'Bruno, olha o erro do boleto' }).waitFor();
    const brunoInput = brunoChat.getByRole('textbox', { name: 'Mensagem para Ana' });
    await brunoInput.fill('Vi aqui, já resolvo');
    await brunoInput.press('Enter');
    await anaChat.getByRole('log', { name: 'Mensagens com Bruno Lima' }).getByText('Vi aqui, já resolvo').waitFor();

    // Each sees the other's state change live: Bruno takes a coffee break, Ana goes to lunch.
    await setPause(bruno, 'pt-cafe');
    await brunoInList.locator('[part="state"]', { hasText: 'Em pausa' }).waitFor();
    await setPause(ana, 'pt-almoco');
    await bruno.locator('conecta-agents [data-agent-id="ag-ana"] [part="state"]', { hasText: 'Em pausa' }).waitFor();
    await setPause(bruno, null);
    await brunoInList.locator('[part="state"]', { hasText: 'Disponível' }).waitFor();
  });
});
