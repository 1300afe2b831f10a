import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { ConectaWebchat } from '../../src/elements/conecta-webchat/conecta-webchat.js';
import type { Attachment } from '../../src/protocol/index.js';
import {
  aServerMessage,
  createMockClient,
  webchatActiveFixture,
  webchatChannel,
  webchatFinishedFixture,
  webchatNewVisitorFixture,
  webchatOfflineChannel,
  webchatReturningFixture,
  type MockClient,
} from '../fixtures/index.js';
import { $, $$, settle, forgetConectaStorage } from './helpers.js';

// axe-core on every state of the widget: no violation, closed or open, light, dark and right-to-left.

const SERVER = 'https://conecta.test';

async function opened(client: MockClient, attrs: { theme?: string; dir?: string; lang?: string } = {}): Promise<ConectaWebchat> {
  const el = await fixture<ConectaWebchat>(
    html`<conecta-webchat .client=${client} server=${SERVER} channel="demo" lang=${attrs.lang ?? 'pt-BR'} theme=${attrs.theme ?? 'auto'}
      dir=${attrs.dir ?? 'ltr'}></conecta-webchat>`,
  );
  await settle(el);
  await el.show();
  await settle(el);
  return el;
}

function fill(el: ConectaWebchat, selector: string, value: string): void {
  ($(el, selector) as HTMLInputElement).value = value;
}

async function submit(el: ConectaWebchat, selector: string): Promise<void> {
  ($(el, selector) as HTMLFormElement).requestSubmit();
  await settle(el);
}

const newVisitor = (channel = webchatChannel) => createMockClient(webchatNewVisitorFixture(), { channel });

const pdf: Attachment = { id: 'file-1', name: 'pedido.pdf', size: 52_000, mime: 'application/pdf', kind: 'file', url: '/api/files/file-1' };

/** A conversation with Ana: messages both ways, Ana typing, a file from Ana, an upload in progress. */
async function richConversation(attrs: Parameters<typeof opened>[1] = {}): Promise<ConectaWebchat> {
  let progress: (fraction: number) => void = () => {};
  const client = createMockClient(webchatActiveFixture(), {
    upload: (_file, options) => {
      progress = options.onProgress ?? progress;
      return new Promise(() => progress(0.3));
    },
  });
  const el = await opened(client, attrs);
  client.push({
    message: aServerMessage({
      id: 'm-file',
      sessionId: 'session-1',
      seq: 5,
      authorKind: 'agent',
      authorId: 'agent-ana',
      authorName: 'Ana',
      text: 'Segue o comprovante: https://example.com/pedido 📄',
      attachments: [pdf],
      createdAt: Date.now(),
    }),
  });
  client.pushTyping('session-1', true);
  const drop = new DataTransfer();
  drop.items.add(new File(['%PDF'], 'nota.pdf', { type: 'application/pdf' }));
  $(el, '.conversation').dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }));
  await settle(el);
  return el;
}

describe('<conecta-webchat> accessibility', () => {
  afterEach(forgetConectaStorage);

  it('is accessible closed, with the unread badge in the launcher name', async () => {
    sessionStorage.clear();
    localStorage.setItem(`conecta-webchat:engaged:${SERVER}#demo`, '1');
    const el = await fixture<ConectaWebchat>(html`<conecta-webchat .client=${createMockClient(webchatActiveFixture())} server=${SERVER}
      channel="demo" lang="pt-BR"></conecta-webchat>`);
    await settle(el);
    expect($(el, '[part="launcher"]').getAttribute('aria-label')).to.equal('Abrir chat, 1 mensagem não lida');
    await expect(el).to.be.accessible();
  });

  it('is accessible with the pre-chat form, and with its errors', async () => {
    const el = await opened(newVisitor());
    await expect(el).to.be.accessible();
    fill(el, '#webchat-email', 'nope');
    await submit(el, '[part="prechat"]');
    expect($$(el, '[aria-invalid="true"]')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('is accessible with the menu', async () => {
    const el = await opened(newVisitor());
    fill(el, '#webchat-name', 'Joana');
    await submit(el, '[part="prechat"]');
    expect($$(el, '[part="menu-option"]')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('is accessible with the offline form, and with its errors', async () => {
    const el = await opened(newVisitor(webchatOfflineChannel));
    await expect(el).to.be.accessible();
    await submit(el, '[part="offline-form"]');
    expect($$(el, '[aria-invalid="true"]').length, 'the errors show').to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('is accessible waiting in the queue', async () => {
    const el = await opened(createMockClient(webchatReturningFixture()));
    expect($(el, '[part="queue-status"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('is accessible in a conversation with messages, typing, files and an upload', async () => {
    const el = await richConversation();
    expect($(el, '[part="typing"]')).to.exist;
    expect($(el, '[part="upload"] progress')).to.exist;
    expect($(el, '[part~="attachment"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('is accessible asking to end, rating (also with an error) and thanking', async () => {
    const el = await opened(createMockClient(webchatActiveFixture()));
    $(el, '[part="end-button"]').click();
    await settle(el);
    await expect(el).to.be.accessible();
    $(el, '[part="end-confirm-button"]').click();
    await settle(el);
    expect($(el, '[part="rating"]')).to.exist;
    await expect(el).to.be.accessible();
    await submit(el, '[part="rating"]');
    expect($(el, 'fieldset').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    $(el, '[part="skip-button"]').click();
    await settle(el);
    expect($(el, '[part="thanks"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme', async () => {
    const el = await richConversation({ theme: 'dark' });
    expect(getComputedStyle($(el, '[part="panel"]')).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
    const rating = await opened(createMockClient(webchatFinishedFixture()), { theme: 'dark' });
    await expect(rating).to.be.accessible();
  });

  it('is accessible right to left', async () => {
    const el = await richConversation({ dir: 'rtl' });
    await expect(el).to.be.accessible();
    const form = await opened(newVisitor(), { dir: 'rtl' });
    await expect(form).to.be.accessible();
  });
});
