import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { newPage, startEndToEnd, startWebchat, type EndToEnd } from './support.js';

/**
 * The built widget's ending (confirmation, rating) is a chunk fetched once the chat is ready: when it
 * cannot be fetched (offline), ending the conversation says so and offers a retry, which works once
 * the network is back (the browser does not keep the failed import).
 */
describe('webchat ending chunk offline', () => {
  let e2e: EndToEnd;

  before(async () => {
    e2e = await startEndToEnd();
  });

  after(() => e2e?.close());

  it('offers a retry when the chunk cannot be fetched, and asks to confirm once it can', async () => {
    const visitor = await newPage(e2e);
    let offline = true;
    const fetched: string[] = [];
    await visitor.route(/\/webchat\/webchat-rating-[\w-]+\.js$/, (route) => {
      fetched.push(route.request().url());
      return offline ? route.abort('internetdisconnected') : route.continue();
    });
    await visitor.goto(`${e2e.server.url}/site/`);
    await startWebchat(visitor, { name: 'Olga Ribeiro', option: 'Suporte' });
    const widget = visitor.locator('conecta-webchat');
    // Fetched at idle once the chat is ready (and failed here).
    await assert.doesNotReject(async () => {
      for (let i = 0; i < 100 && fetched.length === 0; i++) await visitor.waitForTimeout(50);
      assert.ok(fetched.length > 0, 'the ending chunk is fetched at idle');
    });
    await widget.getByRole('button', { name: 'Encerrar conversa' }).click();
    const retry = widget.getByRole('button', { name: 'Tentar novamente' });
    await retry.waitFor();
    await widget.getByRole('alert').getByText('Algo deu errado. Tente novamente.').waitFor();
    if (process.env.SCREENSHOTS) {
      mkdirSync(process.env.SCREENSHOTS, { recursive: true });
      for (const width of [390, 768, 1280]) {
        await visitor.setViewportSize({ width, height: 800 });
        await visitor.screenshot({ path: `${process.env.SCREENSHOTS}/ending-offline-${width}.png` });
      }
    }
    offline = false;
    await retry.click();
    await widget.getByRole('button', { name: 'Sim, encerrar' }).waitFor();
    assert.equal(await widget.getByRole('button', { name: 'Cancelar' }).evaluate((button) => button.matches(':focus')), true);
  });
});
