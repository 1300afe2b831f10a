import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newPage, startEndToEnd, startWebchat, type EndToEnd } from './support.js';

const UPLOAD_CHUNK = /\/webchat\/upload-[\w-]+\.js$/;

/**
 * The built widget's uploads' code is a chunk of its own, which no visitor needs to a ready chat:
 * fetched at idle once the chat is ready, so a file attached then uploads at once; when it cannot be
 * fetched (offline), the attachment says it failed, and the next one, back online, goes.
 */
describe('webchat uploads chunk', () => {
  let e2e: EndToEnd;

  before(async () => {
    e2e = await startEndToEnd();
  });

  after(() => e2e?.close());

  it('is fetched at idle once the chat is ready, and a file attached then goes with the message', async () => {
    const visitor = await newPage(e2e);
    const fetched: string[] = [];
    visitor.on('request', (request) => {
      if (UPLOAD_CHUNK.test(request.url())) fetched.push(request.url());
    });
    await visitor.goto(`${e2e.server.url}/site/`);
    const widget = visitor.locator('conecta-webchat');
    await widget.waitFor({ state: 'attached' });
    await visitor.waitForTimeout(500);
    assert.deepEqual(fetched, [], 'not while the panel stays closed');
    await startWebchat(visitor, { name: 'Olga Ribeiro', option: 'Suporte' });
    for (let i = 0; i < 100 && fetched.length === 0; i++) await visitor.waitForTimeout(50);
    assert.equal(fetched.length, 1, 'fetched at idle once the chat is ready');

    await widget.locator('#webchat-file').setInputFiles({ name: 'nota.txt', mimeType: 'text/plain', buffer: Buffer.from('Pedido 123') });
    await widget.locator('[part="upload"]').waitFor();
    await widget.locator('[part="upload"] progress').waitFor({ state: 'detached' });
    const composer = widget.getByRole('textbox', { name: 'Mensagem' });
    await composer.fill('Segue o pedido');
    await composer.press('Enter');
    await widget.getByRole('log').locator('[part~="attachment"]', { hasText: 'nota.txt' }).waitFor();
    assert.equal(fetched.length, 1, 'fetched once');
  });

  it('says an attachment failed while the chunk cannot be fetched, and the next one goes once it can', async () => {
    const visitor = await newPage(e2e);
    let offline = true;
    await visitor.route(UPLOAD_CHUNK, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await visitor.goto(`${e2e.server.url}/site/`);
    await startWebchat(visitor, { name: 'Paulo Neves', option: 'Suporte' });
    const widget = visitor.locator('conecta-webchat');
    const file = { name: 'nota.txt', mimeType: 'text/plain', buffer: Buffer.from('Pedido 456') };
    await widget.locator('#webchat-file').setInputFiles(file);
    await widget
      .getByRole('alert')
      .getByText(/^nota\.txt não foi enviado: /)
      .waitFor();

    offline = false;
    await widget.locator('#webchat-file').setInputFiles(file);
    await widget.locator('[part="upload"]').waitFor();
    await widget.locator('[part="upload"] progress').waitFor({ state: 'detached' });
    await widget.getByRole('textbox', { name: 'Mensagem' }).press('Enter');
    await widget.getByRole('log').locator('[part~="attachment"]', { hasText: 'nota.txt' }).waitFor();
  });
});
